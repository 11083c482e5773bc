// Encoder worker threads change no byte of any reply: the same searches against a server that
// encodes in-process and one whose workers encode every COMPACT search (in small chunks, so a
// body is many chunks from both workers) give identical bodies, also for a chunk too large for a
// shared slot (transferred instead). A worker that dies mid-search
// loses nothing (the rest is encoded in-process); a client that hangs up stops the work and
// leaves no job or shared slot behind; closing the server ends its workers.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DemoMls, type DemoMlsOptions, startDemoMls } from '../../electron/demo/index';
import { get, login } from './helpers';

const OPTS = { listings: 3000, seed: 17, maxRows: 2500 };
interface Server { mls: DemoMls; cookie: string; log: string[] }
let plain: Server;
let workers: Server;

async function start(opts: DemoMlsOptions): Promise<Server> {
  const log: string[] = [];
  const mls = await startDemoMls({ ...OPTS, ...opts, log: (line) => log.push(line) });
  return { mls, cookie: (await login(mls.loginUrl)).cookie, log };
}
const searchUrl = (s: Server, q: Record<string, string>) => `${s.mls.baseUrl}/rets/search?${new URLSearchParams({ SearchType: 'Property', Class: 'ALL', Format: 'COMPACT', Query: '(L_ListPrice=0+)', ...q })}`;
const search = async (s: Server, q: Record<string, string>) => (await get(searchUrl(s, q), { Cookie: s.cookie })).bytes;

beforeAll(async () => {
  [plain, workers] = await Promise.all([start({ encodeWorkers: 0 }), start({ encodeWorkers: 2, tuning: { encodeMinRows: 1, encodeChunkRows: 97 } })]);
  expect(await workers.mls.encodeWorkersReady()).toBe(2);
});
afterAll(async () => { await Promise.all([plain, workers].map((s) => s.mls.close())); });

const SEARCHES: Record<string, string>[] = [
  { Limit: 'NONE' }, // past maxRows: ends with <MAXROWS />
  { Limit: '1000', Offset: '37' },
  { Limit: '1', Offset: '2999' },
  { Query: '(L_Status=|S,X),(L_ListPrice=300000+)', Limit: 'NONE', Count: '1' },
  { Query: '(L_Status=|A)', Select: 'L_ListingKey,LIST_79,L_City,L_ListPrice,LIST_78', Limit: 'NONE' },
  { Class: 'RES', Limit: 'NONE', Format: 'COMPACT-DECODED' },
  { Class: 'CND', Select: 'LFD_INTERIOR,L_ListingKey,L_Status', Limit: '600', Format: 'COMPACT-DECODED', Offset: '5' },
  { Class: 'ResidentialLease', Query: '(ListPrice=0+)', Limit: 'NONE', StandardNames: '1' },
  { SearchType: 'Media', Class: 'Media', Query: '(M_Order=1+)', Limit: '2000' },
  { SearchType: 'Agent', Class: 'Agent', Query: '(U_LastName=S*)|(U_LastName=M*)', Limit: 'NONE', Format: 'COMPACT-DECODED' },
  { Count: '2' },
  { Class: 'LND', Format: 'STANDARD-XML', Limit: '50' },
];

