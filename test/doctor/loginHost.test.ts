// The doctor through a tunnel to a server whose login reply names its own host: the capabilities
// step says the later requests go around the tunnel, and with keepLoginHost it passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../electron/doctor';
import { DEFAULT_SETTINGS, type ConnectionSettings } from '../../electron/rets/types';
import type { DoctorReport } from '../../shared/doctor';
import { startMiniRets, type MiniRets } from '../client/miniRets';
import { tunnel, type Tunnel } from '../client/tunnel';

let mls: MiniRets;
let tun: Tunnel;
beforeAll(async () => {
  mls = await startMiniRets({ relativeUrls: false, withAction: false });
  tun = await tunnel(Number(new URL(mls.url).port));
});
afterAll(async () => {
  await tun.close();
  await mls.close();
});

const settings = (more: Partial<ConnectionSettings> = {}): ConnectionSettings => ({
  ...DEFAULT_SETTINGS, loginUrl: `${tun.url}/rets/login`, username: 'joe', password: 'pw', userAgent: 'Workbench/1.0', ...more,
});
const capabilities = (r: DoctorReport) => r.steps.find((s) => s.id === 'capabilities')!;

describe('doctor: capability URLs on another host', () => {
  it('warns, names where the requests go and says what to turn on', async () => {
    const step = capabilities(await runDoctor(settings(), { timeoutMs: 3000 }));
    expect(step.status).toBe('warning');
    expect(step.facts).toContainEqual({ label: 'Other host', value: `Search, GetMetadata, GetObject, Logout, X-SampleLinks → ${mls.url}` });
    expect(step.diagnosis?.summary).toBe(`The login response sends later requests to another host than the login URL (Search, GetMetadata, GetObject, Logout, X-SampleLinks → ${mls.url}).`);
    expect(step.diagnosis?.actions[0]).toContain('Send every request to the login URL\'s host');
  });

  it('passes with keepLoginHost', async () => {
    const step = capabilities(await runDoctor(settings({ keepLoginHost: true }), { timeoutMs: 3000 }));
    expect(step.status).toBe('passed');
    expect(step.facts.map((f) => f.label)).toEqual(['Found']);
  });
});
