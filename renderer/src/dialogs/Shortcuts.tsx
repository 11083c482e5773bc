// The shortcuts sheet (?).
import { Dialog } from '../shell/Dialog';

const rows: [string, string][] = [
  ['Ctrl/Cmd+Enter', 'Run the query'], ['Esc', 'Cancel the running search'], ['Ctrl/Cmd+Space', 'Complete'],
  ['Ctrl/Cmd+S', 'Save the query as a snippet'], ['Ctrl/Cmd+P', 'Snippets'], ['Ctrl/Cmd+R', 'History'],
  ['Ctrl/Cmd+K', 'Filter the metadata'], ['Ctrl/Cmd+F', 'Find in results'], ['Ctrl/Cmd+A, Ctrl/Cmd+C', 'Select all rows, copy the selection as CSV'],
  ['↑ ↓ / Enter', 'Move in the results / open the row'], ['← → / letters / *', 'In the metadata tree: close, open, jump to a name, open all siblings'], ['Ctrl/Cmd+L', 'Toggle the wire log'], ['?', 'This sheet'],
];

export function Shortcuts({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts"><tbody>{rows.map(([k, d]) => <tr key={k}><td><span className="kbd">{k}</span></td><td>{d}</td></tr>)}</tbody></table>
    </Dialog>
  );
}
