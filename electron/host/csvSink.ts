// CSV into a Node stream (an export's file, the CLI's stdout): records and parser batches are
// encoded by shared/csv/csvEncoder.ts into 1 MiB chunks, each written while the next is encoded;
// a chunk waits only while the one before it is still queued (backpressure without stalls). A
// stream error (disk full, closed pipe) fails the next call rather than the process.
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CsvEncoder, encodeBatch, type ColumnDecoders, type CsvEncoderOptions } from '../../shared/csv/csvEncoder';
import type { RowBatch } from '../../shared/rets/search/types';

export class CsvSink {
  private readonly enc: CsvEncoder;
  private failed: Error | undefined;
  private waiting: Promise<void> | undefined;
  private readonly put = (chunk: Uint8Array) => this.write(chunk);

  constructor(private readonly out: Writable, options: CsvEncoderOptions) {
    this.enc = new CsvEncoder(options);
    out.on('error', (e) => { this.failed ??= e; });
  }

  /** One record of text fields (the header). */
  async record(cells: readonly string[]): Promise<void> {
    this.enc.record(cells);
    if (this.enc.full) await this.write(this.enc.take());
  }

  /** Rows [from, to) of a parser batch, lookup columns through their decoders when given. */
  async rows(batch: RowBatch, from = 0, to = batch.length, decode?: ColumnDecoders): Promise<void> {
    await encodeBatch(this.enc, batch, from, to, this.put, decode);
  }

  /**
   * Writes what is left (the BOM alone when there was no record); then ends the stream and waits
   * until it is written and closed, unless told to leave it open (stdout).
   */
  async end(endStream = true): Promise<void> {
    await this.write(this.enc.end());
    await this.waiting;
    if (this.failed) throw this.failed;
    if (!endStream) return;
    this.out.end();
    await finished(this.out);
    if (this.failed) throw this.failed;
  }

  private async write(chunk: Uint8Array): Promise<void> {
    if (this.waiting) { await this.waiting; this.waiting = undefined; }
    if (this.failed) throw this.failed;
    if (this.out.destroyed) throw new Error('The output closed before the CSV was complete.');
    if (chunk.length === 0 || this.out.write(chunk)) return;
    this.waiting = new Promise<void>((resolve) => {
      const done = () => {
        this.out.off('drain', done).off('error', done).off('close', done);
        resolve();
      };
      this.out.on('drain', done).on('error', done).on('close', done);
    });
  }
}
