// Export: a fresh paged search on the host streamed to disk (not the rows on screen; Web API:
// every nextLink to the end), as CSV or JSON Lines, with header naming (Web API: names or
// DisplayName), decoded/raw lookups (RETS), the collection separator (Web API), BOM, the formula
// guard, a progress bar (rows, rows/s) and cancel.
import { useRef, useState } from 'react';
import { host } from '../host/client';
import { useMapping, useProfiles } from '../host/queries';
import { savedQueryOf } from '../query/webapiQuery';
import type { CsvHeader, ExportFormat } from '../../../shared/contract';
import { toErrorInfo } from '../host/errors';
import { Dialog } from '../shell/Dialog';
import { ErrorBox } from '../shell/ErrorBox';
import { formulaGuardOn } from '../../../shared/csv/formulaGuard';
import type { RetsErrorInfo } from '../../../shared/rets/errors';
import type { QueryTab } from '../state/tabs';

interface Props { profileId: string; tab: QueryTab; /** The grid's visible columns, in their order. */ shownColumns?: string[]; browserMode: boolean; onClose(): void }
interface Prog { rows: number; rowsPerSec: number; total?: number; bytes: number }
interface Done { rows: number; bytes: number; elapsedMs: number; fileName: string; downloadUrl?: string }

export function ExportDialog({ profileId, tab, shownColumns = [], browserMode, onClose }: Props) {
  const [columnsChoice, setColumnsChoice] = useState<'query' | 'shown'>('query');
  const select = columnsChoice === 'shown' && shownColumns.length ? shownColumns : tab.select;
  const webApi = useProfiles().data?.find((p) => p.id === profileId)?.type === 'webapi';
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [header, setHeader] = useState<CsvHeader>('SystemName');
  const mapped = !!useMapping(profileId).data?.mapping;
  const [separator, setSeparator] = useState('; ');
  const [lookups, setLookups] = useState<'decoded' | 'raw'>('decoded');
  const [bom, setBom] = useState(false);
  // Follows the BOM box (the file is meant for Excel) until the user sets it.
  const [guardChoice, setGuardChoice] = useState<boolean | undefined>(undefined);
  const formulaGuard = formulaGuardOn({ bom, formulaGuard: guardChoice });
  const [maxRows, setMaxRows] = useState('');
  const base = (webApi ? tab.resource : `${tab.resource}-${tab.cls}`).replace(/[^\w.-]+/g, '_');
  const [fileName, setFileName] = useState(`${base}.csv`);
  const pickFormat = (f: ExportFormat) => { setFormat(f); setFileName((n) => n.replace(/\.(csv|jsonl)$/i, '') + (f === 'jsonl' ? '.jsonl' : '.csv')); };
  const [prog, setProg] = useState<Prog | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<RetsErrorInfo | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const cancelRef = useRef<(() => Promise<void>) | null>(null);
  const running = prog !== null && !done && !error && !cancelled;

  async function start() {
    setError(null); setDone(null); setCancelled(false); setProg({ rows: 0, rowsPerSec: 0, bytes: 0 });
    try {
      // Desktop: the host's save dialog picks the file and hands back only a handle for it.
      let destination: { kind: 'file'; handle: string } | { kind: 'download'; fileName: string } = { kind: 'download', fileName };
      if (!browserMode) {
        const chosen = await host.files.chooseSave({ purpose: 'export-csv', defaultName: fileName });
        if (!chosen) { setProg(null); return; }
        destination = { kind: 'file', handle: chosen.handle };
      }
      const op = await host.operation('export.start', {
        profileId, resource: tab.resource, class: tab.cls, query: tab.query, select, destination, ...webApiPart(savedQueryOf(tab)),
        options: { format, header, lookups, bom, formulaGuard, collectionSeparator: separator, ...(Number(maxRows) > 0 ? { maxRows: Number(maxRows) } : {}) },
      }, (e) => {
        if (e.type === 'export.progress') setProg({ rows: e.rows, rowsPerSec: e.rowsPerSec, total: e.total, bytes: e.bytes });
        if (e.type === 'export.done') setDone(e);
        if (e.type === 'export.error') { if (e.error.kind === 'cancelled') setCancelled(true); else setError(e.error); }
      });
      cancelRef.current = op.cancel;
    } catch (err) {
      setError(toErrorInfo(err));
    }
  }

  const pct = prog?.total ? Math.min(100, (prog.rows / prog.total) * 100) : undefined;
  return (
    <Dialog
      title={format === 'jsonl' ? 'Export JSON Lines' : 'Export CSV'} onClose={onClose} testId="export-dialog"
      footer={<>
        {running ? <button className="btn" onClick={() => { void cancelRef.current?.(); setCancelled(true); }}>Cancel export</button>
          : <button className="btn" onClick={onClose}>Close</button>}
        <button className="btn primary" onClick={() => void start()} disabled={running} data-testid="export-start">{done ? 'Export again' : 'Export'}</button>
      </>}
    >
      <div className="muted small">Runs the query again on the server and writes every matching row (not only the rows on screen).</div>
      <div className="mono small" style={{ background: 'var(--panel-2)', padding: 6, borderRadius: 5 }} data-testid="export-query">
        {webApi ? `${tab.resource}: ${tab.query || '(no $filter)'}${tab.odata?.expand ? ` · $expand=${tab.odata.expand}` : ''}${tab.odata?.orderby ? ` · $orderby=${tab.odata.orderby}` : ''}` : `${tab.resource}/${tab.cls}: ${tab.query || '(no query)'}`}
      </div>
      <div className="form-grid">
        {shownColumns.length > 0 && (
          <label className="field wide">Columns
            <select className="input" value={columnsChoice} onChange={(e) => setColumnsChoice(e.target.value as typeof columnsChoice)} name="columns" data-testid="export-columns">
              <option value="query">{tab.select.length ? `The query's ${tab.select.length} Select fields` : 'Every field the server sends'}</option>
              <option value="shown">The {shownColumns.length} columns shown in the grid, in their order</option>
            </select></label>
        )}
        <label className="field">Format
          <select className="input" value={format} onChange={(e) => pickFormat(e.target.value as ExportFormat)} name="format">
            <option value="csv">CSV</option><option value="jsonl">JSON Lines (one object a line)</option>
          </select></label>
        <label className="field">{format === 'jsonl' ? 'Keys' : 'Header names'}
          <select className="input" value={header} onChange={(e) => setHeader(e.target.value as typeof header)} name="header">
            {webApi ? <><option value="SystemName">Field names</option><option value="DisplayName">DisplayName annotations</option></>
              : <><option>SystemName</option><option>StandardName</option><option>LongName</option></>}
            {mapped && <option value="Mapping">By mapping (the saved mapping's target names)</option>}
          </select></label>
        {webApi ? format === 'csv' && (
          <label className="field" title="A collection (several lookup values, the expanded Media as their MediaURLs) fills one cell, its elements joined by this">Collection separator
            <input className="input mono" value={separator} onChange={(e) => setSeparator(e.target.value)} name="collectionSeparator" maxLength={10} /></label>
        ) : (
          <label className="field">Lookup values
            <select className="input" value={lookups} onChange={(e) => setLookups(e.target.value as typeof lookups)} name="lookups">
              <option value="decoded">Decoded (long values)</option><option value="raw">Raw (codes as sent)</option>
            </select></label>
        )}
        <label className="field">Stop after (rows, empty = all)<input className="input num" value={maxRows} onChange={(e) => setMaxRows(e.target.value)} name="maxRows" /></label>
        {browserMode && <label className="field">File name<input className="input mono" value={fileName} onChange={(e) => setFileName(e.target.value)} name="fileName" /></label>}
        {format === 'csv' && <label className="check wide"><input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} name="bom" /> UTF-8 byte order mark (for Excel)</label>}
        {format === 'csv' && <label className="check wide" title="Cells starting with = + - @ (a tab or CR) run as formulas when the file is opened in a spreadsheet. Off keeps every value exact, for loading into a database.">
          <input type="checkbox" checked={formulaGuard} onChange={(e) => setGuardChoice(e.target.checked)} name="formulaGuard" /> Guard against formulas (prefix cells starting with = + - @ with &apos;)</label>}
      </div>
      {prog && (
        <div data-testid="export-progress">
          <div className={`progress${pct === undefined && running ? ' indeterminate' : ''}`}><div style={{ width: pct !== undefined ? `${pct}%` : done ? '100%' : undefined }} /></div>
          <div className="small muted num" style={{ marginTop: 4 }}>
            {prog.rows.toLocaleString()}{prog.total !== undefined ? ` of ${prog.total.toLocaleString()}` : ''} rows · {Math.round(prog.rowsPerSec).toLocaleString()} rows/s · {(prog.bytes / 1024).toFixed(0)} KiB
          </div>
        </div>
      )}
      {done && (
        <div className="info-box" data-testid="export-done">
          Wrote <b className="num">{done.rows.toLocaleString()}</b> rows ({(done.bytes / 1024).toFixed(0)} KiB) in {(done.elapsedMs / 1000).toFixed(2)} s.
          <div className="mono small" data-testid="export-path">{done.fileName}</div>
          {done.downloadUrl && <a className="btn" href={done.downloadUrl} download={fileName} data-testid="export-download">Download {fileName}</a>}
        </div>
      )}
      {cancelled && <div className="info-box">Export cancelled; the partial file was removed.</div>}
      {error && <ErrorBox error={error} />}
    </Dialog>
  );
}

/** A Web API tab's protocol and query options ($orderby, $expand, $skip) for the export's search. */
function webApiPart(q: ReturnType<typeof savedQueryOf>) {
  return q.protocol === 'webapi' ? { protocol: q.protocol, ...(q.odata ? { odata: q.odata } : {}) } : {};
}
