// The workbench: title bar; connections above the metadata explorer (left); query tabs with the
// editor and results (center); details and photos (right); status bar and wire log (bottom).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HistoryEntry, MetadataCacheInfo, Profile, ProfileInput, Snippet } from '../../shared/contract';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import type { RetsErrorInfo } from '../../shared/rets/errors';
import { findClass, findResource } from '../../shared/rets/metadata/model';
import { host } from './host/client';
import { toErrorInfo } from './host/errors';
import { useHostEventSync, useHostInfo, useMetadata, useProfiles, useRefreshMetadata, useSession } from './host/queries';
import { Connections } from './connections/Connections';
import { ProfileDialog } from './connections/ProfileDialog';
import { MetadataExplorer, type Selection } from './explorer/MetadataExplorer';
import { QueryPanel } from './query/QueryPanel';
import { runFor, useRun } from './query/runs';
import { FieldDetails } from './details/FieldDetails';
import { MetadataFooter } from './explorer/MetadataFooter';
import { RowDetails } from './details/RowDetails';
import { Photos } from './details/Photos';
import { buildDecoders } from './grid/decode';
import { ExportDialog } from './dialogs/ExportDialog';
import { uploadFile } from './host/upload';
import { SnippetSaveDialog } from './dialogs/SnippetSaveDialog';
import { Palette } from './dialogs/Palette';
import { Shortcuts } from './dialogs/Shortcuts';
import { CommandPalette } from './dialogs/CommandPalette';
import { appCommands } from './shell/appCommands';
import { paletteFor, paletteShortcuts } from './shell/shortcuts';
import { paneVars, usePaneSizes } from './shell/paneSizes';
import { Splitter } from './shell/Splitter';
import { gateRun, searchTarget } from './query/runGate';
import { askToConfirm, clearConfirm } from './query/confirmRun';
import { DoctorPanel } from './doctor/DoctorPanel';
import { SecretsGate } from './secrets/SecretsGate';
import { TitleBar } from './shell/TitleBar';
import { StatusBar } from './shell/StatusBar';
import { LogPanel } from './shell/LogPanel';
import { ErrorBox } from './shell/ErrorBox';
import { InspectorLink } from './shell/inspectorLink';
import { useToast } from './shell/toast';
import { useTabs, type QueryTab } from './state/tabs';
import type { EditorApi } from './monaco/QueryEditor';

type DoctorTarget = { profileId: string; name: string } | { draft: ProfileInput; name: string };

