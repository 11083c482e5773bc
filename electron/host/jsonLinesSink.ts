// JSON Lines into a Node stream (an export's file): one object a row, keyed by the header names.
// A Web API row keeps its JSON types (numbers, booleans, null, collections, expanded Media) as
// the server sent them, read back through JSON.parse (under the nesting cap) so each row is one
// well-formed line whatever the server's layout or stray control characters; a RETS row's fields
// are strings. Lines are gathered into ~1 MiB chunks written with backpressure; a stream
// error (disk full) fails the next call rather than the process.
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parseJsonCapped } from '../../shared/odata/jsonCapped';
import { ODataRowBatch } from '../../shared/odata/payload';
import type { RowBatch } from '../../shared/rets/search/types';

const CHUNK_CHARS = 1 << 20;
/** Nesting kept as JSON; a deeper value is written as its text (a string). */
const NESTED_DEPTH = 32;

export class JsonLinesSink {
  private keys: string[] = [];
  private pending = '';
  private failed: Error | undefined;

  constructor(private readonly out: Writable) {
    out.on('error', (e) => { this.failed ??= e; });
  }

  /** The keys of every line (the header names, in column order). */
  header(names: readonly string[]): void {
    this.keys = names.map((n) => `${JSON.stringify(n)}:`);
  }

  /**
   * Rows [from, to) of a batch; `order` maps each key to the batch's column (null: the same
   * order; -1: a column this batch lacks, written as null).
   */
  async rows(batch: RowBatch, order: readonly number[] | null, from = 0, to = batch.length): Promise<void> {
    const odata = batch instanceof ODataRowBatch ? batch : undefined;
    for (let r = from; r < to; r++) {
      let line = '{';
      for (let k = 0; k < this.keys.length; k++) {
        const c = order ? order[k]! : k;
        line += (k ? ',' : '') + this.keys[k] + (odata ? odataValue(odata, r, c) : c < 0 ? 'null' : JSON.stringify(batch.get(r, c)));
      }
      this.pending += `${line}}\n`;
      if (this.pending.length >= CHUNK_CHARS) await this.flush();
    }
  }

  async end(): Promise<void> {
    await this.flush();
    this.out.end();
    await finished(this.out);
    if (this.failed) throw this.failed;
  }

  private async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    const chunk = this.pending;
    this.pending = '';
    if (!chunk || this.out.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = () => { this.out.off('drain', done).off('error', done).off('close', done); resolve(); };
      this.out.on('drain', done).on('error', done).on('close', done);
    });
    if (this.failed) throw this.failed;
  }
}

/** A Web API cell as JSON: numbers, booleans and null as sent, strings and nested values re-encoded. */
function odataValue(b: ODataRowBatch, row: number, column: number): string {
  if (column < 0) return 'null';
  switch (b.kind(row, column)) {
    case 'absent': case 'null': return 'null';
    case 'number': case 'boolean': return b.json(row, column);
    case 'object': case 'array': {
      const text = b.json(row, column);
      try { return JSON.stringify(parseJsonCapped(text, NESTED_DEPTH)); } catch { return JSON.stringify(text); }
    }
    default: return JSON.stringify(b.get(row, column));
  }
}
