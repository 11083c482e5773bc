// Where `search` rows go: a CSV or JSON Lines file (a temp file renamed when complete, removed on
// failure or Ctrl+C), CSV on a piped stdout, or an aligned table on a terminal. CSV and JSON Lines
// are written by the export's encoders (electron/host/csvSink.ts, jsonLinesSink.ts), batch by batch,
// so a file from the CLI says what the app's export of the same query says.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { headerNames } from '../host/exportCsv';
import { CsvSink } from '../host/csvSink';
import { JsonLinesSink } from '../host/jsonLinesSink';
import { tempPathFor } from '../host/files';
import { OrderedBatch } from '../../shared/rets/search/orderedBatch';
import type { RowBatch } from '../../shared/rets/search/types';
import type { RetsSession } from '../rets/session';
import { wholeMetadata } from '../rets/wholeMetadata';
import type { SearchArgs } from './search';

export interface RowSink {
  /** The final file, when writing to one. */
  readonly path?: string;
  /** Writes a parser batch's rows; `order` maps each header column to the batch's (-1: a column
   *  the batch lacks), when they differ. */
  rows(batch: RowBatch, order?: readonly number[]): Promise<void>;
  finish(): Promise<void>;
  /** Drops what was written (the temp file), leaving nothing under the final name. */
  abort(): Promise<void>;
}

async function headerFor(args: SearchArgs, columns: string[], session: RetsSession | undefined, signal: AbortSignal): Promise<string[]> {
  if (args.header === 'SystemName' || !session) return columns;
  const md = (await wholeMetadata(session, signal)).metadata;
  return headerNames(columns, md, args.resource, args.className, args.header);
}

interface Writer { put(batch: RowBatch, order?: readonly number[]): Promise<void>; end(): Promise<void> }

/** Every row of a batch as strings, for the table. */
async function eachRow(batch: RowBatch, put: (row: string[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < batch.length; i++) await put(batch.row(i));
}

async function fileSink(path: string, open: (out: WriteStream) => Promise<Writer>): Promise<RowSink> {
  const final = resolve(path);
  const tmp = tempPathFor(final);
  const out = createWriteStream(tmp, { mode: 0o600 });
  // A disk error (full, removed folder) fails the next write or the finish, never the process.
  let failed: Error | undefined;
  out.on('error', (e) => { failed = e; });
  await once(out, 'open');
  const w = await open(out);
  return {
    path: final,
    async rows(batch, order) {
      if (failed) throw failed;
      await w.put(batch, order);
    },
    async finish() {
      await w.end();
      if (!out.closed) await once(out, 'close');
      if (failed) throw failed;
      await rename(tmp, final);
    },
    async abort() {
      out.destroy();
      await rm(tmp, { force: true });
    },
  };
}

/** CSV with the header first (none when there are no columns: an empty result). */
async function csvInto(out: Writable, args: SearchArgs, header: string[], endStream: boolean): Promise<Writer> {
  const csv = new CsvSink(out, { bom: args.bom, guard: args.formulaGuard });
  if (header.length) await csv.record(header);
  return { put: (batch, order) => csv.rows(inOrder(batch, header, order)), end: () => csv.end(endStream) };
}

/** `session` names the columns by --header; without one (the Web API names them itself) they are kept. */
export async function openRowSink(args: SearchArgs, columns: string[], session: RetsSession | undefined, signal: AbortSignal): Promise<RowSink> {
  const header = columns.length ? await headerFor(args, columns, session, signal) : [];
  if (args.out?.kind === 'csv') return fileSink(args.out.path, (out) => csvInto(out, args, header, true));
  if (args.out?.kind === 'jsonl') {
    return fileSink(args.out.path, async (out) => {
      const lines = new JsonLinesSink(out);
      lines.header(header);
      // The batch itself, not a view of it: a Web API batch keeps its JSON types.
      return { put: (batch, order) => lines.rows(batch, order ?? null), end: () => lines.end() };
    });
  }
  if (process.stdout.isTTY) return tableSink(header);
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); });
  const csv = await csvInto(process.stdout, args, header, false);
  return { rows: (batch, order) => csv.put(batch, order), finish: () => csv.end(), abort: async () => undefined };
}

/** A batch in the header's column order, for the sinks that write text. */
function inOrder(batch: RowBatch, header: readonly string[], order: readonly number[] | undefined): RowBatch {
  return order ? new OrderedBatch(batch, header, order) : batch;
}

const CELL_MAX = 40;

/** A terminal table: rows kept (the default limit is 100), printed aligned at the end. */
function tableSink(header: string[]): RowSink {
  const rows: string[][] = [];
  const cut = (s: string) => {
    const flat = s.replace(/[\r\n\t]+/g, ' ');
    return flat.length > CELL_MAX ? `${flat.slice(0, CELL_MAX - 1)}…` : flat;
  };
  return {
    async rows(batch, order) { await eachRow(inOrder(batch, header, order), async (row) => { rows.push(row.map(cut)); }); },
    async finish() {
      if (!header.length) return;
      const head = header.map(cut);
      const widths = head.map((h, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? '').length), h.length));
      const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
      const text = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
      process.stdout.write(`${text}\n`);
    },
    abort: async () => undefined,
  };
}
