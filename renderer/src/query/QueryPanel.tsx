// The center: query tabs, the active tab's resource/class/Select pickers, the DMQL2 editor,
// run options, and the streaming results grid.
import { useMemo, useRef, useState } from 'react';
import type { RetsMetadata } from '../../../shared/rets/metadata/model';
import { findClass, findResource } from '../../../shared/rets/metadata/model';
import { QueryEditor, type EditorApi } from '../monaco/QueryEditor';
import { ResultsGrid } from '../grid/ResultsGrid';
import { buildDecoders } from '../grid/decode';
import { ErrorBox } from '../shell/ErrorBox';
import { SelectPicker } from './SelectPicker';
import { runFor, useRun } from './runs';
import { tabTitle, type QueryTab } from '../state/tabs';
import type { useTabs } from '../state/tabs';

interface Props {
  profileId?: string;
  metadata?: RetsMetadata;
  tabs: ReturnType<typeof useTabs>;
  editorApi: { current: EditorApi | null };
  selectedRow?: number;
  onSelectRow(index: number | undefined, open?: boolean): void;
  onSaveSnippet(): void;
  onExport(): void;
  onToast(msg: string): void;
  findOpen: boolean;
  setFindOpen(v: boolean): void;
  onRun(tab: QueryTab): void;
}

