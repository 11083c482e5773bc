// Every search lands in the history (done, no records, error, cancelled), written once its first
// rows arrived or it ended, never before the request went out. A RETS server written here holds
// its answer while the test reads the history: at the request, after the first rows, at the end.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../shared/contract';
import { call, runOperation, runSearchRecorded, startHarness, type Harness } from './hostHarness';

const LOGIN = (base: string) => `<RETS ReplyCode="0" ReplyText="Success">\r\n<RETS-RESPONSE>\r\nMemberName=Held\r\nUser=joe,0,0,0\r\nLogin=${base}/rets/login\r\nLogout=${base}/rets/logout\r\nSearch=${base}/rets/search\r\nGetMetadata=${base}/rets/getMetadata\r\n</RETS-RESPONSE>\r\n</RETS>\r\n`;
const HEAD = '<RETS ReplyCode="0" ReplyText="OK">\n<COUNT Records="3"/>\n<DELIMITER value="09"/>\n<COLUMNS>\tID\tCity\t</COLUMNS>\n';

let h: Harness;
let server: Server;
let profileId = '';
/** Called when a search request reaches the server; the answer waits for its promise. */
let onSearch: (query: string, res: ServerResponse) => Promise<void> = async () => undefined;

async function body(req: IncomingMessage): Promise<string> {
  let s = '';
  for await (const c of req) s += String(c);
  return s;
}

beforeAll(async () => {
  h = await startHarness();
  server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const form = new URLSearchParams(url.search + '&' + (await body(req)));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      res.setHeader('RETS-Version', 'RETS/1.7.2');
      if (url.pathname === '/rets/login') { res.setHeader('Set-Cookie', 'RETS-Session-ID=held; Path=/'); res.end(LOGIN(base)); return; }
      if (url.pathname === '/rets/search') { res.setHeader('Content-Type', 'text/xml'); await onSearch(form.get('Query') ?? '', res); return; }
      res.end('<RETS ReplyCode="0" ReplyText="OK"/>');
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const loginUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rets/login`;
  ({ profile: { id: profileId } } = await call<{ profile: { id: string } }>(h.host, 'profiles.create', { name: 'Held MLS', loginUrl, username: 'joe', password: 'pw' }));
});
afterAll(async () => { await new Promise((r) => server.close(r)); await h?.close(); });

async function entryFor(query: string): Promise<HistoryEntry | undefined> {
  const { entries } = await call<{ entries: HistoryEntry[] }>(h.host, 'history.list', { profileId });
  return entries.find((e) => e.query === query);
}

/** Runs a search to its end and on to its history write. */
function search(query: string, onEvent?: Parameters<typeof runOperation>[3], pid = profileId): ReturnType<typeof runSearchRecorded> {
  return runSearchRecorded(h.host, { profileId: pid, resource: 'Property', class: 'RES', query, options: { limit: 'NONE' } }, onEvent);
}

describe('history timing', () => {
  it('writes a search once its first rows arrived, not when its request went out, and its outcome at the end', async () => {
    const query = '(ID=1+)';
    let atRequest: HistoryEntry | undefined | null = null;
    let firstRows!: () => void;
    const seen = new Promise<void>((r) => { firstRows = r; });
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    onSearch = async (q, res) => {
      atRequest = await entryFor(q);
      res.write(`${HEAD}<DATA>\t1\tAvon\t</DATA>\n`);
      await held;
      res.end('<DATA>\t2\tBath\t</DATA>\n<DATA>\t3\tCork\t</DATA>\n</RETS>\n');
    };
    // The entry is written right after the first rows went out, and says so with history.changed.
    let rowsSeen = false;
    const off = h.host.events.subscribe((e) => { if (rowsSeen && e.type === 'history.changed') firstRows(); });
    const run = search(query, (e) => { if (e.type === 'search.rows') rowsSeen = true; });
    await seen;
    off();
    const atFirstRows = await entryFor(query);
    release();
    const { last } = await run;
    expect(last).toMatchObject({ type: 'search.done', rows: 3 });
    expect(atRequest).toBeUndefined();
    expect(atFirstRows).toMatchObject({ status: 'running' });
    expect(await entryFor(query)).toMatchObject({ status: 'ok', rows: 3, count: 3 });
  });

  it('records a search with no records, one that failed and one cancelled, each once', async () => {
    onSearch = async (q, res) => {
      if (q === '(ID=0)') { res.end('<RETS ReplyCode="20201" ReplyText="No Records Found"/>'); return; }
      if (q === '(Bad=1)') { res.end('<RETS ReplyCode="20203" ReplyText="Unknown Query Field: Bad"/>'); return; }
      res.write(`${HEAD}<DATA>\t1\tAvon\t</DATA>\n`); // then nothing until the client goes away
      res.on('close', () => res.end());
    };
    expect((await search('(ID=0)')).last).toMatchObject({ type: 'search.done', rows: 0, replyCode: 20201 });
    expect((await search('(Bad=1)')).last.type).toBe('search.error');
    const cancelled = await search('(Slow=1)', (e, id) => { if (e.type === 'search.rows') void call(h.host, 'search.cancel', { operationId: id }); });
    expect(cancelled.last).toMatchObject({ type: 'search.done', cancelled: true });
    expect(await entryFor('(ID=0)')).toMatchObject({ status: 'empty', rows: 0 });
    expect(await entryFor('(Bad=1)')).toMatchObject({ status: 'error', error: { replyCode: 20203 } });
    expect(await entryFor('(Slow=1)')).toMatchObject({ status: 'cancelled', rows: 1 });
    const { entries } = await call<{ entries: HistoryEntry[] }>(h.host, 'history.list', { profileId });
    expect(entries.map((e) => e.query).sort()).toEqual(['(Bad=1)', '(ID=0)', '(ID=1+)', '(Slow=1)']);
  });

  it('records a search whose login failed, though no search request went out', async () => {
    const { profile } = await call<{ profile: { id: string } }>(h.host, 'profiles.create', { name: 'Nowhere', loginUrl: 'http://127.0.0.1:9/rets/login', username: 'joe', password: 'pw', connectTimeoutS: 2 });
    const { last } = await search('(ID=9)', undefined, profile.id);
    expect(last.type).toBe('search.error');
    const { entries } = await call<{ entries: HistoryEntry[] }>(h.host, 'history.list', { profileId: profile.id });
    expect(entries).toMatchObject([{ query: '(ID=9)', status: 'error' }]);
  });
});
