// The workbench: title bar; connections above the metadata explorer (left); query tabs with the
// editor and results (center); details and photos (right); status bar and wire log (bottom).
// Each part's state lives in its own hook under app/; this file lays them out and wires them.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useHostEventSync, useHostInfo, useSession } from './host/queries';
import { Connections } from './connections/Connections';
import { QueryPanel } from './query/QueryPanel';
import { runFor, useRun } from './query/runs';
import { paletteShortcuts } from './shell/shortcuts';
import { paneVars, usePaneSizes } from './shell/paneSizes';
import { Splitter } from './shell/Splitter';
import { DoctorPanel } from './doctor/DoctorPanel';
import { MappingPanel } from './mapping/MappingPanel';
import { SecretsGate } from './secrets/SecretsGate';
import { TitleBar } from './shell/TitleBar';
import { StatusBar } from './shell/StatusBar';
import { LogPanel } from './shell/LogPanel';
import { InspectorLink } from './shell/inspectorLink';
import { useToast } from './shell/toast';
import { useTabs } from './state/tabs';
import type { EditorApi } from './monaco/QueryEditor';
import { useActiveProfile } from './app/useActiveProfile';
import { useMetadataSource } from './app/useMetadataSource';
import { MetadataPane } from './app/MetadataPane';
import { useDetailsSelection } from './app/useDetailsSelection';
import { DetailsPane } from './app/DetailsPane';
import { useDialogs } from './app/useDialogs';
import { Modals } from './app/Modals';
import { useLogPanel } from './app/useLogPanel';
import { useGlobalKeys } from './app/useGlobalKeys';
import { useTabRunner } from './app/useTabRunner';
import { useTranslatedOpen } from './app/useTranslatedOpen';
import { counterpartOf } from './shell/translatedTab';
import { MetadataDiffRoot } from './diff/MetadataDiffRoot';
import { openMetadataDiff } from './diff/diffStore';

