// Demo MLS sessions nobody comes back to are dropped after the TimeoutSeconds the login
// announced: logins over real HTTP, the server's clock driven by the test (no sleeping).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMls, type DemoMls } from '../../electron/demo/index';
import { get, login, replyCode } from './helpers';

let mls: DemoMls;
let now = Date.UTC(2026, 0, 1);
beforeAll(async () => { mls = await startDemoMls({ listings: 20, clock: () => now }); });
afterAll(async () => { await mls.close(); });

const sysMeta = () => `${mls.baseUrl}/rets/getMetadata?Type=METADATA-SYSTEM&ID=*&Format=COMPACT`;

describe('session expiry', () => {
  it('drops sessions idle past the announced TimeoutSeconds, keeps the live ones', async () => {
    const first = await Promise.all([login(mls.loginUrl), login(mls.loginUrl), login(mls.loginUrl)]);
    const announced = Number(/TimeoutSeconds=(\d+)/.exec(first[0].reply.text)![1]);
    expect(announced).toBe(1800);
    expect(mls.sessionCount()).toBe(3);

    now += (announced - 200) * 1000; // not yet expired: a login sweeps and keeps all
    const fourth = await login(mls.loginUrl);
    expect(mls.sessionCount()).toBe(4);
    expect(replyCode((await get(sysMeta(), { Cookie: first[0].cookie })).text)).toBe(0); // still alive, and now fresh

    now += 400 * 1000; // the other two first sessions are past their timeout; the used one and the fourth are not
    await login(mls.loginUrl);
    expect(mls.sessionCount()).toBe(3);
    const gone = await get(sysMeta(), { Cookie: first[1].cookie });
    expect(gone.status).toBe(401);
    expect(replyCode(gone.text)).toBe(20701);
    expect(replyCode((await get(sysMeta(), { Cookie: fourth.cookie })).text)).toBe(0);
  });

  it('holds a bounded number of sessions under a stream of logins spread over hours', async () => {
    for (let hour = 0; hour < 6; hour++) {
      await Promise.all(Array.from({ length: 5 }, () => login(mls.loginUrl)));
      now += 3600 * 1000;
    }
    await login(mls.loginUrl);
    expect(mls.sessionCount()).toBe(1);
  });
});
