// Encoded COMPACT rows kept once formatted: per class, format and column list, in blocks of BLOCK
// class positions, each one Buffer with row end offsets. A large search fills the blocks it
// streams; the next search over the same rows writes slices of those Buffers (no formatting, no
// encoding), so it streams at socket speed. All stores of a server share one byte budget and the
// least recently used stores are dropped to stay within it.

export const BLOCK = 1024;

/** Default byte budget: none. Rows are now encoded at about the speed the goal asks of a first
 * search (100 MB/s), and filling a store made that first search slower (a copy of every block,
 * collector work for ~170 MB of kept Buffers at 200,000 listings) while holding that memory for
 * good; a server that answers the same large searches again and again can still opt in. */
export const DEFAULT_ROW_STORE_BYTES = 0;

const MAX_STORES = 64;

export interface RowBlock {
  bytes: Buffer;
  /** Row i of the block (position BLOCK * b + i) is bytes[ends[i] .. ends[i + 1]). */
  ends: Uint32Array;
}

export class RowStore {
  readonly blocks: (RowBlock | undefined)[];
  /** Bytes held by this store's blocks. */
  size = 0;

  constructor(readonly key: string, readonly count: number) {
    this.blocks = new Array<RowBlock | undefined>(Math.ceil(count / BLOCK)).fill(undefined);
  }
}

export class RowStores {
  /** In use order, least recent first (a Map keeps insertion order; use re-inserts). */
  private readonly stores = new Map<string, RowStore>();
  private total = 0;

  constructor(readonly budget = DEFAULT_ROW_STORE_BYTES) {}

  /** Bytes held by all stores. */
  get bytes(): number { return this.total; }

  /** The store for this key (made if missing), marked as the most recently used. */
  get(key: string, count: number): RowStore {
    let s = this.stores.get(key);
    if (s) this.stores.delete(key);
    else s = new RowStore(key, count);
    this.stores.set(key, s);
    // Every Select list has its own store: forget the oldest beyond a few dozen.
    for (const old of this.stores.values()) {
      if (this.stores.size <= MAX_STORES) break;
      this.drop(old);
    }
    return s;
  }

  /** Keeps block b of store s if the budget allows, dropping least recently used other stores. */
  keep(s: RowStore, b: number, block: RowBlock): boolean {
    if (this.stores.get(s.key) !== s) return false; // dropped while a search was still using it
    const bytes = block.bytes.length + block.ends.byteLength;
    // Only stores used less recently than s may go; drop none unless that makes room.
    let droppable = 0;
    for (const other of this.stores.values()) {
      if (other === s) break;
      droppable += other.size;
    }
    if (this.total - droppable + bytes > this.budget) return false;
    for (const other of this.stores.values()) {
      if (this.total + bytes <= this.budget) break;
      this.drop(other);
    }
    s.blocks[b] = block;
    s.size += bytes;
    this.total += bytes;
    return true;
  }

  private drop(s: RowStore): void {
    this.stores.delete(s.key);
    this.total -= s.size;
    s.size = 0;
    s.blocks.fill(undefined);
  }
}
