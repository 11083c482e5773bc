// Export: a fresh paged search (not the rows on screen; Web API: every nextLink to the end)
// streamed to disk, as CSV by the byte encoder (./csvSink.ts: COMPACT fields copied from the
// response's bytes, no string per field; RFC 4180, UTF-8 with an optional BOM for Excel, Web API
// collections joined with the chosen separator) or as JSON Lines (./jsonLinesSink.ts); the
// header by SystemName, StandardName or LongName (Web API: DisplayName) or by the profile's saved
// mapping (shared/mapping/use.ts headerFor), lookups decoded
// (COMPACT-DECODED) or raw (COMPACT), formula cells guarded for Excel when asked
// (shared/csv/formulaGuard.ts). Written to
// a temp file next to the target and renamed only when complete, so a cancelled or failed export
// never leaves a half file under the user's name; the temp file is listed in the journal while it
// exists, so a killed host's is removed at the next start.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { once } from 'node:events';
import type { z } from 'zod';
import type { CsvHeader, ExportStartRequest, HostEvent } from '../../shared/contract';
import { headerFor } from '../../shared/mapping/use';
import type { MappingFile } from '../../shared/mapping/types';
import type { ColumnDecoders } from '../../shared/csv/csvEncoder';
import { formulaGuardOn } from '../../shared/csv/formulaGuard';
import { lookupDecoders } from '../../shared/metadata/lookupDecoder';
import { findClass, findResource, type RetsMetadata } from '../../shared/rets/metadata/model';
import { columnPositions, OrderedBatch } from '../../shared/rets/search/orderedBatch';
import type { RowBatch } from '../../shared/rets/search/types';
import { JoinedBatch } from '../../shared/odata/joinedBatch';
import { expandedNames } from '../../shared/odata/nestedValues';
import { ODataRowBatch } from '../../shared/odata/payload';
import { CsvSink } from './csvSink';
import { JsonLinesSink } from './jsonLinesSink';
import { ensurePrivateDir, PRIVATE_FILE_MODE, tempPathFor, writeFileAtomic } from './files';
import { cancelledError, inputError, toErrorInfo } from './hostError';
import type { MetadataService } from './metadataCache';
import { rate, type Outcome, type OperationRunner, type RunningOperation } from './operations';
import { insideFolder } from './safePath';
import type { SessionPool } from './sessions';
import type { TempJournal } from './tempFiles';

/** What to export; where to is the host's own ExportTarget, never the request's word. */
type Parsed = Omit<z.output<typeof ExportStartRequest>, 'destination'>;
type Later = 'format' | 'collectionSeparator';
/** What to export (options added later may be left out by local callers: CSV, '; '). */
export type ExportRequest = Omit<Parsed, 'options'> & { options: Omit<Parsed['options'], Later> & Partial<Pick<Parsed['options'], Later>> };
type Req = ExportRequest;
/** Where the host writes: a path it chose (save dialog, CLI) or a download in its export folder. */
export type ExportTarget = { kind: 'path'; path: string } | { kind: 'download'; fileName: string };
export interface Download { path: string; fileName: string }

/** Column headers for the chosen naming; SystemName where the metadata (or the mapping) has no other name. */
export function headerNames(columns: readonly string[], md: RetsMetadata | undefined, resource: string, cls: string, by: CsvHeader, mapping?: MappingFile | null): string[] {
  if (by === 'Mapping') return columns.map((c) => headerFor(mapping ?? undefined, c, resource));
  if (by === 'SystemName' || !md) return [...columns];
  const res = findResource(md, resource);
  const klass = res ? findClass(res, cls) : undefined;
  const bySystem = new Map((klass?.fields ?? []).map((f) => [f.systemName, f]));
  return columns.map((c) => {
    const f = bySystem.get(c);
    // A Web API property's DisplayName annotation is its LongName in the neutral model.
    const name = by === 'StandardName' ? f?.standardName : f?.longName;
    return name && name.trim() ? name : c;
  });
}

export class ExportService {
  private readonly downloads = new Map<string, Download>();

  constructor(
    private readonly exportDir: string,
    private readonly pool: SessionPool,
    private readonly metadata: MetadataService,
    private readonly ops: OperationRunner,
    private readonly journal: TempJournal,
    /** A profile's saved mapping, for headers by mapping. */
    private readonly mapping: (profileId: string) => Promise<MappingFile | null> = async () => null,
  ) {}

  start(req: Req, target: ExportTarget): { operationId: string } {
    return this.ops.start('export', req.operationId, (op) => this.run(op, req, target));
  }

  cancel(operationId: string): boolean {
    return this.ops.cancel(operationId, 'export');
  }

  download(id: string): Download | undefined {
    return this.downloads.get(id);
  }

  /** Keeps a file the host wrote (a snippets export) as a download under `id`; returns its URL. */
  async keepDownload(id: string, fileName: string, content: string | Uint8Array, ext = '.json'): Promise<string> {
    const path = insideFolder(this.exportDir, id, safeFileName(fileName, ext));
    await writeFileAtomic(path, content);
    this.downloads.set(id, { path, fileName: basename(path) });
    return downloadUrl(id);
  }

  private target(operationId: string, target: ExportTarget, ext: string): string {
    if (target.kind === 'path') return resolve(target.path);
    return insideFolder(this.exportDir, operationId, safeFileName(target.fileName, ext));
  }