export function App() {
  useHostEventSync();
  const info = useHostInfo();
  const profiles = useProfiles();
  const [activeId, setActiveId] = useState<string | undefined>(() => localStorage.getItem('rw.profile') ?? undefined);
  useEffect(() => {
    const list = profiles.data;
    if (!list?.length) return;
    if (!activeId || !list.some((p) => p.id === activeId)) setActiveId(info.data?.demo?.profileId ?? list[0].id);
  }, [profiles.data, activeId, info.data]);
  useEffect(() => { if (activeId) localStorage.setItem('rw.profile', activeId); }, [activeId]);

  const session = useSession(activeId);
  const activeProfile = profiles.data?.find((p) => p.id === activeId);
  const md = useMetadata(activeId);
  const refresh = useRefreshMetadata(activeId);
  const [offline, setOffline] = useState<{ metadata: RetsMetadata; name: string } | null>(null);
  // A file that could not be read stays explained (with its hint) until the next open or close.
  const [fileError, setFileError] = useState<RetsErrorInfo | null>(null);
  const closeFile = () => { setOffline(null); setFileError(null); };
  const metadata = offline?.metadata ?? md.data?.metadata;
  const cache: MetadataCacheInfo | undefined = offline ? undefined : md.data?.cache;
  useEffect(() => { if (md.data) void session.refetch(); }, [md.data]); // session facts change with the login metadata triggers

  const tabs = useTabs();
  const tab = tabs.active;
  const run = useRun(tab.id);
  const editorApi = useRef<EditorApi | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const [sel, setSel] = useState<{ s: Selection; nodeId: string } | null>(null);
  const [rowSel, setRowSel] = useState<number | undefined>();
  const [drawer, setDrawer] = useState<'field' | 'row'>('field');
  const [profileDialog, setProfileDialog] = useState<{ profile?: Profile } | null>(null);
  const [doctor, setDoctor] = useState<DoctorTarget | null>(null);
  const [exportOpen, setExportOpen] = useState(false);
  const [exportColumns, setExportColumns] = useState<string[]>([]);
  const [saveOpen, setSaveOpen] = useState(false);
  const [palette, setPalette] = useState<'snippets' | 'history' | null>(null);
  const [shortcuts, setShortcuts] = useState(false);
  const [commandsOpen, setCommandsOpen] = useState(false);
  const mode = info.data?.mode;
  const keys = paletteShortcuts(mode);
  const panes = usePaneSizes();
  const [logOpen, setLogOpen] = useState(false);
  const [logSelected, setLogSelected] = useState<number | undefined>();
  const showRequest = useCallback((traceId: number) => { setLogSelected(traceId); setLogOpen(true); }, []);
  const [findOpen, setFindOpen] = useState(false);
  const [toast, showToast] = useToast();

  // A tab without a resource/class starts on the first class of the metadata.
  useEffect(() => {
    if (!metadata || (tab.resource && tab.cls)) return;
    const r = metadata.resources.find((x) => x.classes.length);
    if (r) tabs.update(tab.id, { resource: r.id, cls: r.classes[0].name });
  }, [metadata, tab.id, tab.resource, tab.cls, tabs]);
  useEffect(() => { setRowSel(undefined); }, [tab.id, run.startedAt]);

  // Run goes through the run check (runGate.ts): nothing is sent without a known Resource/Class,
  // and errors the editor found ask first unless this tab said not to.
  const runTab = useCallback((t: QueryTab, force?: boolean) => {
    const gate = gateRun(t, metadata, activeId);
    if (gate.kind === 'blocked' || !activeId || !metadata) return;
    if (gate.kind === 'errors' && !force && !t.runWithErrors) { askToConfirm(t.id); return; }
    clearConfirm(t.id);
    setRowSel(undefined);
    const target = searchTarget(t, metadata);
    void runFor(t.id).start({
      profileId: activeId, resource: target.resource, class: target.cls, query: t.query, select: target.select,
      options: { limit: t.limit, count: t.count, format: t.format, standardNames: !!t.standardNames, ...(t.offset ? { offset: t.offset } : {}) },
    });
  }, [activeId, metadata]);

  function loadSnippet(s: Snippet) {
    const o = s.options ?? {};
    tabs.add({ title: s.name, resource: s.resource, cls: s.class, query: s.query, select: s.select ?? [], limit: o.limit ?? 100, count: o.count ?? 1, format: o.format ?? 'COMPACT', offset: o.offset, standardNames: o.standardNames });
    showToast(`Loaded snippet “${s.name}”`);
  }
  function rerun(h: HistoryEntry) {
    const o = h.options ?? {};
    const t = tabs.add({ resource: h.resource, cls: h.class, query: h.query, select: h.select ?? [], limit: o.limit ?? 100, count: o.count ?? 1, format: o.format ?? 'COMPACT', standardNames: o.standardNames });
    setTimeout(() => runTab(t), 0);
  }

  // Global keys; the editor handles its own (run, cancel, save) while focused.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      const pal = paletteFor(mode, e);
      if (pal) { e.preventDefault(); if (pal === 'commands') setCommandsOpen(true); else setPalette(pal); }
      else if (mod && k === 'k') { e.preventDefault(); filterRef.current?.focus(); filterRef.current?.select(); }
      else if (mod && k === 'f' && !(e.target as HTMLElement)?.closest?.('.monaco-editor')) { e.preventDefault(); setFindOpen(true); }
      else if (mod && k === 's') { e.preventDefault(); setSaveOpen(true); }
      else if (mod && k === 'l') { e.preventDefault(); setLogOpen((o) => !o); }
      else if (mod && k === 'enter') { e.preventDefault(); runTab(tab); }
      else if (e.key === 'Escape' && !typing && run.status === 'running') void runFor(tab.id).cancel();
      else if (e.key === '?' && !typing && !(e.target as HTMLElement)?.closest?.('.monaco-editor')) setShortcuts(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tab, run.status, runTab, mode]);

  const resource = metadata && tab.resource ? findResource(metadata, tab.resource) : undefined;
  const cls = resource && tab.cls ? findClass(resource, tab.cls) : undefined;
  const decoders = useMemo(() => buildDecoders(resource, cls), [resource, cls]);
  const row = rowSel !== undefined ? run.rows[rowSel] : undefined;
  const keyCol = resource ? run.columns.indexOf(resource.keyField) : -1;
  const recordKey = row ? row[keyCol >= 0 ? keyCol : 0] : undefined;
  const hasPhotos = !!resource?.objects.length;

  // Browser mode uploads the picked File; Electron asks the host's open dialog (no path crosses).
  async function openMetadataFile(file?: File) {
    try {
      const picked = file ? await uploadFile(file, 'metadata') : await host.files.chooseOpen({ purpose: 'metadata' });
      if (!picked) return;
      const r = await host.metadata.openFile({ handle: picked.handle });
      setOffline({ metadata: r.metadata, name: r.source.name });
      setFileError(null);
      showToast(`Opened ${r.source.name} (${r.source.format})`);
    } catch (err) {
      setFileError(toErrorInfo(err));
    }
  }

  return (
    <InspectorLink.Provider value={showRequest}>
    <div className="app" style={{ ...paneVars(panes), ...(logOpen ? {} : { gridTemplateRows: '36px 1fr 0 24px' }) }}>
      <TitleBar profiles={profiles.data ?? []} activeId={activeId} onPick={(id) => { setActiveId(id); closeFile(); }} status={session.data} cache={cache} mode={info.data?.mode} />
      <aside className="rw-left">
        <Connections activeId={activeId} sessionState={session.data?.state} onPick={(id) => { setActiveId(id); closeFile(); }} onNew={() => setProfileDialog({})} onEdit={(p) => setProfileDialog({ profile: p })} onTest={(p) => setDoctor({ profileId: p.id, name: p.name })} />
        <SecretsGate active={profiles.data?.find((p) => p.id === activeId)} onToast={showToast} />
        <div className="section-h">
          Metadata{offline && <span style={{ textTransform: 'none', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={offline.name}>· {offline.name}</span>}<span className="spacer" />
          {info.data?.mode === 'electron'
            ? <button className="btn ghost icon small" title="Open a metadata file (offline exploration)" data-testid="open-metadata-file" onClick={() => void openMetadataFile()}>Open…</button>
            : <label className="btn ghost icon small" title="Open a metadata file (offline exploration)">Open…<input type="file" hidden accept=".xml,.txt,.json,.http" data-testid="open-metadata-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void openMetadataFile(f); e.target.value = ''; }} /></label>}
          {offline ? <button className="btn ghost icon small" onClick={closeFile}>Close file</button>
            : <button className="btn ghost icon small" title="Fetch the metadata again from the server" onClick={() => refresh.mutate()} disabled={!activeId || refresh.isPending} data-testid="metadata-refresh">{refresh.isPending ? '…' : '↻'}</button>}
        </div>
        {md.isLoading && !offline && <div className="teach">Logging in and loading metadata…</div>}
        {md.error && !offline && <ErrorBox error={toErrorInfo(md.error)} onRetry={() => void md.refetch()} testId="metadata-error" />}
        {refresh.error && <ErrorBox error={toErrorInfo(refresh.error)} />}
        {fileError && <ErrorBox error={fileError} testId="metadata-file-error" />}
        {metadata && (
          <MetadataExplorer
            key={`${activeId}:${offline?.name ?? ''}`} metadata={metadata} profileId={offline ? undefined : activeId} filterRef={filterRef} selectedId={sel?.nodeId}
            onSelect={(s, nodeId) => { setSel({ s, nodeId }); setDrawer('field'); }}
            onInsertField={(r, c, f) => {
              if (r !== tab.resource || c !== tab.cls) tabs.update(tab.id, { resource: r, cls: c });
              editorApi.current?.insert(tab.query.trim() === '' ? `(${f}=)` : f);
            }}
            onOpenClass={(r, c) => tabs.add({ resource: r, cls: c })}
          />
        )}
        {cache && <MetadataFooter cache={cache} metadata={metadata} />}
      </aside>
      <main className="rw-center">
        <Splitter pane="left" axis="x" label="Explorer width" className="rw-splitter-left" />
        <Splitter pane="right" axis="x" invert label="Details width" className="rw-splitter-right" />
        <QueryPanel
          profileId={activeId} metadata={metadata} tabs={tabs} editorApi={editorApi} selectedRow={rowSel}
          onSelectRow={(i) => { setRowSel(i); if (i !== undefined) setDrawer('row'); }}
          onSaveSnippet={() => setSaveOpen(true)} onExport={(cols) => { setExportColumns(cols); setExportOpen(true); }} onToast={showToast}
          findOpen={findOpen} setFindOpen={setFindOpen} onRun={runTab}
          onSnippets={() => setPalette('snippets')} onHistory={() => setPalette('history')} keys={{ snippets: keys.snippets.label, history: keys.history.label }}
        />
        {doctor && <DoctorPanel target={doctor} onClose={() => setDoctor(null)} onToast={showToast} />}
      </main>
      <aside className="rw-right" data-testid="details">
        {drawer === 'row' && row && recordKey && activeId && hasPhotos && <Photos profileId={activeId} resource={tab.resource} recordKey={recordKey} />}
        <div className="section-h">Details</div>
        {drawer === 'row' && row ? <RowDetails index={rowSel!} columns={run.columns} row={row} cls={cls} decoders={decoders} />
          : sel && metadata ? <FieldDetails metadata={metadata} profileId={offline ? undefined : activeId} sel={sel.s} onInsert={(t) => editorApi.current?.insert(t)} />
            : <div className="teach">Click a field in the explorer to see every metadata column and its lookup values; double-click inserts it into the query. Click a result row to see it here with its photos.</div>}
      </aside>
      {logOpen ? <LogPanel profileId={activeId} selectedId={logSelected} onSelect={setLogSelected} onClose={() => setLogOpen(false)} onToast={showToast} /> : <div style={{ gridArea: 'log' }} />}
      <StatusBar profileId={activeId} status={session.data} logOpen={logOpen} onToggleLog={() => setLogOpen((o) => !o)} onShortcuts={() => setShortcuts(true)} onCommands={() => setCommandsOpen(true)} commandsKey={keys.commands.label} />

      {profileDialog && (
        <ProfileDialog profile={profileDialog.profile} onClose={() => setProfileDialog(null)}
          onSaved={(p) => { setProfileDialog(null); setActiveId(p.id); showToast(`Saved “${p.name}”`); }}
          onTest={(draft, savedId) => setDoctor(savedId ? { profileId: savedId, name: draft.name } : { draft, name: draft.name || 'draft' })} />
      )}
      {exportOpen && activeId && <ExportDialog profileId={activeId} tab={tab} shownColumns={exportColumns} browserMode={info.data?.mode !== 'electron'} onClose={() => setExportOpen(false)} />}
      {saveOpen && <SnippetSaveDialog tab={tab} onClose={() => setSaveOpen(false)} onSaved={(n) => { setSaveOpen(false); tabs.update(tab.id, { title: n }); showToast(`Saved snippet “${n}”`); }} />}
      {palette && <Palette mode={palette} onClose={() => setPalette(null)} onLoadSnippet={loadSnippet} onRerun={rerun} />}
      {shortcuts && <Shortcuts mode={mode} onClose={() => setShortcuts(false)} />}
      {commandsOpen && <CommandPalette onClose={() => setCommandsOpen(false)} commands={appCommands({
        keys, run: () => runTab(tab), cancel: () => void runFor(tab.id).cancel(), running: run.status === 'running',
        snippets: () => setPalette('snippets'), history: () => setPalette('history'), saveSnippet: () => setSaveOpen(true),
        newTab: () => tabs.add({ resource: tab.resource, cls: tab.cls }), toggleLog: () => setLogOpen((o) => !o),
        filterMetadata: () => { filterRef.current?.focus(); filterRef.current?.select(); }, find: () => setFindOpen(true),
        exportCsv: activeId ? () => setExportOpen(true) : undefined, newConnection: () => setProfileDialog({}),
        doctor: activeProfile ? () => setDoctor({ profileId: activeProfile.id, name: activeProfile.name }) : undefined,
        refreshMetadata: activeId ? () => refresh.mutate() : undefined, shortcuts: () => setShortcuts(true),
      })} />}
      {toast && <div className="toast" role="status" data-testid="toast">{toast}</div>}
    </div>
    </InspectorLink.Provider>
  );
}
