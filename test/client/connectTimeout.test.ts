// A real connect timeout: the login goes to a 127.0.0.1 port that drops SYNs (its accept queue
// is full), so only the profile's connect timeout can end it. The kernel alone would retry SYNs for
// about two minutes, and the test cancels at 10 s, so a timeout error means ours fired.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionSettings } from '../../electron/host/retsAdapter';
import type { ProfileConnection } from '../../electron/host/profiles';
import { RetsSession } from '../../electron/rets/session';
import { describeError } from '../../shared/rets/errors';
import { droppingEndpoint } from '../doctor/droppingEndpoint';
import type { Endpoint } from '../doctor/servers';
import { rejection } from './helpers';

let ep: Endpoint;
beforeAll(async () => { ep = await droppingEndpoint(); });
afterAll(async () => { await ep?.close(); });

function profile(loginUrl: string): ProfileConnection {
  return {
    id: 'p1', name: 'Dropping', loginUrl, username: 'joe', password: 'S3cret-pw!', userAgent: 'Workbench/1.0',
    retsVersion: 'RETS/1.7.2', authScheme: 'auto', method: 'GET', throttle: { requestsPerMinute: 0 },
    timeouts: { connectSeconds: 1, responseSeconds: 5 }, keepLoginHost: false,
  };
}

describe('connect timeout against a port that drops SYNs', () => {
  it('login fails with the typed timeout error from the profile\'s connectSeconds', async () => {
    const settings = connectionSettings(profile(ep.url));
    expect(settings.connectTimeoutMs).toBe(1000);
    const session = new RetsSession(settings);
    try {
      const err = await rejection(session.login(AbortSignal.timeout(10_000)));
      expect(err.info).toMatchObject({
        kind: 'timeout', transaction: 'Login',
        message: `Connecting to the server timed out (${new URL(ep.url).host}).`,
        cause: 'The server did not accept the connection within the connect timeout.',
      });
      expect(err.info.hint).toContain('Check the host and port');
      expect(err.info.url).toBe(ep.url);
      const line = describeError(err.info);
      expect(line).toContain('connect timeout');
      expect(line).not.toContain('S3cret-pw!');
    } finally {
      await session.close();
    }
  }, 15_000);
});
