// Hover for the $filter editor: on a property its type, facets (MaxLength, Precision, Scale,
// Nullable), annotations, lookup or enum summary; on a string compared with a lookup field what
// that value means (standard value, legacy enum name); on enum literals their members; on
// functions their signature; on operators what they do.
import type { HoverResult } from '../../dmql/hover';
import { endsOperand, isOperatorWord, operandEndingAt, pathEndingAt, scanFrames } from './context';
import { FUNCTION_BY_NAME } from './functions';
import { lex, unquote } from './lexer';
import type { FilterField, FilterSchema } from './schema';
import { resolveMember } from './typing';

export type { HoverResult };

const OPERATORS: Record<string, string> = {
  eq: '`eq`: equal. Text compares case-sensitively; `null eq null` is true.',
  ne: '`ne`: not equal.',
  gt: '`gt`: greater than (false when either side is null).',
  ge: '`ge`: greater than or equal.',
  lt: '`lt`: less than.',
  le: '`le`: less than or equal.',
  and: '`and`: both conditions must hold.',
  or: '`or`: either condition may hold.',
  not: '`not`: negates what follows. It binds tighter than comparisons: write `not (A eq B)`.',
  has: "`has`: the enumeration value has these flags, e.g. `Features has NS.Features'Pool'`.",
  in: "`in`: equal to one of a list, `StandardStatus in ('Active','Pending')` (OData 4.01).",
  add: '`add`: plus (numbers; a date or DateTimeOffset plus a duration).',
  sub: '`sub`: minus.',
  mul: '`mul`: times.',
  div: '`div`: divided by; whole numbers give integer division.',
  divby: '`divby`: divided by, always with decimals (OData 4.01).',
  mod: '`mod`: remainder.',
  any: '`any(x: …)`: true when some item of the collection matches; `any()` when it has any item.',
  all: '`all(x: …)`: true when every item matches (and for an empty collection).',
};

export function fieldHover(f: FilterField): string {
  const lines = [`**${f.name}**${f.displayName && f.displayName !== f.name ? ` — ${f.displayName}` : ''}`, ''];
  const facets = [`Type \`${f.type}\``];
  if (f.maxLength !== undefined) facets.push(`MaxLength ${f.maxLength}`);
  if (f.precision !== undefined) facets.push(`Precision ${f.precision}`);
  if (f.scale !== undefined) facets.push(`Scale ${f.scale}`);
  facets.push(f.nullable ? 'Nullable' : 'not Nullable');
  lines.push(facets.join(' · '));
  if (f.navigation) lines.push(`Navigation property${f.collection ? ' to a collection: filter its items with any()/all()' : ''}.`);
  else if (f.collection) lines.push('Holds several values: filter with any()/all(), e.g. `' + `${f.name}/any(x: x eq …)` + '`.');
  if (f.description) lines.push(f.description);
  if (f.lookup) {
    const vs = f.lookup.values;
    lines.push(`Lookup ${f.lookup.name}: ${vs.length} value${vs.length === 1 ? '' : 's'}${vs.length ? `: ${vs.slice(0, 8).map((v) => `'${v.value}'`).join(', ')}${vs.length > 8 ? ', …' : ''}` : ''}`);
  } else if (f.missingLookup) lines.push(`Lookup ${f.missingLookup} (its values were not loaded).`);
  if (f.enumType) {
    const ms = f.enumType.members;
    lines.push(`Enumeration ${f.enumType.name}${f.enumType.isFlags ? ' (flags: use has)' : ''}: ${ms.slice(0, 8).map((m) => m.name).join(', ')}${ms.length > 8 ? ', …' : ''}`);
  }
  for (const [k, v] of Object.entries(f.annotations ?? {})) lines.push(`${k}: ${v}`);
  return lines.join('  \n');
}