export function App() {
  useHostEventSync();
  const info = useHostInfo();
  const mode = info.data?.mode;
  const keys = paletteShortcuts(mode);
  const panes = usePaneSizes();
  const [toast, showToast] = useToast();

  const { activeId, setActiveId, profiles, activeProfile } = useActiveProfile();
  const source = useMetadataSource(activeId, showToast);
  const metadata = source.metadata;
  const pickProfile = (id: string) => { setActiveId(id); source.closeFile(); };
  const session = useSession(activeId);
  // Session facts change with the login a metadata request makes.
  useEffect(() => { if (source.online.data) void session.refetch(); }, [source.online.data]);

  const tabs = useTabs();
  const tab = tabs.active;
  const run = useRun(tab.id);
  const editorApi = useRef<EditorApi | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const selection = useDetailsSelection(tab.id, run.startedAt);
  const dialogs = useDialogs();
  const log = useLogPanel();
  const [findOpen, setFindOpen] = useState(false);
  const [mappingOpen, setMappingOpen] = useState(false);
  const { runTab, loadSnippet, rerun } = useTabRunner({ profileId: activeId, metadata, tabs, onStart: selection.clearRow, onToast: showToast });
  const translated = useTranslatedOpen({ profiles, activeProfile, setActiveId: pickProfile, tabs, onToast: showToast, loadAsWritten: loadSnippet, rerunAsWritten: rerun });
  const canTranslate = !!activeProfile && !!counterpartOf(profiles, activeProfile) && tab.query.trim() !== '' && !!tab.resource;
  const openTranslated = canTranslate ? () => translated.openTab(tab) : undefined;

  // A tab without a resource/class starts on the first class of the metadata.
  useEffect(() => {
    if (!metadata || (tab.resource && tab.cls)) return;
    const r = metadata.resources.find((x) => x.classes.length);
    if (r) tabs.update(tab.id, { resource: r.id, cls: r.classes[0].name });
  }, [metadata, tab.id, tab.resource, tab.cls, tabs]);

  const running = run.status === 'running';
  const cancel = useCallback(() => void runFor(tab.id).cancel(), [tab.id]);
  const focusFilter = useCallback(() => { filterRef.current?.focus(); filterRef.current?.select(); }, []);
  const { open: openModal } = dialogs;
  const openPalette = useCallback((p: 'snippets' | 'history' | 'commands') => openModal(p === 'commands' ? { kind: 'commands' } : { kind: 'palette', mode: p }), [openModal]);
  const openFind = useCallback(() => setFindOpen(true), []);
  const openSave = useCallback(() => openModal({ kind: 'saveSnippet' }), [openModal]);
  const openShortcuts = useCallback(() => openModal({ kind: 'shortcuts' }), [openModal]);
  const runActive = useCallback(() => runTab(tab), [runTab, tab]);
  useGlobalKeys(mode, {
    palette: openPalette, filterMetadata: focusFilter, find: openFind, saveSnippet: openSave, toggleLog: log.toggle,
    run: runActive, cancel: running ? cancel : undefined, shortcuts: openShortcuts,
  });

  return (
    <InspectorLink.Provider value={log.show}>
    <div className="app" style={{ ...paneVars(panes), ...(log.open ? {} : { gridTemplateRows: '36px 1fr 0 24px' }) }}>
      <TitleBar profiles={profiles} activeId={activeId} onPick={pickProfile} status={session.data} cache={source.cache} odata={source.metadata?.odata} mode={mode} />
      <aside className="rw-left">
        <Connections activeId={activeId} sessionState={session.data?.state} onPick={pickProfile} onNew={() => dialogs.open({ kind: 'profile' })} onEdit={(p) => dialogs.open({ kind: 'profile', profile: p })} onTest={(p) => dialogs.openDoctor({ profileId: p.id, name: p.name })} />
        <SecretsGate active={activeProfile} onToast={showToast} />
        <MetadataPane
          source={source} profileId={activeId} electron={mode === 'electron'} filterRef={filterRef} selectedId={selection.field?.nodeId}
          onSelect={selection.selectField}
          onInsertField={(r, c, f) => {
            if (r !== tab.resource || c !== tab.cls) tabs.update(tab.id, { resource: r, cls: c });
            editorApi.current?.insert(tab.query.trim() === '' && tab.protocol !== 'webapi' ? `(${f}=)` : f);
          }}
          onOpenClass={(r, c) => tabs.add({ resource: r, cls: c })}
          onEditProfile={activeProfile && !activeProfile.builtin ? () => dialogs.open({ kind: 'profile', profile: activeProfile }) : undefined}
        />
      </aside>
      <main className="rw-center">
        <Splitter pane="left" axis="x" label="Explorer width" className="rw-splitter-left" />
        <Splitter pane="right" axis="x" invert label="Details width" className="rw-splitter-right" />
        <QueryPanel
          profileId={activeId} metadata={metadata} tabs={tabs} editorApi={editorApi} selectedRow={selection.row}
          onSelectRow={selection.selectRow}
          onSaveSnippet={openSave} onExport={dialogs.openExport} onToast={showToast}
          findOpen={findOpen} setFindOpen={setFindOpen} onRun={runTab}
          onOpenTranslated={openTranslated} notice={translated.noticeFor(tab)} onDismissNotice={() => translated.dismiss(tab)} sourceNotes={translated.marksFor(tab)}
          onSnippets={() => openPalette('snippets')} onHistory={() => openPalette('history')} keys={{ snippets: keys.snippets.label, history: keys.history.label }}
        />
        {dialogs.doctor && <DoctorPanel target={dialogs.doctor} onClose={dialogs.closeDoctor} onToast={showToast} />}
        {mappingOpen && activeProfile && <MappingPanel key={activeProfile.id} profileId={activeProfile.id} name={activeProfile.name} onClose={() => setMappingOpen(false)} onToast={showToast} />}
      </main>
      <DetailsPane profileId={activeId} metadata={metadata} offline={!!source.offline} tab={tab} run={run} selection={selection} onInsert={(t) => editorApi.current?.insert(t)} />
      {log.open ? <LogPanel profileId={activeId} selectedId={log.selected} onSelect={log.select} onClose={log.close} onToast={showToast} /> : <div style={{ gridArea: 'log' }} />}
      <StatusBar profileId={activeId} status={session.data} logOpen={log.open} onToggleLog={log.toggle} onShortcuts={openShortcuts} onCommands={() => openPalette('commands')} commandsKey={keys.commands.label} />

      <Modals
        dialogs={dialogs} mode={mode} profileId={activeId} tab={tab}
        writtenOn={activeProfile && !source.offline ? { id: activeProfile.id, name: activeProfile.name, ...(metadata?.system?.version ? { metadataVersion: metadata.system.version } : {}) } : undefined}
        onProfileSaved={(p) => { setActiveId(p.id); showToast(`Saved “${p.name}”`); }}
        onSnippetSaved={(n) => { tabs.update(tab.id, { title: n }); showToast(`Saved snippet “${n}”`); }}
        onLoadSnippet={translated.loadSnippet} onRerun={translated.rerunEntry}
        commands={() => ({
          keys, run: runActive, cancel, running,
          snippets: () => openPalette('snippets'), history: () => openPalette('history'), saveSnippet: openSave,
          newTab: () => tabs.add({ resource: tab.resource, cls: tab.cls }), toggleLog: log.toggle,
          filterMetadata: focusFilter, find: openFind,
          exportCsv: activeId ? () => dialogs.openExport() : undefined, newConnection: () => dialogs.open({ kind: 'profile' }),
          doctor: activeProfile ? () => dialogs.openDoctor({ profileId: activeProfile.id, name: activeProfile.name }) : undefined,
          refreshMetadata: activeId ? () => source.refresh.mutate() : undefined, shortcuts: openShortcuts,
          mapping: activeProfile ? () => setMappingOpen(true) : undefined,
          ...(tab.protocol === 'webapi' ? { openAsRets: openTranslated } : { openAsWebApi: openTranslated }),
          compareMetadata: () => openMetadataDiff(activeId ? { a: { kind: 'profile', profileId: activeId } } : {}),
        })}
      />
      <MetadataDiffRoot activeId={activeId} onToast={showToast} />
      {toast && <div className="toast" role="status" data-testid="toast">{toast}</div>}
    </div>
    </InspectorLink.Provider>
  );
}