describe('encoder workers', () => {
  it('give the same bodies as encoding in-process, for every format, Select list and range', async () => {
    for (const q of SEARCHES) {
      const sent = workers.mls.encodeStats().sent;
      const expected = await search(plain, q);
      expect(expected.toString('utf8'), JSON.stringify(q)).toContain('ReplyCode="0"');
      // Media rows hold URLs on the server's own port: the same, once the port is swapped.
      const got = Buffer.from((await search(workers, q)).toString('utf8').replaceAll(workers.mls.baseUrl, plain.mls.baseUrl), 'utf8');
      expect(got.equals(expected), JSON.stringify(q)).toBe(true);
      // Every COMPACT search went through the workers (Count=2 and STANDARD-XML have no rows to encode there).
      const viaWorkers = q.Count !== '2' && q.Format !== 'STANDARD-XML';
      expect(workers.mls.encodeStats().sent > sent, JSON.stringify(q)).toBe(viaWorkers);
    }
    expect((await search(workers, { Limit: 'NONE' })).includes('<MAXROWS />')).toBe(true);
    const stats = workers.mls.encodeStats();
    expect(stats).toMatchObject({ pending: 0, held: 0 });
    // Chunks come through shared slots (transferred only if the socket held every free slot).
    expect(stats.transferred).toBeLessThan(stats.sent / 2);
    expect(workers.log).toEqual([]);
  });

  it('send a chunk too large for a shared slot as transferred memory, with the same bytes', async () => {
    const large = await start({ encodeWorkers: 1, tuning: { encodeMinRows: 1, encodeChunkRows: 3000 } });
    try {
      expect(await large.mls.encodeWorkersReady()).toBe(1);
      const q = { Limit: '2500', Format: 'COMPACT-DECODED' };
      const body = await search(large, q);
      expect(body.length).toBeGreaterThan(2 * 1024 * 1024); // one chunk, larger than a 2 MB slot
      expect(body.equals(await search(plain, q))).toBe(true);
      expect(large.mls.encodeStats()).toMatchObject({ sent: 1, transferred: 1, held: 0, pending: 0 });
    } finally {
      await large.mls.close();
    }
  });

  it('lose nothing when a worker dies mid-search: the rest is encoded in-process, and later searches too', async () => {
    const dying = await start({ encodeWorkers: 2, tuning: { encodeMinRows: 1, encodeChunkRows: 50, encodeWorkerExitAfterJobs: 5 } });
    try {
      expect(await dying.mls.encodeWorkersReady()).toBe(2);
      for (const q of [SEARCHES[0], SEARCHES[5], SEARCHES[0]]) {
        expect((await search(dying, q)).equals(await search(plain, q)), JSON.stringify(q)).toBe(true);
      }
      expect(dying.log).toHaveLength(2);
      for (const line of dying.log) expect(line).toMatch(/^demo-mls: encoder worker [12] exited \(code 3\); its searches are encoded in the main thread$/);
      expect(dying.mls.encodeStats()).toMatchObject({ pending: 0, held: 0 });
      expect(await dying.mls.encodeWorkersReady()).toBe(0);
    } finally {
      await dying.mls.close();
    }
  });

  it('stop when the client hangs up: no job or shared slot left behind, and the next search is whole', async () => {
    const big = await start({ listings: 20_000, maxRows: 20_000, encodeWorkers: 2, tuning: { encodeMinRows: 1, encodeChunkRows: 200 } });
    try {
      expect(await big.mls.encodeWorkersReady()).toBe(2);
      const chunks = 20_000 / 200;
      for (let round = 0; round < 3; round++) {
        const before = big.mls.encodeStats().sent;
        await new Promise<void>((resolve, reject) => {
          const req = request(searchUrl(big, { Limit: 'NONE' }), { headers: { Cookie: big.cookie } }, (res) => {
            res.once('data', () => { req.destroy(); resolve(); });
          });
          req.on('error', (e) => { if (!req.destroyed) reject(e); });
          req.end();
        });
        await vi.waitFor(() => expect(big.mls.encodeStats()).toMatchObject({ pending: 0, held: 0 }), { timeout: 10_000 });
        expect(big.mls.encodeStats().sent - before).toBeLessThan(chunks);
      }
      const whole = await search(big, { Limit: '20000', Select: 'L_ListingKey,L_ListPrice' });
      expect(whole.toString('latin1').match(/<DATA>/g)).toHaveLength(20_000);
      expect(big.log).toEqual([]);
    } finally {
      await big.mls.close();
    }
  });

  it('are not started for a small data set unless asked for', async () => {
    const small = await startDemoMls({ listings: 200 });
    try {
      expect(small.encodeWorkers).toBe(0);
      expect(await small.encodeWorkersReady()).toBe(0);
    } finally {
      await small.close();
    }
  });
});