/** What to show when the pointer rests at `offset`; undefined where there is nothing to say. */
export function hoverFilter(src: string, offset: number, schema?: FilterSchema): HoverResult | undefined {
  const tokens = lex(src);
  let k = tokens.findIndex((t) => t.kind !== 'eof' && t.start <= offset && offset < t.end);
  if (k < 0) k = tokens.findIndex((t) => t.kind !== 'eof' && t.end === offset && t.start < offset);
  if (k < 0) return undefined;
  const t = tokens[k];
  const range = { start: t.start, end: t.end };
  const { scope } = scanFrames(tokens, k, schema);
  if (t.kind === 'name') {
    const w = t.text.toLowerCase();
    const next = tokens[k + 1];
    if (next?.kind === 'lparen') {
      if (OPERATORS[w] && tokens[k - 1]?.kind === 'slash') return { range, contents: OPERATORS[w] };
      const f = FUNCTION_BY_NAME.get(w);
      if (f) return { range, contents: `\`${f.display}\`  \n${f.doc}` };
    }
    if (isOperatorWord(t) && (endsOperand(tokens[k - 1]) || w === 'not')) return { range, contents: OPERATORS[w] };
    if (next?.kind === 'colon') return { range, contents: `lambda variable \`${t.text}\`: one item of the collection at a time` };
    const v = scope.get(t.text);
    if (v && tokens[k - 1]?.kind !== 'slash' && tokens[k + 1]?.kind !== 'slash') return { range, contents: `lambda variable \`${t.text}\`${v.field ? `: one item of ${v.field.name} (${v.field.type})` : ''}` };
    const path = pathEndingAt(tokens, k);
    if (path && schema) {
      const info = resolveMember(path.member, schema, scope);
      if (info.field) return { range, contents: fieldHover(info.field) };
      if (info.kind === 'unknown' && !['true', 'false', 'null'].includes(w)) return { range, contents: `**${t.text}**: not a property of ${schema.entitySet} here.` };
    }
    return undefined;
  }
  if (t.kind === 'string' && schema) {
    const prev = tokens[k - 1];
    const cmp = isOperatorWord(prev) ? k - 2 : undefined;
    let leftEnd = cmp;
    if (leftEnd === undefined) {
      // Inside an `in (…)` list: the operand before `in`.
      let depth = 0;
      for (let j = k - 1; j >= 0; j -= 1) {
        if (tokens[j].kind === 'rparen') depth += 1;
        else if (tokens[j].kind === 'lparen') { if (depth === 0) { if (tokens[j - 1]?.text.toLowerCase() === 'in') leftEnd = j - 2; break; } depth -= 1; }
      }
    }
    const left = leftEnd !== undefined ? operandEndingAt(tokens, leftEnd, schema, scope) : undefined;
    const f = left?.type.field;
    if (f?.lookup) {
      const value = unquote(t.text);
      const hit = f.lookup.byValue.get(value);
      if (!hit) return { range, contents: `'${value}' is not a value of lookup ${f.lookup.name}.` };
      const lines = [`'${hit.value}' — lookup ${f.lookup.name} of ${f.name}`];
      if (hit.standardValue && hit.standardValue !== hit.value) lines.push(`Data Dictionary value: ${hit.standardValue}`);
      if (hit.legacyODataValue && hit.legacyODataValue !== hit.value) lines.push(`Enum member (LegacyODataValue): ${hit.legacyODataValue}`);
      if (hit.description) lines.push(hit.description);
      return { range, contents: lines.join('  \n') };
    }
    return undefined;
  }
  if (t.kind === 'typed') {
    const prefix = t.text.slice(0, t.quote! - t.start);
    const en = schema?.model.enums.get(prefix);
    if (en) {
      const names = unquote(t.text.slice(t.quote! - t.start)).split(',').map((x) => x.trim());
      const lines = [`Enumeration ${en.name}${en.isFlags ? ' (flags)' : ''}`];
      for (const n of names) {
        const m = en.byName.get(n);
        lines.push(m ? `\`${m.name}\` = ${m.value}${m.displayName ? ` — ${m.displayName}` : ''}${m.description ? `: ${m.description}` : ''}` : `\`${n}\` is not a member of ${en.name}.`);
      }
      return { range, contents: lines.join('  \n') };
    }
    if (prefix.toLowerCase() === 'duration') return { range, contents: 'Edm.Duration literal (days, hours, minutes, seconds).' };
    return undefined;
  }
  if (t.kind === 'datetime') return { range, contents: `Edm.DateTimeOffset ${t.text}${/[Zz]$/.test(t.text) ? ' (UTC)' : ''}` };
  if (t.kind === 'date') return { range, contents: `Edm.Date ${t.text}` };
  if (t.kind === 'time') return { range, contents: `Edm.TimeOfDay ${t.text}` };
  if (t.kind === 'guid') return { range, contents: `Edm.Guid ${t.text}` };
  return undefined;
}
