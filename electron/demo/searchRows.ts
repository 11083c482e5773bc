// Row formatting for COMPACT, COMPACT-DECODED and STANDARD-XML search replies: a head, one
// string per row, a tail.
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import type { SearchFormat } from '../../shared/rets/search/types';
import type { FieldSpec, Getter } from './fieldSpec';
import type { SearchTarget } from './searchTx';
import { esc } from './xml';

export interface RowFormatter {
  head: string;
  row(row: number): string;
  tail: string;
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

// One scan decides whether a text cell needs any work at all (almost none do). A tab would split
// a COMPACT row, so it becomes a space in every format.
const SPECIAL = /[\t&<>"]/;
const clean = (s: string) => (SPECIAL.test(s) ? esc(s.replace(/\t/g, ' ')) : s);

export function rowFormatter(format: SearchFormat, target: SearchTarget, fields: FieldSpec[], standardNames: boolean, md: RetsMetadata): RowFormatter {
  const names = fields.map((f) => (standardNames ? f.standardName : f.systemName));
  const cells: Getter[] = fields.map((f) => {
    const decode = format === 'COMPACT' ? undefined : decoder(md, target, f);
    const get = f.get;
    if (decode) return (row) => clean(decode(get(row)));
    // Numbers, dates and lookup codes never hold markup or tabs: no scan.
    return f.dataType === 'Character' && !f.lookupName ? (row) => clean(get(row)) : get;
  });
  if (format !== 'STANDARD-XML') {
    return {
      head: `<DELIMITER value="09" />\r\n<COLUMNS>\t${names.join('\t')}\t</COLUMNS>\r\n`,
      row(row) {
        let s = '<DATA>\t';
        for (const cell of cells) s += cell(row) + '\t';
        return s + '</DATA>\r\n';
      },
      tail: '',
    };
  }
  const container = target.resource.id === 'Property' ? 'Properties' : `${target.resource.standardName}s`;
  const record = target.resource.id === 'Property' ? target.cls.standardName || target.cls.name : target.resource.standardName;
  return {
    head: `<REData>\r\n<${container}>\r\n`,
    row(row) {
      let s = `<${record}>`;
      for (let j = 0; j < cells.length; j++) {
        const v = cells[j](row);
        s += v === '' ? `<${names[j]} />` : `<${names[j]}>${v}</${names[j]}>`;
      }
      return s + `</${record}>\r\n`;
    },
    tail: `</${container}>\r\n</REData>\r\n`,
  };
}
