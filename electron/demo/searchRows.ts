// Row formatting for COMPACT, COMPACT-DECODED and STANDARD-XML search replies.
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import type { FieldSpec } from './fieldSpec';
import { type Cell, CompactEncoder } from './compactBytes';
import type { SearchTarget } from './searchTx';
import * as m_xml from './xml';
// Imported bindings copied once: tsx turns each import use into a getter call, too slow per cell.
const { esc } = m_xml;

export type SearchFormat = 'COMPACT' | 'COMPACT-DECODED' | 'STANDARD-XML';

export interface RowWriter {
  head: string;
  row(row: number): string;
  /** Rows rowOf(keys[from]) .. rowOf(keys[to - 1]) as one string (the same text as row() of each). */
  rows(keys: ArrayLike<number>, from: number, to: number, rowOf: (k: number) => number): string;
  tail: string;
  /** COMPACT formats: a byte encoder of the same rows (see compactBytes.ts). */
  encoder?(sizeHint?: number): CompactEncoder;
}

/** A decoder from lookup codes to LongValues (multi-value cells decoded one code at a time). */
function decoder(md: RetsMetadata, target: SearchTarget, f: FieldSpec): ((code: string) => string) | undefined {
  if (!f.lookupName) return undefined;
  const res = md.resources.find((r) => r.id === target.resource.id);
  const l = res?.lookups.find((x) => x.name === f.lookupName);
  if (!l) return undefined;
  const map = new Map(l.values.map((v) => [v.value, v.longValue]));
  if (f.interpretation === 'LookupMulti') return (code) => (code === '' ? '' : code.split(',').map((c) => map.get(c) ?? c).join(','));
  return (code) => map.get(code) ?? code;
}

// One scan decides whether a cell needs any work at all (almost none do).
const SPECIAL = /[\t&<>"]/;
const clean = (s: string) => (SPECIAL.test(s) ? esc(s.indexOf('\t') >= 0 ? s.replace(/\t/g, ' ') : s) : s);

export function rowWriter(format: SearchFormat, target: SearchTarget, fields: FieldSpec[], standardNames: boolean, md: RetsMetadata, _restricted?: string): RowWriter {
  const names = fields.map((f) => (standardNames ? f.standardName : f.systemName));
  const decode = format === 'COMPACT' ? fields.map(() => undefined) : fields.map((f) => decoder(md, target, f));
  const cells: Cell[] = fields.map((f, j) => {
    const d = decode[j];
    const get = f.get;
    if (d) return (row) => clean(d(get(row)));
    // Numbers, dates and lookup codes never hold markup or tabs: skip the escaping scan.
    return f.dataType === 'Character' && !f.lookupName ? (row) => clean(get(row)) : get;
  });
  // Unescaped values and which of them are escaped, for the byte encoder (it escapes as clean does).
  const cleaned = fields.map((f, j) => !!decode[j] || (f.dataType === 'Character' && !f.lookupName));
  const raw: Cell[] = fields.map((f, j) => {
    const d = decode[j];
    const get = f.get;
    return d ? (row) => d(get(row)) : get;
  });
  if (format !== 'STANDARD-XML') {
    return {
      head: `<DELIMITER value="09" />\r\n<COLUMNS>\t${names.join('\t')}\t</COLUMNS>\r\n`,
      row(row) {
        let s = '<DATA>\t';
        for (let j = 0; j < cells.length; j++) s += cells[j](row) + '\t';
        return s + '</DATA>\r\n';
      },
      // Every cell of every row in one array, joined once with the delimiter: the row boundary
      // "\t</DATA>\r\n<DATA>\t" is itself one element, so no string is built per cell or per row.
      rows(keys, from, to, rowOf) {
        const n = cells.length;
        const count = to - from;
        if (count <= 0) return '';
        const stride = n + 1;
        const parts = new Array<string>(1 + count * stride);
        parts[0] = '<DATA>';
        const rowIds = new Uint32Array(count);
        for (let k = 0; k < count; k++) {
          rowIds[k] = rowOf(keys[from + k]);
          parts[(k + 1) * stride] = '</DATA>\r\n<DATA>';
        }
        parts[count * stride] = '</DATA>\r\n';
        // Column by column: each cell function runs for the whole batch in a row, which keeps it hot.
        for (let j = 0; j < n; j++) {
          const cell = cells[j];
          for (let k = 0, at = 1 + j; k < count; k++, at += stride) parts[at] = cell(rowIds[k]);
        }
        return parts.join('\t');
      },
      tail: '',
      encoder: (sizeHint) => new CompactEncoder(raw, cleaned, fields.map((f, j) => (decode[j] ? undefined : f.put)), sizeHint),
    };
  }
  const container = target.resource.id === 'Property' ? 'Properties' : `${target.resource.standardName}s`;
  const record = target.resource.id === 'Property' ? target.cls.standardName || target.cls.name : target.resource.standardName;
  const open = names.map((n) => `<${n}>`);
  const close = names.map((n) => `</${n}>`);
  const empty = names.map((n) => `<${n} />`);
  return {
    head: `<REData>\r\n<${container}>\r\n`,
    row(row) {
      let s = `<${record}>`;
      for (let j = 0; j < cells.length; j++) {
        const v = cells[j](row);
        s += v === '' ? empty[j] : open[j] + v + close[j];
      }
      return s + `</${record}>\r\n`;
    },
    rows(keys, from, to, rowOf) {
      let s = '';
      for (let k = from; k < to; k++) s += this.row(rowOf(keys[k]));
      return s;
    },
    tail: `</${container}>\r\n</REData>\r\n`,
  };
}
