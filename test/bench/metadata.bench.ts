// Metadata parsing speed on a big system: 20,000 fields (40 classes x 500) with the 28 TABLE
// columns of RETS 1.7.2, as COMPACT and as STANDARD-XML, plus the flexmls 259 KB TABLE sample.
// Run by `npm run bench` (own process); prints MB/s and fields/s for each.
import { parseMetadata, mergeMetadata } from '../../shared/rets/metadata/index';
import { decodeBody } from '../../shared/rets/text';
import { sample } from '../samples/corpus';

const COLS = ['MetadataEntryID', 'SystemName', 'StandardName', 'LongName', 'DBName', 'ShortName', 'MaximumLength', 'DataType', 'Precision',
  'Searchable', 'Interpretation', 'Alignment', 'UseSeparator', 'EditMaskID', 'LookupName', 'MaxSelect', 'Units', 'Index', 'Minimum', 'Maximum',
  'Default', 'Required', 'SearchHelpID', 'Unique', 'ModTimeStamp', 'ForeignKeyName', 'ForeignField', 'InKeyIndex'];
const CLASSES = 40;
const FIELDS = 500;

function value(col: string, c: number, f: number): string {
  switch (col) {
    case 'SystemName': return `FLD_${c}_${f}`;
    case 'LongName': return `Field ${f} of class ${c} & more`;
    case 'DataType': return f % 3 ? 'Character' : 'Int';
    case 'Interpretation': return f % 5 === 0 ? 'Lookup' : '';
    case 'LookupName': return f % 5 === 0 ? `LK_${f}` : '';
    case 'MaximumLength': return String(10 + (f % 90));
    case 'Searchable': return '1';
    default: return f % 2 ? `${col}-${f}` : '';
  }
}

function compact(): string {
  const out = ['<RETS ReplyCode="0" ReplyText="OK">\r\n'];
  for (let c = 0; c < CLASSES; c++) {
    out.push(`<METADATA-TABLE Resource="Property" Class="C${c}" Version="1.0" Date="2024-01-01T00:00:00Z">\r\n<COLUMNS>\t${COLS.join('\t')}\t</COLUMNS>\r\n`);
    for (let f = 0; f < FIELDS; f++) out.push(`<DATA>\t${COLS.map((k) => value(k, c, f).replace('&', '&amp;')).join('\t')}\t</DATA>\r\n`);
    out.push('</METADATA-TABLE>\r\n');
  }
  out.push('</RETS>\r\n');
  return out.join('');
}

function standardXml(): string {
  const out = ['<?xml version="1.0"?>\r\n<RETS ReplyCode="0" ReplyText="OK">\r\n<METADATA>\r\n'];
  for (let c = 0; c < CLASSES; c++) {
    out.push(`<METADATA-TABLE Resource="Property" Class="C${c}" Version="1.0" Date="2024-01-01T00:00:00Z">\r\n`);
    for (let f = 0; f < FIELDS; f++) {
      out.push('<Field>');
      for (const k of COLS) { const v = value(k, c, f).replace('&', '&amp;'); out.push(v ? `<${k}>${v}</${k}>` : `<${k}/>`); }
      out.push('</Field>\r\n');
    }
    out.push('</METADATA-TABLE>\r\n');
  }
  out.push('</METADATA>\r\n</RETS>\r\n');
  return out.join('');
}

function measure(name: string, text: string, fields: number, runs = 5): void {
  parseMetadata(text); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const md = parseMetadata(text);
    times.push(performance.now() - t0);
    const n = md.resources.reduce((s, r) => s + r.classes.reduce((k, c) => k + c.fields.length, 0), 0);
    if (n !== fields) throw new Error(`${name}: expected ${fields} fields, got ${n}`);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)]!;
  const mb = text.length / 1e6;
  console.log(`${name.padEnd(34)} ${mb.toFixed(2).padStart(7)} MB ${ms.toFixed(1).padStart(8)} ms ${(mb / (ms / 1000)).toFixed(1).padStart(7)} MB/s ${Math.round(fields / (ms / 1000)).toLocaleString('en-US').padStart(12)} fields/s`);
}

const flex = sample('troydavisson__PHRETS/tests/Integration/Fixtures/VCR/GetMetadata/table_a_1.7.2.json', 1);
const flexText = decodeBody(flex.body, flex.contentType);
console.log('metadata parsing (median of 5 runs)');
measure('flexmls TABLE class A (STANDARD-XML)', flexText, 326);
measure('20,000 fields COMPACT', compact(), CLASSES * FIELDS);
measure('20,000 fields STANDARD-XML', standardXml(), CLASSES * FIELDS);
// Drill-down: merging one more class TABLE into the 20,000-field model.
const big = parseMetadata(compact());
const one = parseMetadata(flexText);
const t0 = performance.now();
const merged = mergeMetadata(big, one);
console.log(`merge one TABLE into 20,000 fields      ${(performance.now() - t0).toFixed(1)} ms (${merged.tables.length} blocks)`);
