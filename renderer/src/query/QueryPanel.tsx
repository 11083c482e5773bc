// The center: query tabs, the active tab's resource/class/Select pickers (with the snippets and
// history buttons), the DMQL2 editor, the run bar, and the streaming results grid. A Web API tab
// has an entity set picker, the $filter editor, $orderby/$expand/$count, the URL it asks, and
// pages with "Load more".
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MetadataLookup, RetsMetadata } from '../../../shared/rets/metadata/model';
import { findClass, findResource } from '../../../shared/rets/metadata/model';
import { QueryEditor, type EditorApi } from '../monaco/QueryEditor';
import { ResultsGrid } from '../grid/ResultsGrid';
import { displayDecoders } from '../../../shared/metadata/lookupDecoder';
import { ErrorBox } from '../shell/ErrorBox';
import { SelectPicker } from './SelectPicker';
import { RunBar } from './RunBar';
import { Splitter } from '../shell/Splitter';
import { blockReason, gateRun, runTarget } from './runGate';
import { clearConfirm, useConfirmPending } from './confirmRun';
import { sampleQuery } from './sampleQuery';
import { sampleFilter } from './sampleFilter';
import { schemaFor } from './schemaCache';
import { forgetRun, runFor, useRun } from './runs';
import { tabTitle, type QueryTab } from '../state/tabs';
import type { useTabs } from '../state/tabs';
import { protocolPatch } from '../state/tabs';
import { useMapping, useProfiles } from '../host/queries';
import { headerFor } from '../../../shared/mapping/use';
import { odataSchemaFor } from './odataSchema';
import { mentionedLookupNames } from '../../../shared/odata/lazyLookups';
import { useLazyLookups } from '../explorer/useLazyLookups';
import { RequestUrl, WebApiOptionsBar } from './WebApiOptionsBar';
import { savedQueryOf, shownUrl } from './webapiQuery';
import type { Diagnostic } from '../../../shared/dmql/validate';
import type { TabNotice } from '../app/useTranslatedOpen';
import { NoticeBar } from './NoticeBar';

interface Props {
  profileId?: string;
  metadata?: RetsMetadata;
  tabs: ReturnType<typeof useTabs>;
  editorApi: { current: EditorApi | null };
  selectedRow?: number;
  onSelectRow(index: number | undefined, open?: boolean): void;
  onSaveSnippet(): void;
  /** Opens the export, with the grid's visible columns in their order. */
  onExport(shownColumns: string[]): void;
  onToast(msg: string): void;
  findOpen: boolean;
  setFindOpen(v: boolean): void;
  /** Run the tab's search (through the run check); force skips the question about errors. */
  onRun(tab: QueryTab, force?: boolean): void;
  onSnippets(): void;
  onHistory(): void;
  /** The palette keys of this mode, for the buttons' tooltips. */
  keys: { snippets: string; history: string };
  /** The active tab's query translated for the other protocol, in a new tab (absent: no counterpart). */
  onOpenTranslated?: () => void;
  /** The notes of the translation that opened this tab (or a snippet's offer), and their dismissal. */
  notice?: TabNotice;
  onDismissNotice(): void;
  /** A translation's notes on this tab's query, as editor markers. */
  sourceNotes?: readonly Diagnostic[];
}

