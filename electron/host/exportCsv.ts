// CSV export: a fresh paged search (not the rows on screen) streamed to disk through
// csv-stringify: RFC 4180 (CRLF, quotes doubled), UTF-8 with an optional BOM for Excel, the
// header by SystemName, StandardName or LongName, lookups decoded (COMPACT-DECODED) or raw
// (COMPACT), formula cells guarded for Excel when asked (shared/csv/formulaGuard.ts). Written to
// a temp file next to the target and renamed only when complete, so a cancelled or failed export
// never leaves a half file under the user's name.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { stringify, type Stringifier } from 'csv-stringify';
import type { z } from 'zod';
import type { ExportStartRequest, HostEvent } from '../../shared/contract';
import { formulaGuardOn, guardFormula } from '../../shared/csv/formulaGuard';
import { findClass, findResource, type RetsMetadata } from '../../shared/rets/metadata/model';
import type { EventBus } from './events';
import { tempPathFor } from './files';
import { cancelledError, inputError, toErrorInfo } from './hostError';
import type { MetadataService } from './metadataCache';
import { rate, type OperationRegistry } from './operations';
import type { SessionPool } from './sessions';

type Req = z.output<typeof ExportStartRequest>;
const PROGRESS_EVERY_MS = 250;

/** Column headers for the chosen naming; SystemName where the metadata has no other name. */
export function headerNames(columns: readonly string[], md: RetsMetadata | undefined, resource: string, cls: string, by: 'SystemName' | 'StandardName' | 'LongName'): string[] {
  if (by === 'SystemName' || !md) return [...columns];
  const res = findResource(md, resource);
  const klass = res ? findClass(res, cls) : undefined;
  const bySystem = new Map((klass?.fields ?? []).map((f) => [f.systemName, f]));
  return columns.map((c) => {
    const f = bySystem.get(c);
    const name = by === 'StandardName' ? f?.standardName : f?.longName;
    return name && name.trim() ? name : c;
  });
}

export class ExportService {
  private readonly downloads = new Map<string, { path: string; fileName: string }>();

  constructor(
    private readonly exportDir: string,
    private readonly pool: SessionPool,
    private readonly metadata: MetadataService,
    private readonly ops: OperationRegistry,
    private readonly bus: EventBus,
  ) {}

  start(req: Req): { operationId: string } {
    return this.ops.launch('export', req.operationId, (id, signal) => this.run(id, req, signal));
  }

  cancel(operationId: string): boolean {
    return this.ops.cancel(operationId, 'export');
  }

  download(id: string): { path: string; fileName: string } | undefined {
    return this.downloads.get(id);
  }

  private target(operationId: string, req: Req): string {
    if (req.destination.kind === 'path') return resolve(req.destination.path);
    const name = basename(req.destination.fileName).replace(/[^\w.() -]/g, '_') || 'export.csv';
    return join(this.exportDir, operationId, name.toLowerCase().endsWith('.csv') ? name : `${name}.csv`);
  }

  /** The terminal event: the operation leaves the registry first, so a late cancel says false. */
  private finish(event: HostEvent & { operationId: string }): void {
    this.ops.end(event.operationId);
    this.bus.emit(event);
  }

  private async run(operationId: string, req: Req, signal: AbortSignal): Promise<void> {
    const started = Date.now();
    const finalPath = this.target(operationId, req);
    const tmp = tempPathFor(finalPath);
    let out: WriteStream | undefined;
    let csv: Stringifier | undefined;
    let rows = 0;
    let total: number | undefined;
    let lastProgress = started;
    const progress = () => {
      const elapsedMs = Date.now() - started;
      this.bus.emit({ type: 'export.progress', operationId, rows, rowsPerSec: rate(rows, elapsedMs), elapsedMs, bytes: out?.bytesWritten ?? 0, ...(total !== undefined ? { total } : {}) });
    };
    try {
      await mkdir(dirname(finalPath), { recursive: true }).catch(() => { throw inputError(`Cannot create the folder for "${finalPath}".`); });
      const session = await this.pool.session(req.profileId, signal);
      const md = req.options.header === 'SystemName' ? undefined : await this.metadata.current(req.profileId, signal).catch(() => undefined);
      out = createWriteStream(tmp, { mode: 0o644 });
      await once(out, 'open');
      // A disk error (full, removed) must end the export, not crash the host or hang on drain.
      const diskFailed = new AbortController();
      out.on('error', (e) => diskFailed.abort(e));
      csv = stringify({ bom: req.options.bom, record_delimiter: 'windows' });
      csv.on('error', (e) => diskFailed.abort(e));
      csv.pipe(out);
      const guard = formulaGuardOn(req.options);
      const write = async (cells: string[]) => {
        if (diskFailed.signal.aborted) throw diskFailed.signal.reason;
        const record = guard ? cells.map(guardFormula) : cells;
        if (!csv!.write(record)) await once(csv!, 'drain', { signal: diskFailed.signal }).catch(() => { throw diskFailed.signal.reason; });
      };
      const stream = session.searchAll({
        resource: req.resource, class: req.class, query: req.query,
        ...(req.select.length ? { select: req.select } : {}),
        limit: req.options.maxRows ?? 'NONE', count: 1,
        format: req.options.lookups === 'decoded' ? 'COMPACT-DECODED' : 'COMPACT',
      }, signal);
      let headerDone = false;
      for await (const ev of stream) {
        if (signal.aborted) throw cancelledError('Search');
        if (ev.kind === 'columns' && !headerDone) {
          headerDone = true;
          await write(headerNames(ev.columns, md, req.resource, req.class, req.options.header));
        } else if (ev.kind === 'count') {
          total = ev.count;
        } else if (ev.kind === 'rows') {
          const b = ev.batch;
          for (let i = 0; i < b.length; i++) {
            if (req.options.maxRows !== undefined && rows >= req.options.maxRows) break;
            await write(b.row(i));
            rows += 1;
          }
          if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) { lastProgress = Date.now(); progress(); }
        }
      }
      if (signal.aborted) throw cancelledError('Search');
      csv.end();
      await once(out, 'close', { signal: diskFailed.signal }).catch(() => { throw diskFailed.signal.reason; });
      await rename(tmp, finalPath);
      progress();
      const fileId = req.destination.kind === 'download' ? operationId : undefined;
      if (fileId) this.downloads.set(fileId, { path: finalPath, fileName: basename(finalPath) });
      this.bus.emit({
        type: 'export.done', operationId, rows, bytes: out.bytesWritten, elapsedMs: Date.now() - started, path: finalPath,
        ...(fileId ? { downloadUrl: `/downloads/${encodeURIComponent(fileId)}` } : {}),
      });
    } catch (err) {
      csv?.destroy();
      out?.destroy();
      if (out && !out.closed) await once(out, 'close').catch(() => undefined);
      await rm(tmp, { force: true });
      const info = signal.aborted ? { kind: 'cancelled' as const, transaction: 'Search' as const, message: 'The export was cancelled; no file was written.' } : toErrorInfo(err, 'Search');
      this.finish({ type: 'export.error', operationId, error: info });
    }
  }
}
