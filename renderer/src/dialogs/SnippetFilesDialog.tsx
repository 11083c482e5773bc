// Snippets as plain files: export all of them or a selection (protocol and the whole query kept)
// to a file the host's save dialog picks (browser mode: a download), and import a file the host's
// open dialog picks (browser mode: an upload). Imports get new ids; what was skipped is listed
// with its reason. The renderer never names a path: it holds a handle or a download URL.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SkippedSnippet, Snippet } from '../../../shared/contract';
import { host } from '../host/client';
import { toErrorInfo } from '../host/errors';
import { uploadFile } from '../host/upload';
import { useSnippets } from '../host/queries';
import { Dialog } from '../shell/Dialog';
import { ErrorBox } from '../shell/ErrorBox';
import type { RetsErrorInfo } from '../../../shared/rets/errors';

interface Props { browserMode: boolean; onClose(): void }
type Exported = { count: number; fileName: string; downloadUrl?: string };
type Imported = { imported: Snippet[]; skipped: SkippedSnippet[] };

export function SnippetFilesDialog({ browserMode, onClose }: Props) {
  const snippets = useSnippets();
  const qc = useQueryClient();
  const all = snippets.data ?? [];
  // Unticked ones are left out; new snippets start ticked.
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const chosen = all.filter((s) => !unticked.has(s.id));
  const [exported, setExported] = useState<Exported | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const [error, setError] = useState<RetsErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (id: string) => setUnticked((u) => { const n = new Set(u); if (n.has(id)) n.delete(id); else n.add(id); return n; });

  async function run(work: () => Promise<void>) {
    setBusy(true); setError(null);
    try { await work(); } catch (err) { setError(toErrorInfo(err)); } finally { setBusy(false); }
  }

  const exportChosen = () => run(async () => {
    setExported(null);
    const ids = chosen.length === all.length ? undefined : chosen.map((s) => s.id);
    if (browserMode) {
      setExported(await host.snippets.export({ ...(ids ? { ids } : {}), download: true }));
      return;
    }
    const picked = await host.files.chooseSave({ purpose: 'snippets-export', defaultName: 'rets-workbench-snippets.json' });
    if (!picked) return;
    const r = await host.snippets.export({ ...(ids ? { ids } : {}), handle: picked.handle });
    setExported({ count: r.count, fileName: picked.name });
  });

  const importFile = (file?: File) => run(async () => {
    setImported(null);
    const picked = file ? await uploadFile(file, 'snippets-import') : await host.files.chooseOpen({ purpose: 'snippets-import' });
    if (!picked) return;
    setImported(await host.snippets.import({ handle: picked.handle }));
    void qc.invalidateQueries({ queryKey: ['snippets'] });
  });

  return (
    <Dialog title="Snippet files" onClose={onClose} wide testId="snippet-files"
      footer={<>
        {browserMode
          ? <label className={`btn${busy ? ' disabled' : ''}`} data-testid="snippets-import">Import a file…<input type="file" hidden accept=".json,application/json" data-testid="snippets-import-input" onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} /></label>
          : <button className="btn" disabled={busy} onClick={() => void importFile()} data-testid="snippets-import">Import a file…</button>}
        <span className="spacer" />
        <button className="btn" onClick={onClose}>Close</button>
        <button className="btn primary" disabled={busy || chosen.length === 0} onClick={() => void exportChosen()} data-testid="snippets-export">
          {chosen.length === all.length ? `Export all (${all.length})` : `Export ${chosen.length} ${chosen.length === 1 ? 'snippet' : 'snippets'}`}
        </button>
      </>}>
      <div className="muted small">A snippet file holds each snippet&apos;s name, tags, protocol and whole query (Web API: $filter, $select, $orderby, $expand, $top). Importing gives every snippet a new id, so nothing is overwritten.</div>
      <div className="rw-snippet-pick" data-testid="snippet-pick">
        {all.length === 0 && <div className="teach">No snippets to export yet.</div>}
        {all.map((s) => (
          <label key={s.id} className="check">
            <input type="checkbox" checked={!unticked.has(s.id)} onChange={() => toggle(s.id)} data-testid="snippet-pick-item" />
            <b>{s.name}</b> <span className="tag">{s.protocol === 'webapi' ? 'Web API' : 'RETS'}</span>
            <span className="mono small muted">{s.protocol === 'webapi' ? s.resource : `${s.resource}/${s.class}`}: {s.query || '(all)'}{s.odata?.expand ? ` · $expand=${s.odata.expand}` : ''}</span>
          </label>
        ))}
      </div>
      {exported && (
        <div className="info-box" data-testid="snippets-exported">
          Exported <b className="num">{exported.count}</b> {exported.count === 1 ? 'snippet' : 'snippets'} to <span className="mono">{exported.fileName}</span>.
          {exported.downloadUrl && <> <a className="btn" href={exported.downloadUrl} download={exported.fileName} data-testid="snippets-download">Download</a></>}
        </div>
      )}
      {imported && (
        <div className="info-box" data-testid="snippets-imported">
          Imported <b className="num">{imported.imported.length}</b> {imported.imported.length === 1 ? 'snippet' : 'snippets'}{imported.imported.length ? `: ${imported.imported.map((s) => s.name).join(', ')}` : ''}.
          {imported.skipped.length > 0 && (
            <>
              <div style={{ marginTop: 4 }}>Skipped {imported.skipped.length}:</div>
              <ul className="rw-skipped" data-testid="snippets-skipped">
                {imported.skipped.map((x, i) => <li key={i}>{x.file ? `${x.file}, ` : ''}snippet {x.item}{x.name ? ` “${x.name}”` : ''}: {x.reason}</li>)}
              </ul>
            </>
          )}
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </Dialog>
  );
}
