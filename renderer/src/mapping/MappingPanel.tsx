// The mapping of the active profile's fields to a target vocabulary (the Demo MLS's Web API, any
// other profile, or a RESO Data Dictionary file): proposals to confirm, edit or reject, lookup
// values, coverage; import and export of the mapping file. Files are picked as handles.
import { useMemo, useRef, useState } from 'react';
import { host } from '../host/client';
import { toErrorInfo } from '../host/errors';
import { useHostInfo, useMapping, useMappingChange, useProfiles } from '../host/queries';
import { uploadFile } from '../host/upload';
import { ErrorBox } from '../shell/ErrorBox';
import { usePanelKeys } from '../shell/usePanelKeys';
import type { RetsErrorInfo } from '../../../shared/rets/errors';
import { CoverageView } from './CoverageView';
import { FieldRows } from './FieldRows';
import { visibleFields, type StatusFilter } from './decisions';
import './mapping.css';

const DEMO_WEBAPI = 'demo-webapi';

export function MappingPanel({ profileId, name, onClose, onToast }: { profileId: string; name: string; onClose(): void; onToast(m: string): void }) {
  const panel = usePanelKeys(onClose);
  const info = useHostInfo();
  const browser = info.data?.mode !== 'electron';
  const profiles = useProfiles();
  const saved = useMapping(profileId);
  const change = useMappingChange(profileId);
  // The Demo's Web API by default; a profile is never its own target.
  const [targetId, setTargetId] = useState(profileId === DEMO_WEBAPI ? 'demo' : DEMO_WEBAPI);
  const [view, setView] = useState<'fields' | 'coverage'>('fields');
  const [words, setWords] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [error, setError] = useState<RetsErrorInfo | null>(null);
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  const ddInput = useRef<HTMLInputElement>(null);
  const importInput = useRef<HTMLInputElement>(null);

  const data = saved.data;
  const m = data?.mapping ?? null;
  const rows = useMemo(() => (m ? visibleFields(m, words, status) : []), [m, words, status]);
  const busy = change.propose.isPending || change.save.isPending || change.importFile.isPending;

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try { await work(); } catch (err) { setError(toErrorInfo(err)); }
  };
  const pick = async (file: File | undefined, purpose: 'data-dictionary' | 'mapping-import') =>
    (file ? await uploadFile(file, purpose) : await host.files.chooseOpen({ purpose }));

  const propose = () => run(() => change.propose.mutateAsync({ target: { kind: 'profile', profileId: targetId } }));
  const proposeWithDictionary = (file?: File) => run(async () => {
    const picked = await pick(file, 'data-dictionary');
    if (picked) await change.propose.mutateAsync({ target: { kind: 'dictionary', handle: picked.handle } });
  });
  const importMapping = (file?: File) => run(async () => {
    const picked = await pick(file, 'mapping-import');
    if (picked) { await change.importFile.mutateAsync(picked.handle); onToast(`Imported ${picked.name}`); }
  });
  const exportMapping = () => run(async () => {
    if (browser) {
      const r = await host.mapping.export({ profileId, download: true });
      if (r.downloadUrl) setDownload({ url: r.downloadUrl, name: r.fileName });
      return;
    }
    const chosen = await host.files.chooseSave({ purpose: 'mapping-export', defaultName: `mapping-${profileId}.json` });
    if (chosen) { await host.mapping.export({ profileId, handle: chosen.handle }); onToast(`Saved ${chosen.name}`); }
  });

  return (
    <div className="map-panel" data-testid="mapping-panel" {...panel}>
      <div className="section-h" style={{ height: 34 }}>Mapping · <span style={{ textTransform: 'none' }}>{name}</span><span className="spacer" />
        <button className="btn" onClick={onClose}>Close</button>
      </div>
      <div className="map-bar">
        <label>Target <select value={targetId} onChange={(e) => setTargetId(e.target.value)} aria-label="Target">
          {(profiles.data ?? []).filter((p) => p.id !== profileId).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select></label>
        <button className="btn primary" onClick={() => void propose()} disabled={busy} data-testid="mapping-propose">{m ? 'Propose again' : 'Propose'}</button>
        <button className="btn" disabled={busy} onClick={() => (browser ? ddInput.current?.click() : void proposeWithDictionary())} title="A RESO Data Dictionary file (JSON metadata report, EDMX or the .xlsx workbook) as the target">Data Dictionary file…</button>
        <span className="spacer" style={{ flex: 1 }} />
        <button className="btn" disabled={busy} onClick={() => (browser ? importInput.current?.click() : void importMapping())}>Import…</button>
        <button className="btn" disabled={!m} onClick={() => void exportMapping()}>Export…</button>
        {download && <a className="btn" href={download.url} download={download.name} data-testid="mapping-download">Download {download.name}</a>}
        <input ref={ddInput} type="file" hidden accept=".json,.xml,.edmx,.xlsx" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void proposeWithDictionary(f); }} />
        <input ref={importInput} type="file" hidden accept=".json" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importMapping(f); }} />
      </div>
      {error && <ErrorBox error={error} />}
      {saved.error && <ErrorBox error={toErrorInfo(saved.error)} />}
      {busy && <div className="teach">Working… (proposing reads both sides' metadata, which may log in)</div>}
      {!m && !busy && !saved.isLoading && (
        <div className="teach" data-testid="mapping-empty">No mapping for this connection yet. Propose one against the target's names (a certified Web API uses the RESO Data Dictionary names), load a Data Dictionary file, or import a mapping file.</div>
      )}
      {m && data?.coverage && (
        <>
          <div className="map-notes" data-testid="mapping-notes">
            → <b>{m.target.name}</b> ({m.target.kind === 'data-dictionary' ? 'Data Dictionary' : 'server metadata'}). {m.notes.join(' ')}
          </div>
          <div className="map-bar">
            <div className="tabs" role="tablist" style={{ height: 26, border: 'none', background: 'none' }}>
              <button role="tab" className="btn ghost" aria-selected={view === 'fields'} onClick={() => setView('fields')} style={{ fontWeight: view === 'fields' ? 600 : 400 }}>Fields ({m.fields.length})</button>
              <button role="tab" className="btn ghost" aria-selected={view === 'coverage'} onClick={() => setView('coverage')} style={{ fontWeight: view === 'coverage' ? 600 : 400 }} data-testid="mapping-coverage-tab">Coverage ({data.coverage.counts.present}/{data.coverage.counts.targetFields})</button>
            </div>
            {view === 'fields' && (
              <>
                <input type="search" placeholder="Filter fields" value={words} onChange={(e) => setWords(e.target.value)} aria-label="Filter fields" />
                <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)} aria-label="Show">
                  <option value="all">all</option><option value="review">to review</option><option value="decided">decided</option><option value="unmapped">no target</option>
                </select>
                <span className="muted small">{rows.length} shown</span>
              </>
            )}
          </div>
          <div className="map-body">
            {view === 'fields'
              ? <FieldRows m={m} rows={rows} onChange={(next) => void run(() => change.save.mutateAsync(next))} />
              : <CoverageView coverage={data.coverage} targetName={m.target.name} />}
          </div>
        </>
      )}
    </div>
  );
}
