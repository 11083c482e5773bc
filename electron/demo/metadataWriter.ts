// Writes metadata blocks as COMPACT or STANDARD-XML, streamed block by block.
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import type { BodyWriter } from './bodyWriter';
import type { MetadataBlock } from './metadataBlocks';
import type { RetsVersion } from './metadataColumns';
import { esc, rfc1123 } from './xml';

const ROW_NAMES: Record<string, string> = {
  'METADATA-RESOURCE': 'Resource', 'METADATA-CLASS': 'Class', 'METADATA-TABLE': 'Field', 'METADATA-LOOKUP': 'Lookup',
  'METADATA-LOOKUP_TYPE': 'LookupType', 'METADATA-OBJECT': 'Object', 'METADATA-SEARCH_HELP': 'SearchHelp', 'METADATA-EDITMASK': 'EditMask',
  'METADATA-FOREIGN_KEYS': 'ForeignKey', 'METADATA-FOREIGNKEYS': 'ForeignKey',
};

function dateValue(col: string, v: string, version: RetsVersion): string {
  return version === '1.5' && (col === 'Date' || col.endsWith('Date')) && /^\d{4}-\d\d-\d\dT/.test(v) ? rfc1123(v) : v;
}

function attrs(a: Record<string, string>, version: RetsVersion): string {
  return Object.entries(a).map(([k, v]) => ` ${k}="${esc(dateValue(k, v, version))}"`).join('');
}

export async function writeMetadata(w: BodyWriter, md: RetsMetadata, blocks: MetadataBlock[], format: 'COMPACT' | 'STANDARD-XML', version: RetsVersion): Promise<void> {
  const xml = format === 'STANDARD-XML';
  if (xml) await w.write('<METADATA>\r\n');
  for (const b of blocks) {
    if (b.type === 'METADATA-SYSTEM') await w.write(systemBlock(md, xml, version));
    else await (xml ? standardBlock(w, b, version) : compactBlock(w, b, version));
  }
  if (xml) await w.write('</METADATA>\r\n');
}

function systemBlock(md: RetsMetadata, xml: boolean, version: RetsVersion): string {
  const s = md.system!;
  const head = `<METADATA-SYSTEM${attrs({ Version: s.version ?? '', Date: s.date ?? '' }, version)}>\r\n`;
  const sysAttrs: Record<string, string> = { SystemID: s.systemId, SystemDescription: s.description };
  if (version !== '1.5') sysAttrs.TimeZoneOffset = s.timeZoneOffset ?? '';
  if (version === '1.8') sysAttrs.MetadataID = s.raw.MetadataID ?? '';
  const comments = esc(s.comments ?? '');
  if (!xml) return `${head}<SYSTEM${attrs(sysAttrs, version)} />\r\n<COMMENTS>${comments}</COMMENTS>\r\n</METADATA-SYSTEM>\r\n`;
  if (version === '1.5') {
    return `${head}<System><SystemID>${esc(s.systemId)}</SystemID><SystemDescription>${esc(s.description)}</SystemDescription><Comments>${comments}</Comments></System>\r\n</METADATA-SYSTEM>\r\n`;
  }
  return `${head}<SYSTEM${attrs(sysAttrs, version)}>\r\n<Comments>${comments}</Comments>\r\n</SYSTEM>\r\n</METADATA-SYSTEM>\r\n`;
}

async function compactBlock(w: BodyWriter, b: MetadataBlock, version: RetsVersion): Promise<void> {
  await w.write(`<${b.type}${attrs(b.attributes, version)}>\r\n<COLUMNS>\t${b.columns.join('\t')}\t</COLUMNS>\r\n`);
  for (const row of b.rows) {
    await w.write(`<DATA>\t${b.columns.map((c) => esc(dateValue(c, row[c] ?? '', version)).replace(/\t/g, ' ')).join('\t')}\t</DATA>\r\n`);
  }
  await w.write(`</${b.type}>\r\n`);
}

async function standardBlock(w: BodyWriter, b: MetadataBlock, version: RetsVersion): Promise<void> {
  let row = ROW_NAMES[b.type] ?? 'Row';
  if (version === '1.5' && row === 'Lookup') row = 'LookupType';
  else if (version === '1.5' && row === 'LookupType') row = 'Lookup';
  await w.write(`<${b.type}${attrs(b.attributes, version)}>\r\n`);
  for (const r of b.rows) {
    let s = `<${row}>`;
    for (const c of b.columns) {
      const v = dateValue(c, r[c] ?? '', version);
      s += v === '' ? `<${c} />` : `<${c}>${esc(v)}</${c}>`;
    }
    await w.write(`${s}</${row}>\r\n`);
  }
  await w.write(`</${b.type}>\r\n`);
}