  private async run(op: RunningOperation, req: Req, target: ExportTarget): Promise<Outcome<'export'>> {
    const { id: operationId, signal } = op;
    const started = Date.now();
    let tmp: string | undefined;
    let out: WriteStream | undefined;
    let rows = 0;
    let total: number | undefined;
    const progress = (): HostEvent => {
      const elapsedMs = Date.now() - started;
      return { type: 'export.progress', operationId, rows, rowsPerSec: rate(rows, elapsedMs), elapsedMs, bytes: out?.bytesWritten ?? 0, ...(total !== undefined ? { total } : {}) };
    };
    try {
      const jsonl = req.options.format === 'jsonl';
      const finalPath = this.target(operationId, target, jsonl ? '.jsonl' : '.csv');
      await ensurePrivateDir(dirname(finalPath)).catch(() => { throw inputError(`Cannot create the folder for "${basename(finalPath)}".`); });
      const session = await this.pool.session(req.profileId, signal);
      const decoded = req.options.lookups === 'decoded';
      const mapping = req.options.header === 'Mapping' ? await this.mapping(req.profileId) : undefined;
      if (req.options.header === 'Mapping' && !mapping) throw inputError('This connection has no saved mapping, so there are no header names by mapping.', 'Open "Mapping to the RESO Data Dictionary…" in the command palette and propose one, or pick another header naming.');
      const md = (req.options.header === 'SystemName' || req.options.header === 'Mapping') && !decoded ? undefined : await this.metadata.current(req.profileId, signal).catch(() => undefined);
      // Lookups are decoded here by the decoder the grid and the details use, so the file says what the
      // screen says; only without metadata does the server decode them (COMPACT-DECODED).
      const decoders = decoded && md ? lookupDecoders(md, req.resource, req.class) : undefined;
      tmp = tempPathFor(finalPath);
      await this.journal.add(tmp);
      out = createWriteStream(tmp, { mode: PRIVATE_FILE_MODE });
      await once(out, 'open');
      // A disk error (full, removed) ends the export at the next write, never crashes the host.
      const csv = jsonl ? undefined : new CsvSink(out, { bom: req.options.bom, guard: formulaGuardOn(req.options) });
      const lines = jsonl ? new JsonLinesSink(out) : undefined;
      const separator = req.options.collectionSeparator ?? '; ';
      // CSV cells are text: a Web API collection becomes its elements joined.
      const cells = (b: RowBatch): RowBatch => (b instanceof ODataRowBatch ? new JoinedBatch(b, separator) : b);
      const stream = session.searchAll({
        resource: req.resource, class: req.class, query: req.query,
        ...(req.select.length ? { select: req.select } : {}),
        limit: req.options.maxRows ?? 'NONE', count: 1,
        // JSON Lines keeps values as the server sends them: the server decodes its lookups there.
        format: decoded && (!decoders || jsonl) ? 'COMPACT-DECODED' : 'COMPACT',
        ...(req.odata ? { odata: req.odata } : {}),
      }, signal);
      let headerDone = false;
      // Chosen columns are written in the order chosen (the grid's visible columns), whatever
      // order the server answers in; null: the server's order is that order already.
      let order: number[] | null = null;
      let columns: readonly string[] = [];
      let decode: ColumnDecoders | undefined;
      for await (const ev of stream) {
        if (signal.aborted) throw cancelledError('Search');
        if (ev.kind === 'columns' && !headerDone) {
          headerDone = true;
          // Web API: what $expand adds ($select does not name it) is written after the chosen columns.
          const wanted = req.select.length ? [...req.select, ...expandedNames(req.odata?.expand).filter((n) => !req.select.includes(n))] : [];
          order = wanted.length ? columnPositions(wanted, ev.columns) : null;
          columns = order ? wanted : ev.columns;
          decode = decoders?.size ? columns.map((c) => decoders.get(c)) : undefined;
          const names = headerNames(columns, md, req.resource, req.class, req.options.header, mapping);
          if (csv) await csv.record(names);
          else lines!.header(names);
        } else if (ev.kind === 'count') {
          total = ev.count;
        } else if (ev.kind === 'rows') {
          const n = req.options.maxRows === undefined ? ev.batch.length : Math.max(0, Math.min(ev.batch.length, req.options.maxRows - rows));
          if (csv) {
            const b = cells(ev.batch);
            await csv.rows(order ? new OrderedBatch(b, columns, order) : b, 0, n, decode);
          } else {
            await lines!.rows(ev.batch, order, 0, n);
          }
          rows += n;
          op.progress(progress);
        }
      }
      if (signal.aborted) throw cancelledError('Search');
      await (csv ? csv.end() : lines!.end());
      await rename(tmp, finalPath);
      await this.journal.remove(tmp);
      op.progress(progress, true);
      const fileId = target.kind === 'download' ? operationId : undefined;
      if (fileId) this.downloads.set(fileId, { path: finalPath, fileName: basename(finalPath) });
      return {
        event: {
          type: 'export.done', operationId, rows, bytes: out.bytesWritten, elapsedMs: Date.now() - started, fileName: basename(finalPath),
          ...(fileId ? { downloadUrl: downloadUrl(fileId) } : {}),
        },
      };
    } catch (err) {
      out?.destroy();
      if (out && !out.closed) await once(out, 'close').catch(() => undefined);
      if (tmp) {
        await rm(tmp, { force: true });
        await this.journal.remove(tmp);
      }
      const info = signal.aborted ? { kind: 'cancelled' as const, transaction: 'Search' as const, message: 'The export was cancelled; no file was written.' } : toErrorInfo(err, 'Search');
      return { event: { type: 'export.error', operationId, error: info } };
    }
  }
}

function downloadUrl(id: string): string {
  return `/downloads/${encodeURIComponent(id)}`;
}

/** A download's name: one plain segment with the given extension. */
function safeFileName(name: string, ext: string): string {
  const clean = basename(name).replace(/[^\w.() -]/g, '_').replace(/^\.+/, '_') || `export${ext}`;
  return clean.toLowerCase().endsWith(ext) ? clean : `${clean}${ext}`;
}
