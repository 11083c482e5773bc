// The row store (COMPACT rows kept once formatted) changes no byte of any reply: the same searches
// against a server without a store (the default), with a large one (first and repeated), and with a store
// too small to keep everything give identical bodies. RowStores keeps to its byte budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../electron/demo/catalog';
import { createDataset } from '../../electron/demo/dataset';
import { field } from '../../electron/demo/fieldSpec';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';
import { buildMetadata } from '../../electron/demo/metadataModel';
import { BLOCK, RowStore, RowStores } from '../../electron/demo/rowStore';
import { rowWriter } from '../../electron/demo/searchRows';
import { formatBlock } from '../../electron/demo/storedRows';
import { get, login } from './helpers';

const OPTS = { listings: 2600, seed: 13 };
interface Server { mls: DemoMls; cookie: string }
let plain: Server;
let stored: Server;
let small: Server;

async function start(rowStoreBytes?: number): Promise<Server> {
  const mls = await startDemoMls({ ...OPTS, rowStoreBytes });
  return { mls, cookie: (await login(mls.loginUrl)).cookie };
}
beforeAll(async () => {
  [plain, stored, small] = await Promise.all([start(), start(256 * 1024 * 1024), start(600_000)]);
});
afterAll(async () => { await Promise.all([plain, stored, small].map((s) => s.mls.close())); });

const search = async (s: Server, q: Record<string, string>) =>
  (await get(`${s.mls.baseUrl}/rets/search?${new URLSearchParams({ SearchType: 'Property', Format: 'COMPACT', ...q })}`, { Cookie: s.cookie })).text;

const SEARCHES: Record<string, string>[] = [
  { Class: 'ALL', Query: '(L_ListPrice=0+)', Limit: 'NONE' },
  // Part of block 0 only: formatted row by row, nothing kept.
  { Class: 'ALL', Query: '(L_ListPrice=0+)', Limit: '40', Offset: '11' },
  // Across block boundaries, starting and ending mid-block.
  { Class: 'ALL', Query: '(L_ListPrice=0+)', Offset: String(BLOCK - 100), Limit: String(BLOCK + 300) },
  // Sparse matches: runs of single rows out of kept blocks, other blocks formatted directly.
  { Class: 'ALL', Query: '(L_Status=|S,X),(L_ListPrice=300000+)', Limit: 'NONE' },
  { Class: 'ALL', Query: '(L_Status=|A)', Limit: 'NONE', Select: 'L_ListingKey,LIST_78,L_City,L_ListPrice', Count: '1' },
  { Class: 'RES', Query: '(L_ListPrice=0+)', Limit: 'NONE', Format: 'COMPACT-DECODED' },
  { Class: 'ResidentialLease', Query: '(ListPrice=0+)', Limit: 'NONE', StandardNames: '1' },
  { Class: 'CND', Query: '(L_ListPrice=0+)', Format: 'STANDARD-XML', Limit: '300' },
];

