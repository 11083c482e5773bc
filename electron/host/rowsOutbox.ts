// Gathers the parser's batches (one per 64 KB of body, ~50 rows) into search.rows events of up
// to ROWS_PER_EVENT rows: fewer, bigger events cost less to send and to read. The first rows go
// at once; the others when enough came, before any other event of the search, or after a short
// wait (a server that pauses mid-stream does not hold rows back). The rows' bytes are copied
// once, into the event's buffer, when it goes.
import { joinable, joinPieces, type BytesBatch, type RowsPiece } from './rowsWire';

export class RowsOutbox {
  private parts: RowsPiece[] = [];
  private rows = 0;
  private start = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sent = false;

  constructor(private readonly send: (start: number, batch: BytesBatch) => void, private readonly perEvent: number, private readonly waitMs: number) {}

  /** Rows starting at row `start` of the result. */
  add(start: number, batch: RowsPiece): void {
    if (this.parts.length && !joinable(this.parts[0]!, batch)) this.flush();
    if (!this.parts.length) this.start = start;
    this.parts.push(batch);
    this.rows += batch.count;
    if (!this.sent || this.rows >= this.perEvent) { this.sent = true; this.flush(); return; }
    this.timer ??= setTimeout(() => this.flush(), this.waitMs);
  }

  /** Sends what waits (call before any other event of the search, and at its end). */
  flush(): void {
    if (this.timer !== undefined) { clearTimeout(this.timer); this.timer = undefined; }
    if (!this.parts.length) return;
    const batch = joinPieces(this.parts);
    this.parts = [];
    this.rows = 0;
    this.send(this.start, batch);
  }
}
