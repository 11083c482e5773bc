// Row formatting for COMPACT, COMPACT-DECODED and STANDARD-XML search replies.
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import type { FieldSpec } from './fieldSpec';
import type { SearchTarget } from './searchTx';
import { esc } from './xml';

export type SearchFormat = 'COMPACT' | 'COMPACT-DECODED' | 'STANDARD-XML';

export interface RowWriter {
  head: string;
  row(row: number): string;
  tail: string;
}

type Cell = (row: number) => string;

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

const clean = (s: string) => esc(s.indexOf('\t') >= 0 ? s.replace(/\t/g, ' ') : s);

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
  if (format !== 'STANDARD-XML') {
    return {
      head: `<DELIMITER value="09" />\r\n<COLUMNS>\t${names.join('\t')}\t</COLUMNS>\r\n`,
      row(row) {
        let s = '<DATA>\t';
        for (let j = 0; j < cells.length; j++) s += cells[j](row) + '\t';
        return s + '</DATA>\r\n';
      },
      tail: '',
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
    tail: `</${container}>\r\n</REData>\r\n`,
  };
}
