// What every Web API command shares, as serverRun.ts for RETS: a session opened from the
// connection flags, Ctrl+C turned into a cancel that ends with exit 130, the server's (or the
// token endpoint's) refusal printed as the typed error's words (exit 1), Retry-After waits said on
// stderr, and the session closed at the end.
import { describeODataError, isODataError } from '../../shared/odata/errors';
import { REDACTED } from '../../shared/redact';
import { ODataSession } from '../odata/session';
import type { TransportEvent } from '../odata/transport';
import { EXIT } from './serverRun';
import type { OpenWebApiConnection } from './webApiConnection';

export interface WebApiJob {
  session: ODataSession;
  signal: AbortSignal;
  /** Writes to stderr with the connection's secrets removed. */
  say(text: string): void;
  /** True when stderr is a terminal: progress lines go there. */
  progress: boolean;
  /** Tells the user about a wait the server asked for (Retry-After). */
  onEvent(e: TransportEvent): void;
}

export function waitText(e: { retryAfterMs: number; status: number; attempt: number }): string {
  return `The server asks to wait (HTTP ${e.status}): waiting ${Math.ceil(e.retryAfterMs / 1000)} s before retry ${e.attempt}…\n`;
}

/**
 * The text with the connection's secrets replaced. Only the known values: the typed errors already
 * carry redacted URLs, and redactText's name=value rule would eat words of their hints ("token: with").
 */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(REDACTED);
  return out;
}

export async function runWebApiJob(command: string, conn: OpenWebApiConnection, job: (j: WebApiJob) => Promise<number>): Promise<number> {
  const say = (text: string) => { process.stderr.write(withoutSecrets(text, conn.secrets)); };
  const onEvent = (e: TransportEvent) => { if (e.kind === 'wait') say(waitText(e)); };
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const session = new ODataSession(conn.settings, { onEvent });
  try {
    return await job({ session, signal: controller.signal, say, progress: process.stderr.isTTY === true, onEvent });
  } catch (e) {
    if (controller.signal.aborted) {
      say(`rets-workbench ${command}: interrupted; nothing was written under the final name.\n`);
      return EXIT.interrupted;
    }
    if (!isODataError(e)) throw e;
    say(`rets-workbench ${command}: ${describeODataError(e.info)}\n`);
    return EXIT.refused;
  } finally {
    process.off('SIGINT', onSigint);
    await session.close().catch(() => undefined);
    await conn.close();
  }
}
