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

/** Formats positions BLOCK * b .. of the class into one Buffer with each row's end. */
export function formatBlock(rows: RowWriter, store: RowStore, b: number, rowOf: (k: number) => number, enc = rows.encoder!()): RowBlock {
  const start = b * BLOCK;
  const n = Math.min(BLOCK, store.count - start);
  const positions = new Uint32Array(n);
  for (let i = 0; i < n; i++) positions[i] = start + i;
  const ends = new Uint32Array(n + 1);
  const view = enc.encode(positions, 0, n, rowOf, ends);
  // Kept at its exact size: the encoder's buffer has room to spare, and goes back to it rather
  // than the encoder taking (and twice growing) a fresh one for every block.
  const bytes = Buffer.allocUnsafeSlow(view.length);
  view.copy(bytes);
  enc.recycle(view);
  return { bytes, ends };
}

/** Writes rows at class positions keys[from] .. keys[to - 1] (ascending). */
export async function writeStoredRows(w: BodyWriter, stores: RowStores, store: RowStore, rows: RowWriter, keys: ArrayLike<number>, from: number, to: number, rowOf: (k: number) => number): Promise<void> {
  const enc = rows.encoder!(CHUNK);
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
      block = formatBlock(rows, store, b, rowOf, enc);
      stores.keep(store, b, block);
    }
    if (!block) {
      await put(enc.encode(keys, k, e, rowOf));
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
