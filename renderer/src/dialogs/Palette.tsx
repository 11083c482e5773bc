// Snippets and history as a searchable palette (their keys: shell/shortcuts.ts): arrows move,
// Enter loads (history: re-runs), Delete removes a snippet; "Files…" exports and imports snippet files.
import { useMemo, useState } from 'react';
import { useDeleteSnippet, useHistory, useHostInfo, useProfiles, useSnippets, useUnreadableSnippets } from '../host/queries';
import { historyMeta, queryTarget } from './paletteText';
import { SnippetFilesDialog } from './SnippetFilesDialog';
import { UnreadableFiles } from '../shell/UnreadableFiles';
import type { HistoryEntry, Snippet } from '../../../shared/contract';

interface Props {
  mode: 'snippets' | 'history';
  onClose(): void;
  onLoadSnippet(s: Snippet): void;
  onRerun(h: HistoryEntry): void;
}

type Item = { key: string; title: string; sub: string; tags: string[]; meta: string; snippet?: Snippet; history?: HistoryEntry };

export function Palette({ mode, onClose, onLoadSnippet, onRerun }: Props) {
  const snippets = useSnippets();
  const unreadable = useUnreadableSnippets();
  const history = useHistory();
  const profiles = useProfiles().data;
  const del = useDeleteSnippet();
  const [q, setQ] = useState('');
  const [pos, setPos] = useState(0);
  const [files, setFiles] = useState(false);
  const browserMode = useHostInfo().data?.mode !== 'electron';
  const items = useMemo<Item[]>(() => {
    const all: Item[] = mode === 'snippets'
      ? (snippets.data ?? []).map((s) => ({ key: s.id, title: s.name, sub: `${queryTarget(s)}: ${s.query}`, tags: s.tags, meta: s.profile ? `written on “${s.profile.name}”` : '', snippet: s }))
      : (history.data ?? []).map((h) => ({
        key: h.id, title: queryTarget(h), sub: h.query, tags: [h.status],
        meta: historyMeta(h, (id) => profiles?.find((p) => p.id === id)?.name), history: h,
      }));
    const needle = q.trim().toLowerCase();
    return needle ? all.filter((i) => `${i.title} ${i.sub} ${i.tags.join(' ')} ${i.meta}`.toLowerCase().includes(needle)) : all;
  }, [mode, snippets.data, history.data, q, profiles]);

  if (files) return <SnippetFilesDialog browserMode={browserMode} onClose={() => setFiles(false)} />;

  function choose(i: Item | undefined) {
    if (!i) return;
    if (i.snippet) onLoadSnippet(i.snippet);
    if (i.history) onRerun(i.history);
    onClose();
  }

  return (
    <div className="overlay" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="dialog wide" role="dialog" data-testid={`palette-${mode}`}>
        <div className="dialog-h" style={{ padding: 8 }}>
          <input className="input" style={{ flex: 1, height: 30 }} autoFocus value={q} placeholder={mode === 'snippets' ? 'Search snippets by name, tag or query…' : 'Search history…'}
            onChange={(e) => { setQ(e.target.value); setPos(0); }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') onClose();
              if (e.key === 'ArrowDown') { e.preventDefault(); setPos((p) => Math.min(items.length - 1, p + 1)); }
              if (e.key === 'ArrowUp') { e.preventDefault(); setPos((p) => Math.max(0, p - 1)); }
              if (e.key === 'Enter') choose(items[pos]);
            }} />
        </div>
        <div className="palette-list">
          {mode === 'snippets' && <UnreadableFiles what="snippet" files={unreadable.data} />}
          {items.length === 0 && <div className="teach">{mode === 'snippets' ? 'No snippets yet. Ctrl/Cmd+S saves the query of the active tab as one; they are plain files you can keep in git.' : 'No history yet: every query you run appears here.'}</div>}
          {items.map((i, n) => (
            <div key={i.key} className={`palette-item${n === pos ? ' active' : ''}`} onMouseEnter={() => setPos(n)} onClick={() => choose(i)} data-testid="palette-item">
              <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
                <b>{i.title}</b>{i.tags.map((t) => <span key={t} className="tag">{t}</span>)}<span style={{ flex: 1 }} />
                <span className="muted small num">{i.meta}</span>
                {i.snippet && <button className="btn ghost small danger" onClick={(e) => { e.stopPropagation(); del.mutate(i.snippet!.id); }} title="Delete snippet">Delete</button>}
              </div>
              <div className="q">{i.sub}</div>
            </div>
          ))}
        </div>
        <div className="dialog-f small muted" style={{ justifyContent: 'flex-start' }}>↑↓ move · Enter {mode === 'snippets' ? 'load' : 're-run'} · Esc close
          {mode === 'snippets' && <><span className="spacer" /><button className="btn small" onClick={() => setFiles(true)} title="Export snippets to a file, or import a snippet file" data-testid="snippet-files-open">Export / import…</button></>}
        </div>
      </div>
    </div>
  );
}
