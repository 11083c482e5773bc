// The shortcuts sheet (?), with the palette keys of the mode the app runs in (shell/shortcuts.ts).
import { Dialog } from '../shell/Dialog';
import { paletteShortcuts, runShortcutLabel, type AppMode } from '../shell/shortcuts';

export function Shortcuts({ mode, onClose }: { mode: AppMode; onClose(): void }) {
  const p = paletteShortcuts(mode);
  const rows: [string, string][] = [
    [runShortcutLabel, 'Run the query'], ['Esc', 'Cancel the running search'], ['Ctrl/Cmd+Space', 'Complete'], ['Ctrl/Cmd+.', 'Quick fix for the problem under the cursor'],
    ['F8', 'Next problem in the query'], ['Ctrl/Cmd+S', 'Save the query as a snippet'],
    [p.snippets.label, 'Snippets'], [p.history.label, 'History'], [p.commands.label, 'All commands'],
    ['Ctrl/Cmd+K', 'Filter the metadata'], ['Ctrl/Cmd+F', 'Find in results'], ['Ctrl/Cmd+A, Ctrl/Cmd+C', 'Select all rows, copy the selection as CSV'],
    ['↑ ↓ / Enter', 'Move in the results / open the row'], ['← → / letters / *', 'In the metadata tree: close, open, jump to a name, open all siblings'],
    ['← →', 'In the photo viewer: previous, next photo'], ['Ctrl/Cmd+L', 'Toggle the wire log'], ['?', 'This sheet'],
  ];
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testId="shortcuts">
      {mode !== 'electron' && <div className="muted small">In a browser tab, Ctrl/Cmd+P prints and Ctrl/Cmd+R reloads: the palettes use Alt here.</div>}
      <table className="shortcuts"><tbody>{rows.map(([k, d]) => <tr key={k + d}><td><span className="kbd">{k}</span></td><td>{d}</td></tr>)}</tbody></table>
    </Dialog>
  );
}