describe('row store', () => {
  it('gives the same bodies as formatting every row, first time and repeated, within a small budget too', async () => {
    for (const q of SEARCHES) {
      const expected = await search(plain, q);
      expect(expected).toContain('ReplyCode="0"');
      for (let round = 0; round < 2; round++) {
        expect(await search(stored, q), `${JSON.stringify(q)} round ${round}`).toBe(expected);
        expect(await search(small, q), `${JSON.stringify(q)} small, round ${round}`).toBe(expected);
      }
    }
    // Repeated once more in reverse order, so the small store serves searches whose blocks it dropped.
    for (const q of [...SEARCHES].reverse()) expect(await search(small, q)).toBe(await search(plain, q));
  });

  it('encodes the same bytes as the string formatter, with each row\'s end: ASCII, multi-byte and escaped cells', () => {
    const catalog = buildCatalog(createDataset(1500, 3), () => 'http://127.0.0.1');
    const metadata = buildMetadata(catalog);
    const resource = metadata.resources.find((r) => r.id === 'Property')!;
    const demo = catalog[0].classes.find((c) => c.name === 'RES')!;
    const target = { demo, resource, cls: resource.classes.find((c) => c.name === 'RES')!, metadata };
    const named = field('X_Owner', '', 'Owner', 'Character', (i) => (i % 3 ? `Café Ñandú ${i} 😀` : `Plain ${i}`));
    const marked = field('X_Note', '', 'Note', 'Character', (i) => (i % 2 ? `A & B <${i}>\t"q"` : `${i}\tTabbed`));
    const raw = field('X_Code', '', 'Code', 'Character', (i) => (i % 2 ? 'R&D' : 'ÄB'), { lookupName: 'NONE' }); // lookup codes go out unescaped
    const others = catalog[0].classes.filter((c) => c.name !== 'RES').flatMap((c) => c.fields.filter((f) => !demo.fields.includes(f)));
    const sets = [demo.fields, others, [...demo.fields.slice(0, 4), named], [marked, ...demo.fields.slice(0, 3), raw, named]];
    for (const [format, fields] of [...sets.map((f) => ['COMPACT', f] as const), ['COMPACT-DECODED', demo.fields] as const]) {
      const rows = rowWriter(format, target, fields, false, metadata);
      const store = new RowStore('RES', demo.count);
      for (const b of [0, Math.floor((demo.count - 1) / BLOCK)]) {
        const block = formatBlock(rows, store, b, demo.row);
        const n = Math.min(BLOCK, demo.count - b * BLOCK);
        expect(block.ends).toHaveLength(n + 1);
        for (let i = 0; i < n; i++) {
          expect(block.bytes.subarray(block.ends[i], block.ends[i + 1]).toString('utf8')).toBe(rows.row(demo.row(b * BLOCK + i)));
        }
        const keys = Uint32Array.from({ length: n }, (_, i) => b * BLOCK + i);
        expect(rows.encoder!(16).encode(keys, 0, n, demo.row).equals(Buffer.from(rows.rows(keys, 0, n, demo.row), 'utf8'))).toBe(true);
      }
    }
  });

  it('encodes every class of every resource as the string formatter does', () => {
    const catalog = buildCatalog(createDataset(1200, 5), () => 'http://127.0.0.1');
    const metadata = buildMetadata(catalog);
    for (const res of catalog) {
      const resource = metadata.resources.find((r) => r.id === res.id)!;
      for (const demo of res.classes) {
        const target = { demo, resource, cls: resource.classes.find((c) => c.name === demo.name)!, metadata };
        const keys = Uint32Array.from({ length: Math.min(demo.count, 3000) }, (_, i) => i);
        for (const format of ['COMPACT', 'COMPACT-DECODED'] as const) {
          const rows = rowWriter(format, target, demo.fields, false, metadata);
          const bytes = rows.encoder!(1024).encode(keys, 0, keys.length, demo.row);
          expect(bytes.toString('utf8'), `${res.id}:${demo.name} ${format}`).toBe(rows.rows(keys, 0, keys.length, demo.row));
        }
      }
    }
  });

  it('reuses a Select list\'s compiled writer only for that same list of fields (another catalog\'s fields get their own)', () => {
    const encodeBoth = (seed: number) => {
      const catalog = buildCatalog(createDataset(800, seed), () => 'http://127.0.0.1');
      const metadata = buildMetadata(catalog);
      const resource = metadata.resources.find((r) => r.id === 'Property')!;
      const demo = catalog[0].classes.find((c) => c.name === 'ALL')!;
      const target = { demo, resource, cls: resource.classes.find((c) => c.name === 'ALL')!, metadata };
      const keys = Uint32Array.from({ length: demo.count }, (_, i) => i);
      const rows = rowWriter('COMPACT', target, demo.fields.slice(0, 40), false, metadata);
      const text = rows.rows(keys, 0, keys.length, demo.row);
      // Two encoders of one list (the second reuses the first's writer) and one of a new catalog.
      for (let k = 0; k < 2; k++) expect(rows.encoder!(1024).encode(keys, 0, keys.length, demo.row).toString('utf8')).toBe(text);
      return text;
    };
    expect(encodeBoth(21)).not.toBe(encodeBoth(22));
  });

  it('keeps blocks within its budget, dropping the least recently used store first', () => {
    const stores = new RowStores(3000);
    const block = (n: number) => ({ bytes: Buffer.alloc(n), ends: new Uint32Array(1) }); // 4 bytes of ends
    const a = stores.get('a', 3 * BLOCK);
    expect(stores.keep(a, 0, block(996))).toBe(true);
    const b = stores.get('b', BLOCK);
    expect(stores.keep(b, 0, block(996))).toBe(true);
    expect(stores.bytes).toBe(2000);
    stores.get('a', 3 * BLOCK); // a is now the more recent
    const c = stores.get('c', BLOCK);
    expect(stores.keep(c, 0, block(1496))).toBe(true); // drops b, not a
    expect(b.blocks[0]).toBeUndefined();
    expect(a.blocks[0]).toBeDefined();
    expect(stores.bytes).toBe(2500);
    expect(stores.keep(b, 0, block(10))).toBe(false); // b was dropped: a search still using it keeps nothing
    expect(stores.keep(c, 1, block(4000))).toBe(false); // larger than the whole budget
    expect(stores.bytes).toBe(2500);
    expect(stores.get('b', BLOCK)).not.toBe(b);
    for (let i = 0; i < 100; i++) stores.get(`select ${i}`, BLOCK); // one store per Select list
    expect(stores.get('select 99', BLOCK).blocks).toHaveLength(1);
    expect(stores.bytes).toBe(0); // a and c, the oldest, were forgotten
    expect(a.blocks[0]).toBeUndefined();
  });
});
