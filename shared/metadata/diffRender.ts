// A metadata diff as rows (one per difference), and those rows as Markdown and CSV.
import { guardFormula } from '../csv/formulaGuard';
import type { MetadataDiff } from './diff';

export interface DiffRow {
  /** resource, class, field, lookup or value. */
  kind: string;
  /** added, removed, changed or renamed. */
  change: string;
  resource: string;
  /** Class (fields, classes) or lookup name (values, lookups). */
  group: string;
  name: string;
  a: string;
  b: string;
  /** Why two names were paired, or which kind of rename. */
  reason: string;
}

export const DIFF_COLUMNS: readonly (keyof DiffRow)[] = ['kind', 'change', 'resource', 'group', 'name', 'a', 'b', 'reason'];

const row = (r: Partial<DiffRow> & Pick<DiffRow, 'kind' | 'change'>): DiffRow => ({ resource: '', group: '', name: '', a: '', b: '', reason: '', ...r });

export function diffRows(d: MetadataDiff): DiffRow[] {
  const out: DiffRow[] = [];
  for (const r of d.resources.removed) out.push(row({ kind: 'resource', change: 'removed', resource: r, name: r }));
  for (const r of d.resources.added) out.push(row({ kind: 'resource', change: 'added', resource: r, name: r }));
  for (const c of d.classes.removed) out.push(row({ kind: 'class', change: 'removed', resource: c.resource, group: c.class, name: c.class }));
  for (const c of d.classes.added) out.push(row({ kind: 'class', change: 'added', resource: c.resource, group: c.class, name: c.class }));
  for (const f of d.fields.removed) out.push(row({ kind: 'field', change: 'removed', resource: f.resource, group: f.class, name: f.field }));
  for (const f of d.fields.added) out.push(row({ kind: 'field', change: 'added', resource: f.resource, group: f.class, name: f.field }));
  for (const f of d.fields.changed) {
    const name = f.a === f.b ? f.a : `${f.a} → ${f.b}`;
    const group = f.classA === f.classB ? f.classA : `${f.classA} → ${f.classB}`;
    for (const c of f.changes) out.push(row({ kind: 'field', change: `changed ${c.property}`, resource: f.resource, group, name, a: c.a, b: c.b, reason: f.reason }));
  }
  for (const l of d.lookups.removed) out.push(row({ kind: 'lookup', change: 'removed', resource: l.resource, group: l.lookup, name: l.lookup }));
  for (const l of d.lookups.added) out.push(row({ kind: 'lookup', change: 'added', resource: l.resource, group: l.lookup, name: l.lookup }));
  for (const v of d.values.removed) out.push(row({ kind: 'value', change: 'removed', resource: v.resource, group: v.lookup, name: v.value, a: v.longValue }));
  for (const v of d.values.added) out.push(row({ kind: 'value', change: 'added', resource: v.resource, group: v.lookup, name: v.value, b: v.longValue }));
  for (const v of d.values.renamed) {
    out.push(row({ kind: 'value', change: 'renamed', resource: v.resource, group: v.lookup, name: v.kind === 'code' ? v.a.longValue : v.a.value,
      a: `${v.a.value} = ${v.a.longValue}`, b: `${v.b.value} = ${v.b.longValue}`, reason: v.kind === 'code' ? 'same long value, new code' : 'same code, new long value' }));
  }
  return out;
}

function csvCell(s: string): string {
  const g = guardFormula(s);
  return /[",\r\n]/.test(g) ? `"${g.replace(/"/g, '""')}"` : g;
}

/** RFC 4180 CSV (CRLF), a header row, formula-looking cells guarded. */
export function diffCsv(d: MetadataDiff): string {
  const lines = [DIFF_COLUMNS.join(',')];
  for (const r of diffRows(d)) lines.push(DIFF_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/** A Markdown report: a summary line, then one table of every difference. */
export function diffMarkdown(d: MetadataDiff, labels: { a: string; b: string } = { a: 'A', b: 'B' }): string {
  const rows = diffRows(d);
  const head = `# Metadata diff: ${mdCell(labels.a)} → ${mdCell(labels.b)}\n\nAligned as ${d.alignment === 'versions' ? 'versions of one server (fields by SystemName)' : 'two servers (fields by StandardName, then names)'}; ${d.pairs.length} fields paired.\n\n${d.notes.map((n) => `> ${mdCell(n)}\n\n`).join('')}`;
  if (!rows.length) return `${head}No differences.\n`;
  const lines = [
    `${rows.length} difference${rows.length === 1 ? '' : 's'}: fields ${d.fields.added.length} added, ${d.fields.removed.length} removed, ${d.fields.changed.length} changed; lookup values ${d.values.added.length} added, ${d.values.removed.length} removed, ${d.values.renamed.length} renamed.`,
    '',
    '| Kind | Change | Resource | Class / lookup | Name | A | B | Reason |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) lines.push(`| ${DIFF_COLUMNS.map((c) => mdCell(r[c])).join(' | ')} |`);
  return `${head}${lines.join('\n')}\n`;
}
