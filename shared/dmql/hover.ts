// Hover for the DMQL2 editor: on a field name its LongName, names, DataType, units and lookup
// summary; on a lookup code its LongValue; on operators and special values what they mean.
import type { SourceRange } from './ast';
import { annotate } from './context';
import { describeFieldDetail } from './complete';
import type { DmqlField, DmqlSchema } from './schema';

export interface HoverResult {
  range: SourceRange;
  /** Markdown. */
  contents: string;
}

const EXPLAIN: Record<string, string> = {
  and: '`AND` (also `,`): both conditions must match.',
  comma: '`,` separates conditions that must all match (AND), or the values of one condition (any may match).',
  or: '`OR` (also `|`): either condition may match.',
  pipe: '`|` between conditions: OR. After `=` on a lookup field: any of the listed values.',
  not: '`NOT` (also `~`): excludes what the next condition matches.',
  tilde: '`~` before a condition: NOT. After `=` on a lookup field: none of the listed values.',
  plus: '`+` after a value: at least this value (inclusive). After `=` on a multi-value lookup: all of the listed values.',
  minus: '`-` between two values: a range, inclusive. After a value: at most this value.',
  today: "`TODAY`: today's date, on the server's clock.",
  now: '`NOW`: the current date and time, on the server.',
  empty: '`.EMPTY.`: the field has no value.',
  any: '`.ANY.`: the field has any value.',
  star: '`*` in text: any run of characters (Chi* starts with Chi).',
  question: '`?` in text: exactly one character.',
};

function fieldHover(f: DmqlField): string {
  const lines = [`**${f.longName || f.name}** — ${describeFieldDetail(f)}`, ''];
  lines.push(`SystemName \`${f.systemName}\`${f.standardName ? ` · StandardName \`${f.standardName}\`` : ''}`);
  lines.push(`DataType ${f.dataType}${f.interpretation ? ` (${f.interpretation})` : ''}${f.maximumLength ? ` · at most ${f.maximumLength} characters` : ''}${f.precision ? ` · precision ${f.precision}` : ''}`);
  if (f.units) lines.push(`Units: ${f.units}`);
  if (!f.searchable) lines.push('Not searchable: the server rejects conditions on it.');
  if (f.lookup) {
    const vs = f.lookup.values;
    const shown = vs.slice(0, 10).map((v) => `\`${v.value}\` ${v.longValue}`).join(', ');
    lines.push(`Lookup ${f.lookup.name}${f.lookup.visibleName && f.lookup.visibleName !== f.lookup.name ? ` (${f.lookup.visibleName})` : ''}: ${vs.length} value${vs.length === 1 ? '' : 's'}${shown ? `: ${shown}${vs.length > 10 ? ', …' : ''}` : ''}`);
    lines.push(f.multi ? 'Holds several values: use `|` any, `+` all, `~` none.' : 'Holds one value: use `|` any or `~` none.');
  }
  return lines.join('  \n');
}

/** What to show when the pointer rests at `offset`; undefined where there is nothing to say. */
export function hover(query: string, offset: number, schema?: DmqlSchema): HoverResult | undefined {
  const notes = annotate(query);
  const hit = notes.find((n) => n.token.start <= offset && offset < n.token.end) ?? notes.find((n) => n.token.end === offset && n.token.start < offset);
  if (!hit) return undefined;
  const t = hit.token;
  const range = { start: t.start, end: t.end };
  if (hit.role === 'field') {
    const f = schema?.byName.get(t.text);
    if (f) return { range, contents: fieldHover(f) };
    return schema ? { range, contents: `**${t.text}**: not a field of ${schema.resource}:${schema.className}.` } : undefined;
  }
  if (hit.role === 'value' && hit.field && schema) {
    const f = schema.byName.get(hit.field.text);
    if (f?.lookup && (t.kind === 'text' || t.kind === 'number' || t.kind === 'string')) {
      const code = t.kind === 'string' ? t.text.slice(1, -1).replace(/""/g, '"') : t.text;
      const v = f.lookup.byValue.get(code);
      return {
        range,
        contents: v
          ? `\`${v.value}\` — **${v.longValue}**${v.shortValue && v.shortValue !== v.value ? ` (${v.shortValue})` : ''}  \nlookup ${f.lookup.name} of ${f.name}`
          : `\`${code}\` is not a value of lookup ${f.lookup.name}.`,
      };
    }
  }
  const text = EXPLAIN[t.kind];
  return text ? { range, contents: text } : undefined;
}
