// Overtype for operators a completion inserted: accepting `L_Status` inserts `L_Status=` (in
// $filter, `gt` inserts `gt `), and a user who types `=` (the space) next means the same one (as
// editors treat a typed closing bracket after an auto-inserted one). The completion item runs AFTER_INSERT, which remembers the operator and
// where it ends; that operator typed at that spot with no edit between (Esc closing the value
// list is fine) is swallowed. An edit or a click forgets it.
import { monaco } from './setup';

export const AFTER_INSERT = 'rw.dmql.afterInsert';
/** DMQL2 operators a completion may end with ($filter's are in odataProviders). */
export const OVERTYPE_CHARS = new Set(['=', ',', '|']);

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
  monaco.editor.registerCommand(AFTER_INSERT, (_accessor, uri: string, char: string, suggest?: boolean) => {
    const editor = monaco.editor.getEditors().find((e) => e.getModel()?.uri.toString() === uri);
    const model = editor?.getModel();
    const pos = editor?.getPosition();
    if (!model || !pos) return;
    const offset = model.getOffsetAt(pos);
    if (model.getValue().charAt(offset - 1) === char) pending.set(uri, { char, version: model.getVersionId(), offset });
    // After `ListPrice gt ` the values are what comes next: list them without a keystroke.
    if (suggest) editor?.trigger('overtype', 'editor.action.triggerSuggest', {});
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
      if (!p || !model || !pos) return;
      if (model.getVersionId() !== p.version) { pending.delete(key()); return; }
      if (isOvertype(p, e.browserEvent.key, model.getVersionId(), model.getOffsetAt(pos))) {
        pending.delete(key());
        e.preventDefault();
        e.stopPropagation();
      }
    }),
    editor.onMouseDown(() => pending.delete(key())),
  ];
  return { dispose() { for (const s of subs) s.dispose(); pending.delete(key()); } };
}
