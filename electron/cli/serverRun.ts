// What every command that talks to a server shares: a session opened from the connection flags,
// Ctrl+C (SIGINT) turned into a cancel that ends with exit 130, server refusals printed as the
// typed error's words (exit 1), and the session logged out and closed at the end.
import { describeError, isRetsError } from '../../shared/rets/errors';
import { redactText } from '../../shared/redact';
import { RetsSession } from '../rets/session';
import type { OpenConnection } from './connection';

export const EXIT = { done: 0, refused: 1, usage: 2, interrupted: 130 } as const;

export interface ServerJob {
  session: RetsSession;
  signal: AbortSignal;
  /** Writes to stderr with the connection's secrets removed. */
  say(text: string): void;
  /** True when stderr is a terminal: progress lines go there. */
  progress: boolean;
}

export async function runServerJob(command: string, conn: OpenConnection, job: (j: ServerJob) => Promise<number>): Promise<number> {
  const secrets = [conn.settings.password, conn.settings.uaPassword ?? ''].filter((s) => s.length > 0);
  const say = (text: string) => { process.stderr.write(redactText(text, secrets)); };
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const session = new RetsSession(conn.settings);
  try {
    await session.login(controller.signal);
    return await job({ session, signal: controller.signal, say, progress: process.stderr.isTTY === true });
  } catch (e) {
    if (controller.signal.aborted) {
      say(`rets-workbench ${command}: interrupted; nothing was written under the final name.\n`);
      return EXIT.interrupted;
    }
    if (!isRetsError(e)) throw e;
    say(`rets-workbench ${command}: ${describeError(e.info)}\n`);
    return EXIT.refused;
  } finally {
    process.off('SIGINT', onSigint);
    if (session.loggedIn && !controller.signal.aborted) await session.logout().catch(() => undefined);
    await session.close().catch(() => undefined);
    await conn.close();
  }
}
