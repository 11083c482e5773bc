// Shared set-up for the session tests: a mini RETS server and a session pointed at it.
import { RetsSession } from '../../electron/rets/session';
import { DEFAULT_SETTINGS, type ConnectionSettings } from '../../electron/rets/types';
import type { SearchEvent } from '../../shared/rets/search/types';
import { isRetsError, type RetsError } from '../../shared/rets/errors';
import { startMiniRets, type MiniRets, type MiniRetsOptions } from './miniRets';

export interface Harness {
  server: MiniRets;
  session: RetsSession;
  dispose(): Promise<void>;
}

export async function harness(serverOpts: MiniRetsOptions = {}, settings: Partial<ConnectionSettings> = {}): Promise<Harness> {
  const server = await startMiniRets(serverOpts);
  const session = new RetsSession({
    ...DEFAULT_SETTINGS, loginUrl: server.loginUrl, username: 'joe', password: 'pw', userAgent: 'Workbench/1.0',
    connectTimeoutMs: 2000, idleTimeoutMs: 3000, ...settings,
  });
  return {
    server, session,
    dispose: async () => { await session.close(); await server.close(); },
  };
}

export interface Collected {
  columns: string[];
  count?: number;
  rows: string[][];
  maxrows: boolean;
  statuses: number[];
  warnings: string[];
}

export async function collect(events: AsyncIterable<SearchEvent>): Promise<Collected> {
  const out: Collected = { columns: [], rows: [], maxrows: false, statuses: [], warnings: [] };
  for await (const ev of events) {
    if (ev.kind === 'columns') out.columns = ev.columns;
    else if (ev.kind === 'count') out.count = ev.count;
    else if (ev.kind === 'rows') for (let i = 0; i < ev.batch.length; i++) out.rows.push(ev.batch.row(i));
    else if (ev.kind === 'maxrows') out.maxrows = true;
    else if (ev.kind === 'status') out.statuses.push(ev.replyCode);
    else out.warnings.push(ev.message);
  }
  return out;
}

/** The RetsError a promise rejects with (fails the test if it resolves or throws something else). */
export async function rejection(p: Promise<unknown>): Promise<RetsError> {
  try {
    await p;
  } catch (e) {
    if (isRetsError(e)) return e;
    throw new Error(`expected a RetsError, got ${String(e)}`);
  }
  throw new Error('expected a rejection');
}
