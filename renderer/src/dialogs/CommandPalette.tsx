// Every command by name (Alt+Shift+P in a browser tab, Ctrl/Cmd+Shift+P on the desktop): type
// to filter, arrows move, Enter runs. Commands show their own shortcut where they have one.
import { useMemo, useState } from 'react';
import { useEscape } from '../shell/useEscape';

export interface Command { id: string; title: string; shortcut?: string; disabled?: boolean; run(): void }

export function CommandPalette({ commands, onClose }: { commands: Command[]; onClose(): void }) {
  const [q, setQ] = useState('');
  const [pos, setPos] = useState(0);
  useEscape(onClose);
  const items = useMemo(() => {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    return commands.filter((c) => !c.disabled && words.every((w) => c.title.toLowerCase().includes(w)));
  }, [commands, q]);
  const choose = (c: Command | undefined) => { if (!c) return; onClose(); c.run(); };
  return (
    <div className="overlay" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="dialog wide" role="dialog" aria-label="Commands" data-testid="palette-commands">
        <div className="dialog-h" style={{ padding: 8 }}>
          <input className="input" style={{ flex: 1, height: 30 }} autoFocus value={q} placeholder="Type a command…" aria-label="Command"
            role="combobox" aria-expanded="true" aria-controls="rw-command-list" aria-activedescendant={items[pos] ? `rw-cmd-${items[pos].id}` : undefined}
            onChange={(e) => { setQ(e.target.value); setPos(0); }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') { e.preventDefault(); setPos((p) => Math.min(items.length - 1, p + 1)); }
              if (e.key === 'ArrowUp') { e.preventDefault(); setPos((p) => Math.max(0, p - 1)); }
              if (e.key === 'Enter') choose(items[pos]);
            }} />
        </div>
        <div className="palette-list" role="listbox" id="rw-command-list">
          {items.length === 0 && <div className="teach">No command matches.</div>}
          {items.map((c, n) => (
            <div key={c.id} id={`rw-cmd-${c.id}`} role="option" aria-selected={n === pos} className={`palette-item rw-cmd${n === pos ? ' active' : ''}`}
              onMouseEnter={() => setPos(n)} onClick={() => choose(c)} data-testid="command-item">
              <span>{c.title}</span>{c.shortcut && <span className="kbd">{c.shortcut}</span>}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
