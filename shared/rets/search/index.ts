// Entry points: a streaming parser for a search format (or sniffed), and a one-shot collector for
// small bodies and tests.

import { CompactSearchParser } from './compact';
import { FormatSniffer } from './sniff';
import { StandardXmlSearchParser } from './standardXml';
import type { SearchEvent, SearchFormat, SearchParser } from './types';

export type { RowBatch, SearchEvent, SearchFormat, SearchParser } from './types';
export { CompactSearchParser, MAX_BATCH_ROWS } from './compact';
export { StandardXmlSearchParser } from './standardXml';

export function createSearchParser(format: SearchFormat | 'auto' = 'auto'): SearchParser {
  if (format === 'auto') return new SniffingParser();
  return format === 'STANDARD-XML' ? new StandardXmlSearchParser() : new CompactSearchParser();
}

/** Holds the first bytes until the format is clear, then hands everything to the right parser. */
class SniffingParser implements SearchParser {
  private inner: SearchParser | null = null;
  private readonly sniffer = new FormatSniffer();
  private held: Uint8Array[] = [];
  private heldBytes = 0;

  push(chunk: Uint8Array): SearchEvent[] {
    if (this.inner) return this.inner.push(chunk);
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    const format = this.sniffer.feed(chunk) ?? (this.heldBytes > 1 << 20 ? 'COMPACT' : null);
    if (!format) return [];
    this.inner = createSearchParser(format);
    const all = joinChunks(this.held);
    this.held = [];
    return this.inner.push(all);
  }

  end(): SearchEvent[] {
    if (!this.inner) {
      this.inner = new CompactSearchParser();
      const all = joinChunks(this.held);
      const first = all.length ? this.inner.push(all) : [];
      return [...first, ...this.inner.end()];
    }
    return this.inner.end();
  }
}

function joinChunks(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

export interface CollectedSearch {
  columns: string[];
  count: number | null;
  rows: string[][];
  maxRows: boolean;
  /** ReplyCode of <RETS-STATUS> when present, else of <RETS>. */
  replyCode: number;
  replyText: string;
  warnings: string[];
}

/** Parse a whole (small) body at once, given whole or as a sequence of chunks. */
export function collectSearch(bytes: Uint8Array | Iterable<Uint8Array>, format: SearchFormat | 'auto' = 'auto'): CollectedSearch {
  const parser = createSearchParser(format);
  const out: CollectedSearch = { columns: [], count: null, rows: [], maxRows: false, replyCode: -1, replyText: '', warnings: [] };
  const apply = (events: SearchEvent[]): void => {
    for (const e of events) {
      switch (e.kind) {
        case 'columns': out.columns = e.columns; break;
        case 'count': out.count = e.count; break;
        case 'rows': for (let r = 0; r < e.batch.length; r++) out.rows.push(e.batch.row(r)); break;
        case 'maxrows': out.maxRows = true; break;
        case 'status': out.replyCode = e.replyCode; out.replyText = e.replyText; break;
        case 'warning': out.warnings.push(e.message); break;
      }
    }
  };
  for (const chunk of bytes instanceof Uint8Array ? [bytes] : bytes) apply(parser.push(chunk));
  apply(parser.end());
  // STANDARD-XML may add columns as records arrive: earlier rows read "" for later columns.
  for (const row of out.rows) while (row.length < out.columns.length) row.push('');
  return out;
}
