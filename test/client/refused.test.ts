// A login URL whose port has nothing listening: the error names the host and port it tried, since
// the error box shows the message and not the URL (a typo there is the usual cause).
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { RetsSession } from '../../electron/rets/session';
import { DEFAULT_SETTINGS } from '../../electron/rets/types';
import { rejection } from './helpers';

/** A 127.0.0.1 port that was just free: listened on, then closed. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

describe('connection refused', () => {
  it('says which host and port refused, with the cause and what to check', async () => {
    const port = await closedPort();
    const session = new RetsSession({ ...DEFAULT_SETTINGS, loginUrl: `http://127.0.0.1:${port}/rets/login`, username: 'joe', password: 'pw', userAgent: 'Workbench/1.0' });
    try {
      const err = await rejection(session.login());
      expect(err.info).toMatchObject({ kind: 'network', transaction: 'Login', message: `The server refused the connection (127.0.0.1:${port}).` });
      expect(err.info.cause).toContain('Nothing is listening on that host and port');
      expect(err.info.hint).toContain('Check the port in the login URL');
    } finally {
      await session.close();
    }
  });
});