export function QueryPanel(p: Props) {
  const { tabs, active } = p.tabs;
  const run = useRun(active.id);
  const [decoded, setDecoded] = useState(true);
  const [showColumns, setShowColumns] = useState(false);
  const copyRef = useRef<(() => void) | null>(null);
  const columnsButton = useRef<HTMLButtonElement>(null);
  const [markers, setMarkers] = useState<{ message: string; severity: string; column: number }[]>([]);
  const resource = p.metadata && active.resource ? findResource(p.metadata, active.resource) : undefined;
  const cls = resource && active.cls ? findClass(resource, active.cls) : undefined;
  const decoders = useMemo(() => buildDecoders(resource, cls), [resource, cls]);
  const titles = useMemo(() => new Map((cls?.fields ?? []).map((f) => [f.systemName, `${f.systemName} — ${f.longName} (${f.dataType})`])), [cls]);
  const ctx = useMemo(() => (p.metadata && active.resource && active.cls ? { metadata: p.metadata, resource: active.resource, cls: active.cls } : undefined), [p.metadata, active.resource, active.cls]);
  const up = (patch: Partial<QueryTab>) => p.tabs.update(active.id, patch);
  const running = run.status === 'running';
  const shown = run.rows.length;

  return (
    <>
      <div className="tabs" role="tablist">
        {tabs.map((t) => (
          <div key={t.id} className={`tab${t.id === active.id ? ' active' : ''}`} role="tab" aria-selected={t.id === active.id} onClick={() => p.tabs.activate(t.id)} onAuxClick={(e) => { if (e.button === 1) p.tabs.close(t.id); }}>
            <span>{tabTitle(t)}</span>
            <button className="x" onClick={(e) => { e.stopPropagation(); p.tabs.close(t.id); }} aria-label="Close tab">×</button>
          </div>
        ))}
        <button className="btn ghost" style={{ margin: 4 }} onClick={() => p.tabs.add({ resource: active.resource, cls: active.cls })} title="New query tab">+</button>
      </div>
      <div className="querybar">
        <span className="lbl">Resource</span>
        <select className="input" value={active.resource} data-testid="resource-picker" onChange={(e) => {
          const r = p.metadata && findResource(p.metadata, e.target.value);
          up({ resource: e.target.value, cls: r?.classes[0]?.name ?? '', select: [] });
        }}>
          <option value="">—</option>
          {p.metadata?.resources.map((r) => <option key={r.id} value={r.id}>{r.id}</option>)}
        </select>
        <span className="lbl">Class</span>
        <select className="input" value={active.cls} data-testid="class-picker" onChange={(e) => up({ cls: e.target.value, select: [] })}>
          <option value="">—</option>
          {resource?.classes.map((c) => <option key={c.name} value={c.name}>{c.name}{c.visibleName ? ` — ${c.visibleName}` : ''}</option>)}
        </select>
        <span className="lbl">Select</span>
        <SelectPicker fields={cls?.fields ?? []} value={active.select} onChange={(select) => up({ select })} />
        <span style={{ flex: 1 }} />
        <button className="btn ghost" onClick={p.onSaveSnippet} title="Save as snippet (Ctrl/Cmd+S)" data-testid="save-snippet">Save snippet <span className="kbd">Ctrl+S</span></button>
      </div>
      <div className="editor-wrap">
        <QueryEditor
          tabId={active.id} value={active.query} context={ctx} apiRef={p.editorApi}
          onChange={(query) => up({ query })} onRun={() => p.onRun(active)} onCancel={() => void runFor(active.id).cancel()} onSave={p.onSaveSnippet} onMarkers={setMarkers}
        />
      </div>
      {markers.length > 0 && (
        <div className={`diag${markers.some((m) => m.severity === 'error') ? ' error' : ''}`} data-testid="diagnostics">
          {markers[0].severity === 'error' ? '✕' : '!'} {markers[0].message} <span className="muted">(col {markers[0].column})</span>
          {markers.length > 1 && <span className="muted"> · {markers.length - 1} more</span>}
        </div>
      )}
      <div className="runbar">
        <button className="btn primary" onClick={() => p.onRun(active)} disabled={!p.profileId || !active.cls} title="Run (Ctrl/Cmd+Enter)" data-testid="run">▶ Run <span className="kbd" style={{ color: 'inherit', background: 'transparent' }}>Ctrl+↵</span></button>
        <button className="btn" onClick={() => void runFor(active.id).cancel()} disabled={!running} title="Cancel (Esc)" data-testid="cancel">■ Cancel <span className="kbd">Esc</span></button>
        <span className="lbl">Limit</span>
        <input className="input narrow num" value={String(active.limit)} aria-label="Limit" data-testid="limit"
          onChange={(e) => up({ limit: e.target.value.toUpperCase() === 'NONE' ? 'NONE' : Math.max(1, Number(e.target.value) || 1) })} />
        <span className="lbl">Offset</span>
        <input className="input narrow num" value={active.offset ?? ''} placeholder="1" aria-label="Offset" onChange={(e) => up({ offset: Number(e.target.value) > 0 ? Number(e.target.value) : undefined })} />
        <span className="lbl">Count</span>
        <select className="input" value={active.count} onChange={(e) => up({ count: Number(e.target.value) as 0 | 1 | 2 })} aria-label="Count">
          <option value={0}>off</option><option value={1}>with rows</option><option value={2}>only</option>
        </select>
        <span className="lbl">Format</span>
        <select className="input" value={active.format} onChange={(e) => up({ format: e.target.value as QueryTab['format'] })} aria-label="Format">
          <option value="COMPACT">COMPACT</option><option value="COMPACT-DECODED">DECODED</option><option value="STANDARD-XML">XML</option>
        </select>
      </div>
      {run.error && <ErrorBox error={run.error} testId="search-error" />}
      <div className="results">
        <div className="results-h" data-testid="results-header">
          <span className="num" data-testid="result-count">
            {run.status === 'idle' ? <span className="muted">Results appear here · Ctrl+Enter runs the query</span> : <>
              <b>{shown.toLocaleString()}</b>{run.count !== undefined && <> of <b>{run.count.toLocaleString()}</b></>} rows
              {' · '}{(run.elapsedMs / 1000).toFixed(2)} s
              {run.firstRowsMs !== undefined && <span className="muted"> (first rows {Math.round(run.firstRowsMs)} ms)</span>}
            </>}
          </span>
          {running && <span className="pill" data-testid="running"><span className="dot running" />streaming…</span>}
          {run.status === 'cancelled' && <span className="pill" data-testid="cancelled"><span className="dot warn" />cancelled</span>}
          {run.maxrows && <span className="pill" title="The server stopped at its row limit: more rows match. Narrow the query or use Offset."><span className="dot warn" />MAXROWS reached</span>}
          <span className="spacer" />
          <button className="btn" onClick={() => setDecoded((d) => !d)} disabled={!decoders.size} title="Show lookup values decoded or as sent" data-testid="decoded-toggle">{decoded ? 'Decoded' : 'Raw'} ⇄</button>
          <button ref={columnsButton} className="btn" onClick={() => setShowColumns((s) => !s)} disabled={!run.columns.length}
            aria-haspopup="dialog" aria-expanded={showColumns} aria-controls={showColumns ? 'column-menu' : undefined} data-testid="columns-toggle">Columns</button>
          <button className="btn" onClick={() => p.setFindOpen(true)} disabled={!shown} title="Find in results (Ctrl/Cmd+F)">Find</button>
          <button className="btn" onClick={() => copyRef.current?.()} disabled={p.selectedRow === undefined} title="Copy the selected rows as CSV (Ctrl/Cmd+C; Ctrl/Cmd+A selects all)">Copy</button>
          <button className="btn" onClick={p.onExport} disabled={!active.cls || !p.profileId} data-testid="export-open">Export CSV…</button>
        </div>
        {run.status === 'done' && shown === 0 && run.count === undefined && (
          <div className="grid-empty" data-testid="empty-result">
            No records matched{run.replyCode ? <> (RETS <span className="mono">{run.replyCode}</span>{run.replyText ? ` “${run.replyText}”` : ''})</> : ''}.
            The server answers 20201 when nothing matches: widen a range, drop a criterion, or check the lookup values in the explorer.
          </div>
        )}
        {run.status === 'done' && shown === 0 && run.count !== undefined && active.count === 2 && (
          <div className="grid-empty"><b className="num">{run.count.toLocaleString()}</b> records match (count only).</div>
        )}
        {run.columns.length > 0 && (
          <ResultsGrid
            columns={run.columns} rows={run.rows} version={run.version} decoders={decoders} decoded={decoded} titles={titles}
            selected={p.selectedRow} onSelect={(i) => p.onSelectRow(i)} onOpenRow={(i) => p.onSelectRow(i, true)} onCopied={p.onToast}
            findOpen={p.findOpen} onCloseFind={() => p.setFindOpen(false)} showColumns={showColumns} onCloseColumns={() => setShowColumns(false)} columnsAnchor={columnsButton}
            copyRef={copyRef}
          />
        )}
      </div>
    </>
  );
}
