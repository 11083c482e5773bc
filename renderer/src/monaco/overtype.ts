// Overtype for operators a completion inserted: accepting `L_Status` inserts `L_Status=`, and a
// user who types `=` next means the same `=` (as editors treat a typed closing bracket after an
// auto-inserted one). The completion item runs AFTER_INSERT, which remembers the operator and
// where it ends; the next key, if it is that operator at that spot with no edit between, is
// swallowed. Any other key, edit or cursor move forgets it.
import { monaco } from './setup';

export const AFTER_INSERT = 'rw.dmql.afterInsert';
/** Operators a completion may end with. */
export const OVERTYPE_CHARS = new Set(['=', ',', '|']);

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph']);

interface Pending { char: string; version: number; offset: number }
const pending = new Map<string, Pending>();
let registered = false;

/** True when `key` typed at `offset` (text version `version`) is the operator just inserted there. */
export function isOvertype(p: Pending | undefined, key: string, version: number, offset: number): boolean {
  return !!p && p.char === key && p.version === version && p.offset === offset;
}

function register(): void {
  if (registered) return;
  registered = true;
  monaco.editor.registerCommand(AFTER_INSERT, (_accessor, uri: string, char: string) => {
    const editor = monaco.editor.getEditors().find((e) => e.getModel()?.uri.toString() === uri);
    const model = editor?.getModel();
    const pos = editor?.getPosition();
    if (!model || !pos) return;
    const offset = model.getOffsetAt(pos);
    if (model.getValue().charAt(offset - 1) === char) pending.set(uri, { char, version: model.getVersionId(), offset });
  });
}

export function attachOvertype(editor: monaco.editor.IStandaloneCodeEditor): monaco.IDisposable {
  register();
  const key = () => editor.getModel()?.uri.toString() ?? '';
  const subs = [
    editor.onKeyDown((e) => {
      const model = editor.getModel();
      const pos = editor.getPosition();
      const p = pending.get(key());
      if (!p || MODIFIERS.has(e.browserEvent.key)) return;
      pending.delete(key());
      if (model && pos && isOvertype(p, e.browserEvent.key, model.getVersionId(), model.getOffsetAt(pos))) {
        e.preventDefault();
        e.stopPropagation();
      }
    }),
    editor.onMouseDown(() => pending.delete(key())),
  ];
  return { dispose() { for (const s of subs) s.dispose(); pending.delete(key()); } };
}
