// A tree row's accessible name: its parts with separators ("L_Status, Status, lookup field,
// Lookup"), not the row's text run together ("LL_StatusStatus": glyph, name and long name); and
// the kind glyph a field row shows, from the same reading of the field's type.
import type { TreeNode } from './treeModel';

type FieldKind = 'lookup' | 'date' | 'number' | 'boolean' | 'text';

/** What a field holds, from its RETS data type and interpretation. */
function fieldKind(type: string, interp: string): FieldKind {
  if (interp.startsWith('Lookup')) return 'lookup';
  if (/Date|Time/.test(type)) return 'date';
  if (/Int|Long|Small|Tiny|Decimal/.test(type)) return 'number';
  if (type === 'Boolean') return 'boolean';
  return 'text';
}

const KIND_WORDS: Record<FieldKind, string> = { lookup: 'lookup field', date: 'date field', number: 'number field', boolean: 'yes/no field', text: 'text field' };
const KIND_GLYPHS: Record<FieldKind, string> = { lookup: 'L', date: 'D', number: '#', boolean: 'B', text: 'a' };

/** The one-character kind mark a field row shows before its name. */
export const fieldGlyph = (type: string, interp: string): string => KIND_GLYPHS[fieldKind(type, interp)];
const fieldKindWord = (type: string, interp: string): string => KIND_WORDS[fieldKind(type, interp)];

const join = (...parts: (string | undefined | false)[]) => parts.filter((p): p is string => !!p && p.trim() !== '').join(', ');
// One formatter for every row: Number#toLocaleString builds one a call, which was about a tenth
// of the script a filter keystroke runs (each row in view gets a new label).
const counts = new Intl.NumberFormat();
const plural = (n: number, one: string) => `${counts.format(n)} ${one}${n === 1 ? '' : 's'}`;

export function treeLabel(n: TreeNode): string {
  switch (n.kind) {
    case 'resource': return n.countOf === 'field' ? join(`${n.label} entity set`, n.sub, plural(n.count, 'field')) : join(`${n.label} resource`, n.sub, plural(n.count, 'class'));
    case 'group': return join(n.label, plural(n.count, 'item'));
    case 'class': return join(`${n.label} class`, n.sub, plural(n.count, 'field'));
    case 'field': return join(n.field.systemName, n.field.odata?.key && 'key', n.field.longName || n.field.standardName, fieldKindWord(n.field.dataType, n.field.interpretation),
      n.field.odata?.type, n.field.standardName && n.field.standardName !== n.field.longName && `standard name ${n.field.standardName}`);
    case 'lookup': return join(`${n.lookup.name} lookup`, n.lookup.visibleName, plural(n.count, 'value'));
    case 'value': return join(n.value.value, n.value.longValue || n.value.shortValue);
    case 'object': return join(`${n.object.objectType} object`, n.object.mimeType);
    case 'nav': return join(`${n.nav.name} navigation property`, n.nav.collection ? `collection of ${n.nav.type}` : n.nav.type);
    case 'note': return n.text;
  }
}