export function QueryPanel(p: Props) {
  const { tabs, active } = p.tabs;
  const run = useRun(active.id);
  const [decoded, setDecoded] = useState(true);
  const [showColumns, setShowColumns] = useState(false);
  const copyRef = useRef<(() => void) | null>(null);
  // The grid's visible columns in their order, read when the export opens (no re-render needed).
  const shownColumns = useRef<string[]>([]);
  const setShownColumns = useCallback((names: string[]) => { shownColumns.current = names; }, []);
  const columnsButton = useRef<HTMLButtonElement>(null);
  const mapping = useMapping(p.profileId).data?.mapping ?? undefined;
  const [titlesByMapping, setTitlesByMapping] = useState(false);
  const byMapping = useMemo(() => (mapping ? { on: titlesByMapping, set: setTitlesByMapping } : undefined), [mapping, titlesByMapping]);
  const [markers, setMarkers] = useState<{ message: string; severity: string; column: number }[]>([]);
  const resource = p.metadata && active.resource ? findResource(p.metadata, active.resource) : undefined;
  const cls = resource && active.cls ? findClass(resource, active.cls) : undefined;
  const decoders = displayDecoders(p.metadata, active.resource, active.cls);
  const titles = useMemo(() => new Map((cls?.fields ?? []).map((f) => [f.systemName, `${f.systemName} — ${f.longName} (${f.dataType})`])), [cls]);
  const ctx = useMemo(() => (p.metadata && active.resource && active.cls ? { metadata: p.metadata, resource: active.resource, cls: active.cls, standardNames: !!active.standardNames } : undefined), [p.metadata, active.resource, active.cls, active.standardNames]);
  const placeholder = useMemo(() => {
    const sample = sampleQuery(ctx && schemaFor(ctx));
    return `${sample ?? '(Field=value)'}   Ctrl+Space completes · Ctrl+Enter runs`;
  }, [ctx]);
  const profiles = useProfiles();
  const target = useMemo(() => runTarget(profiles.data, p.profileId), [profiles.data, p.profileId]);
  const blocked = blockReason(active, p.metadata, p.profileId, target);
  const confirming = useConfirmPending(active.id);
  const confirmErrors = useMemo(() => {
    if (!confirming) return undefined;
    const g = gateRun(active, p.metadata, p.profileId, target);
    return g.kind === 'errors' ? g.errors : undefined;
  }, [confirming, active, p.metadata, p.profileId, target]);
  // The question is about the errors Run saw: once they are fixed it is gone, not kept for later ones.
  useEffect(() => { if (confirming && !confirmErrors) clearConfirm(active.id); }, [confirming, confirmErrors, active.id]);
  const up = (patch: Partial<QueryTab>) => p.tabs.update(active.id, patch);
  const shown = run.rows.length;
  // Results a search on another connection left on this tab (of the same protocol: a protocol
  // switch drops them) are kept, and say where they came from.
  const nameOf = (id: string | undefined) => profiles.data?.find((x) => x.id === id)?.name ?? id ?? '';
  const fromOther = run.status !== 'idle' && run.profileId && run.profileId !== p.profileId ? nameOf(run.profileId) : undefined;
  const activeName = nameOf(p.profileId);
  const labels = useMemo(() => (mapping && titlesByMapping ? new Map(run.columns.map((c) => [c, headerFor(mapping, c, active.resource)])) : undefined), [mapping, titlesByMapping, run.columns, active.resource]);
  // The tab speaks the protocol of the metadata shown (a Web API's carries its CSDL); with none (its
  // login failed) a RETS connection's, so the tab does not stay a Web API query "from a file opened".
  const protocol = p.metadata ? (p.metadata.odata ? 'webapi' : 'rets') : target?.type === 'rets' ? 'rets' : undefined;
  const entitySets = useMemo(() => (p.metadata?.odata ? p.metadata.resources.map((r) => r.id) : []), [p.metadata]);
  const fitProtocol = protocol ? protocolPatch(active, protocol, entitySets) : undefined;
  useEffect(() => {
    if (!fitProtocol) return;
    if (fitProtocol.protocol && fitProtocol.protocol !== (active.protocol ?? 'rets')) forgetRun(active.id);
    p.tabs.update(active.id, fitProtocol);
  }, [fitProtocol, active.id, active.protocol, p.tabs]);
  const web = active.protocol === 'webapi';
  // A Web API's string lookups are read from its Lookup resource (once per profile, shared with the
  // explorer) for the fields the $filter names, so that value completion and the checker know them;
  // nothing is read for fields the query does not use (a server's request quota is the user's).
  const mentioned = web && resource ? mentionedLookupNames(resource, active.query).join('\n') : '';
  const lazyNames = useMemo(() => (mentioned ? mentioned.split('\n') : []), [mentioned]);
  const reads = useLazyLookups(web ? p.profileId : undefined, lazyNames);
  const readSig = lazyNames.filter((n) => reads.get(n)?.lookup).join('\n');
  const readLookups = useMemo(() => {
    const m = new Map<string, MetadataLookup>();
    for (const n of lazyNames) { const l = reads.get(n)?.lookup; if (l) m.set(n, l); }
    return m;
  }, [readSig]); // a new map only when another lookup arrived: the schema is rebuilt then only
  const odataCtx = useMemo(() => {
    const schema = web ? odataSchemaFor(p.metadata, active.resource, readLookups) : undefined;
    return schema ? { schema } : undefined;
  }, [web, p.metadata, active.resource, readLookups]);
  const filterPlaceholder = useMemo(() => `${sampleFilter(odataCtx?.schema) ?? 'Field eq value'}   Ctrl+Space completes · Ctrl+Enter runs`, [odataCtx]);
  const serviceRoot = profiles.data?.find((x) => x.id === p.profileId)?.loginUrl;
  // Only a Web API connection's service root makes a URL (a RETS login URL under a $metadata file would not).
  const url = web && target?.type === 'webapi' && serviceRoot && active.resource ? shownUrl(serviceRoot, active) : undefined;
  const skip = active.odata?.skip ?? 0;
  const moreRows = web && run.status === 'done' && shown > 0 && (run.count !== undefined ? skip + shown < run.count
    : !!run.page?.more || (typeof active.limit === 'number' && shown % active.limit === 0));
  const loadMore = () => {
    if (!p.profileId || !active.odata) return;
    const q = savedQueryOf({ ...active, odata: { ...active.odata, skip: skip + shown } });
    void runFor(active.id).start({ profileId: p.profileId, ...q }, true);
  };

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
        {p.onOpenTranslated && (
          <button className="btn ghost" style={{ margin: '4px 8px 4px auto' }} onClick={p.onOpenTranslated} data-testid="open-translated"
            title={web ? 'This $filter translated to DMQL2, in a new tab on the RETS connection' : 'This query translated to an OData $filter, in a new tab on the Web API connection'}>
            ⇄ {web ? 'Open as RETS query' : 'Open as Web API query'}
          </button>
        )}
      </div>
      <div className="querybar">
        {web ? (<>
          <span className="lbl">Entity set</span>
          <select className="input" value={active.resource} data-testid="entityset-picker" onChange={(e) => {
            up({ resource: e.target.value, cls: e.target.value, select: [], ...(active.odata ? { odata: { ...active.odata, orderby: [], expand: [], skip: 0 } } : {}) });
          }}>
            {p.metadata?.resources.map((r) => <option key={r.id} value={r.id}>{r.id}</option>)}
          </select>
        </>) : (<>
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
        </>)}
        <span className="lbl">{web ? '$select' : 'Select'}</span>
        <SelectPicker fields={cls?.fields ?? []} value={active.select} onChange={(select) => up({ select })} />
        <span style={{ flex: 1 }} />
        <button className="btn ghost" onClick={p.onSnippets} title={`Snippets (${p.keys.snippets})`} data-testid="open-snippets">Snippets</button>
        <button className="btn ghost" onClick={p.onHistory} title={`History (${p.keys.history})`} data-testid="open-history">History</button>
        <button className="btn ghost" onClick={p.onSaveSnippet} title="Save as snippet (Ctrl/Cmd+S)" data-testid="save-snippet">Save snippet</button>
      </div>
      {p.notice && <NoticeBar notice={p.notice} onDismiss={p.onDismissNotice} />}
      {web && active.odata && (
        <WebApiOptionsBar value={active.odata} fields={cls?.fields ?? []} navigation={resource?.odata?.navigation.map((n) => n.name) ?? []}
          onChange={(patch) => up({ odata: { ...active.odata!, ...patch } })} />
      )}
      <div className="editor-wrap">
        <QueryEditor
          tabId={active.id} value={active.query} context={web ? undefined : ctx} language={web ? 'odata' : 'dmql'} odata={odataCtx}
          placeholder={web ? filterPlaceholder : placeholder} apiRef={p.editorApi}
          onChange={(query) => up({ query })} onRun={() => p.onRun(active)} onCancel={() => void runFor(active.id).cancel()} onSave={p.onSaveSnippet} onMarkers={setMarkers} notes={p.sourceNotes}
        />
      </div>
      <Splitter pane="editor" axis="y" label="Editor height" className="" />
      {markers.length > 0 && (
        <div className={`diag${markers.some((m) => m.severity === 'error') ? ' error' : ''}`} data-testid="diagnostics">
          {markers[0].severity === 'error' ? '✕' : '!'} {markers[0].message} <span className="muted">(col {markers[0].column})</span>
          {markers.length > 1 && <span className="muted"> · {markers.length - 1} more</span>}
        </div>
      )}
      {url && <RequestUrl url={url} onCopy={() => void navigator.clipboard.writeText(url).then(() => p.onToast('URL copied'), () => p.onToast('Copy failed'))} />}
      <RunBar
        tab={active} run={run} update={up} blocked={blocked} onRun={p.onRun} onCancel={() => void runFor(active.id).cancel()}
        confirm={confirming ? confirmErrors : undefined} onDismissConfirm={() => clearConfirm(active.id)}
        onFix={() => { clearConfirm(active.id); p.editorApi.current?.showFirstProblem(); }}
      />
      {run.error && <ErrorBox error={run.error} testId="search-error" />}
      <div className="results">
        <div className="results-h" data-testid="results-header">
          <span className="num" data-testid="result-count">
            {run.status === 'idle' ? <span className="muted">Results appear here · Ctrl+Enter runs the query</span> : <>
              {run.status === 'error'
                // A failed search has no row count to tell: "0 rows" under the error would read as "nothing matched".
                ? <span className="failed" data-testid="result-failed">failed{shown > 0 && <> after <b>{shown.toLocaleString()}</b> rows</>}</span>
                : <><b>{shown.toLocaleString()}</b>{run.count !== undefined && <> of <b>{run.count.toLocaleString()}</b></>} rows</>}
              {' · '}{(run.elapsedMs / 1000).toFixed(2)} s
              {run.firstRowsMs !== undefined && <span className="muted"> (first rows {Math.round(run.firstRowsMs)} ms)</span>}
            </>}
          </span>
          {fromOther && (
            <span className="pill" data-testid="result-source" title={`These results came from “${fromOther}”; Run asks the active connection, “${activeName}”.`}>
              <span className="dot warn" />from “{fromOther}”
            </span>
          )}
          {run.status === 'running' && <span className="pill" data-testid="running"><span className="dot running" />streaming…</span>}
          {run.status === 'cancelled' && <span className="pill" data-testid="cancelled"><span className="dot warn" />cancelled</span>}
          {web && run.page && (
            <span className="pill" data-testid="page-info" title="Server pages read (auto paging stops at $top)">
              page {run.page.n}, {shown.toLocaleString()} rows{moreRows ? ', more available' : run.status === 'done' ? ', all read' : ''}
            </span>
          )}
          {web && moreRows && !fromOther && (
            <button className="btn" onClick={loadMore} data-testid="load-more"
              title={`Ask the next ${typeof active.limit === 'number' ? active.limit : ''} rows ($skip=${skip + shown})`}>Load more</button>
          )}
          {!web && run.maxrows && <span className="pill" title="The server stopped at its row limit: more rows match. Narrow the query or use Offset."><span className="dot warn" />MAXROWS reached</span>}
          <span className="spacer" />
          <button className="btn" onClick={() => setDecoded((d) => !d)} disabled={!decoders.size} title="Show lookup values decoded or as sent" data-testid="decoded-toggle">{decoded ? 'Decoded' : 'Raw'} ⇄</button>
          <button ref={columnsButton} className="btn" onClick={() => setShowColumns((s) => !s)} disabled={!run.columns.length}
            aria-haspopup="dialog" aria-expanded={showColumns} aria-controls={showColumns ? 'column-menu' : undefined} data-testid="columns-toggle">Columns</button>
          <button className="btn" onClick={() => p.setFindOpen(true)} disabled={!shown} title="Find in results (Ctrl/Cmd+F)">Find</button>
          <button className="btn" onClick={() => copyRef.current?.()} disabled={p.selectedRow === undefined} title="Copy the selected rows as CSV (Ctrl/Cmd+C; Ctrl/Cmd+A selects all)">Copy</button>
          <button className="btn" onClick={() => p.onExport(shownColumns.current)} disabled={!!blocked} title={blocked} data-testid="export-open">Export CSV…</button>
        </div>
        {run.status === 'done' && shown === 0 && run.count === undefined && (
          <div className="grid-empty" data-testid="empty-result">
            {web ? <>No records matched the $filter. Widen a comparison or check the lookup values in the explorer.</> : <>No records matched{run.replyCode ? <> (RETS <span className="mono">{run.replyCode}</span>{run.replyText ? ` “${run.replyText}”` : ''})</> : ''}.
            The server answers 20201 when nothing matches: widen a range, drop a criterion, or check the lookup values in the explorer.</>}
          </div>
        )}
        {run.status === 'done' && shown === 0 && run.count !== undefined && !web && active.count === 2 && (
          <div className="grid-empty"><b className="num">{run.count.toLocaleString()}</b> records match (count only).</div>
        )}
        {run.columns.length > 0 && (
          <ResultsGrid
            columns={run.columns} rows={run.rows} version={run.version} decoders={decoders} decoded={decoded} titles={titles} labels={labels} byMapping={byMapping}
            selected={p.selectedRow} onSelect={(i) => p.onSelectRow(i)} onOpenRow={(i) => p.onSelectRow(i, true)} onCopied={p.onToast}
            findOpen={p.findOpen} onCloseFind={() => p.setFindOpen(false)} showColumns={showColumns} onCloseColumns={() => setShowColumns(false)} columnsAnchor={columnsButton}
            copyRef={copyRef} onColumnsShown={setShownColumns} matched={run.count} onExport={blocked ? undefined : () => p.onExport(shownColumns.current)} partial={run.status === 'running' || run.maxrows || (run.count !== undefined && run.count > shown)}
          />
        )}
      </div>
    </>
  );
}
