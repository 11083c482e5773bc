// Streams COMPACT rows through a RowStore: rows of blocks already held are written as slices of
// their Buffers; a block the search needs much of is formatted whole and kept; the few rows a
// search needs from any other block are formatted on their own, as without a store.
import type { BodyWriter } from './bodyWriter';
import { BLOCK, type RowBlock, type RowStore, type RowStores } from './rowStore';
import type { RowWriter } from './searchRows';

/** Small pieces are gathered into chunks of this size before they go to the socket. */
const CHUNK = 256 * 1024;
/** A block is formatted whole when the search needs at least this share of its rows. */
const FILL_SHARE = 0.25;
const ROW_END = Buffer.from('</DATA>\r\n');
const FORMAT_ROWS = 256;

/** Formats positions BLOCK * b .. of the class into one Buffer with each row's end. */
export function formatBlock(rows: RowWriter, store: RowStore, b: number, rowOf: (k: number) => number): RowBlock | undefined {
  const start = b * BLOCK;
  const n = Math.min(BLOCK, store.count - start);
  const positions = new Uint32Array(n);
  for (let i = 0; i < n; i++) positions[i] = start + i;
  const lengths = new Uint32Array(n);
  // Formatted a quarter block at a time: smaller transient strings and arrays than one batch.
  const texts: string[] = [];
  for (let i = 0; i < n; i += FORMAT_ROWS) texts.push(rows.rows(positions, i, Math.min(n, i + FORMAT_ROWS), rowOf, lengths.subarray(i)));
  const bytes = Buffer.allocUnsafeSlow(texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0));
  let written = 0;
  let chars = 0;
  for (const t of texts) {
    written += bytes.write(t, written, 'utf8');
    chars += t.length;
  }
  const ends = new Uint32Array(n + 1);
  if (chars === bytes.length) {
    // All ASCII: a row's bytes are its characters.
    for (let i = 0; i < n; i++) ends[i + 1] = ends[i] + lengths[i];
    return { bytes, ends };
  }
  // Otherwise find each row's end mark (cells never hold "<": escaped, so each row has one).
  for (let i = 0, at = 0; i < n; i++) {
    const mark = bytes.indexOf(ROW_END, at);
    if (mark < 0) return undefined;
    at = mark + ROW_END.length;
    ends[i + 1] = at;
  }
  return ends[n] === bytes.length ? { bytes, ends } : undefined;
}

/** Writes rows at class positions keys[from] .. keys[to - 1] (ascending). */
export async function writeStoredRows(w: BodyWriter, stores: RowStores, store: RowStore, rows: RowWriter, keys: ArrayLike<number>, from: number, to: number, rowOf: (k: number) => number): Promise<void> {
  let out = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  const flush = async () => {
    if (used === 0) return;
    await w.writeBytes(out.subarray(0, used));
    out = Buffer.allocUnsafe(CHUNK);
    used = 0;
  };
  const put = async (piece: Buffer) => {
    if (used + piece.length > CHUNK) await flush();
    if (piece.length >= CHUNK) await w.writeBytes(piece); // whole blocks go out without a copy
    else used += piece.copy(out, used);
  };
  for (let k = from; k < to;) {
    const b = Math.floor(keys[k] / BLOCK);
    const blockStart = b * BLOCK;
    let e = k + 1;
    while (e < to && keys[e] < blockStart + BLOCK) e++;
    let block = store.blocks[b];
    if (!block && e - k >= FILL_SHARE * Math.min(BLOCK, store.count - blockStart)) {
      block = formatBlock(rows, store, b, rowOf);
      if (block) stores.keep(store, b, block);
    }
    if (!block) {
      await put(Buffer.from(rows.rows(keys, k, e, rowOf), 'utf8'));
      k = e;
      continue;
    }
    // Runs of consecutive positions are one slice each.
    while (k < e) {
      let r = k + 1;
      while (r < e && keys[r] === keys[r - 1] + 1) r++;
      await put(block.bytes.subarray(block.ends[keys[k] - blockStart], block.ends[keys[r - 1] - blockStart + 1]));
      k = r;
    }
  }
  await flush();
}
