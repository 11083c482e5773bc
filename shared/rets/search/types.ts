// What the streaming search parsers emit. Parsers are push-based and pure (no I/O):
//   const p = createSearchParser('COMPACT-DECODED'); for each body chunk: events = p.push(chunk);
//   at end: events = p.end().
// The Node client turns that into an async iterator over the HTTP body, so a consumer that
// awaits each batch slows the socket down (backpressure) instead of queueing rows in memory.

/** The search reply formats, declared once (the contract's schema and the CLI use this list). */
export const SEARCH_FORMATS = ['COMPACT', 'COMPACT-DECODED', 'STANDARD-XML'] as const;
export type SearchFormat = (typeof SEARCH_FORMATS)[number];

/**
 * A batch of rows. Rows are stored compactly (the parser may keep the raw bytes and field
 * offsets, and decode a field's text only when asked), because the grid shows a few dozen rows
 * at a time and CSV export copies fields through: materializing every field string of a
 * 100,000 x 120 search is waste.
 */
export interface RowBatch {
  /** Column names of the search, the same array for every batch of one response. */
  readonly columns: readonly string[];
  /** Number of rows in this batch. */
  readonly length: number;
  /** Decoded text of one field ("" when the row is short of columns). */
  get(row: number, column: number): string;
  /** One row's decoded values, in column order (a new array each call). */
  row(row: number): string[];
  /** Every row as an object keyed by column name (convenience; allocates). */
  toObjects(): Record<string, string>[];
  /**
   * A field's text as UTF-8 bytes, entities decoded: a zero-copy view of the response when the
   * field is plain ASCII without `&` (most fields), so CSV export can copy it through.
   */
  fieldBytes(row: number, column: number): Uint8Array;
  /** A field's bytes exactly as the server sent them (entities and charset undecoded). */
  rawField(row: number, column: number): Uint8Array;
  /**
   * Rows of this batch found, when read, to have more or fewer fields than columns (the parser
   * warns about the first rows of a response as it reads them; later ones are only split when read).
   */
  readonly raggedRows: number;
}

export type SearchEvent =
  | { kind: 'columns'; columns: string[] }
  | { kind: 'count'; count: number }
  | { kind: 'rows'; batch: RowBatch }
  /** <MAXROWS/>: the server returned fewer rows than matched (page on with Offset). */
  | { kind: 'maxrows' }
  /** ReplyCode/ReplyText of the <RETS> element, or of a later <RETS-STATUS>. */
  | { kind: 'status'; replyCode: number; replyText: string; where: 'RETS' | 'RETS-STATUS' }
  /** Something tolerated (ragged row, missing delimiter, bad character reference…). */
  | { kind: 'warning'; message: string };

export interface SearchParser {
  push(chunk: Uint8Array): SearchEvent[];
  end(): SearchEvent[];
}
