// COMPACT metadata: <METADATA-X attrs><COLUMNS>\tA\tB\t</COLUMNS><DATA>\t1\t2\t</DATA>…</METADATA-X>,
// any number of blocks, with or without a <METADATA> wrapper. Scanned with indexOf, not a DOM:
// a full dump of a big MLS is tens of MB.

import { RetsError } from '../errors';
import { attr, parseAttributes } from '../envelope';
import { decodeXmlEntities } from '../text';
import type { MetadataTable, RawRow } from './model';

const OPEN = /<METADATA-([A-Za-z0-9_]+)((?:"[^"]*"|'[^']*'|[^>"'])*?)(\/?)>/g;

/** The delimiter a <DELIMITER value="09"/> names (two hex digits, "9" seen too), default tab. */
export function delimiterOf(text: string): string {
  const m = /<DELIMITER((?:"[^"]*"|'[^']*'|[^>"'])*)>/i.exec(text);
  if (!m) return '\t';
  const v = attr(parseAttributes(m[1]!), 'value');
  const code = v ? Number.parseInt(v.trim(), 16) : NaN;
  return Number.isFinite(code) && code > 0 ? String.fromCharCode(code) : '\t';
}

/** Splits one COLUMNS/DATA line; the leading and trailing delimiters are optional. */
export function splitCompactLine(content: string, delim: string): string[] {
  let start = 0;
  let end = content.length;
  // Line breaks around the values belong to the markup, not the data (unless they are the delimiter).
  if (delim !== '\n' && delim !== '\r') {
    while (start < end && isBreak(content.charCodeAt(start))) start++;
    while (end > start && isBreak(content.charCodeAt(end - 1))) end--;
  }
  if (content.startsWith(delim, start)) start += delim.length;
  if (end - delim.length >= start && content.endsWith(delim, end)) end -= delim.length;
  return (start === 0 && end === content.length ? content : content.slice(start, end)).split(delim);
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function endTag(text: string, type: string, from: number): number {
  const exact = text.indexOf(`</METADATA-${type}`, from);
  if (exact >= 0) return exact;
  const re = new RegExp(`</METADATA-${type}\\s*>`, 'i');
  re.lastIndex = 0;
  const m = re.exec(text.slice(from));
  return m ? from + m.index : -1;
}

/** Contents of every <TAG>…</TAG> inside [from, to). Tag names match case-insensitively. */
function elements(text: string, tag: string, from: number, to: number): string[] {
  const out: string[] = [];
  const upperOpen = `<${tag}>`;
  const upperClose = `</${tag}>`;
  let pos = from;
  for (;;) {
    let start = text.indexOf(upperOpen, pos);
    if (start < 0 || start >= to) {
      // Rare: other casing or attributes on the tag.
      const re = new RegExp(`<${tag}(?:\\s[^>]*)?>`, 'ig');
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m || m.index >= to) return out;
      start = m.index;
      const close = text.toUpperCase().indexOf(upperClose, start);
      const end = close < 0 || close > to ? to : close;
      out.push(text.slice(start + m[0].length, end));
      pos = end + upperClose.length;
      continue;
    }
    const bodyStart = start + upperOpen.length;
    let end = text.indexOf(upperClose, bodyStart);
    if (end < 0 || end > to) end = to;
    out.push(text.slice(bodyStart, end));
    pos = end + upperClose.length;
  }
}

function rowsOf(columns: string[], lines: string[], delim: string, type: string, warnings: string[]): RawRow[] {
  const rows: RawRow[] = new Array(lines.length);
  let ragged = 0;
  // Rows cloned from one template share its hidden class; adding 28+ keys one by one to {}
  // would drop every row into V8's slow dictionary mode (3x the time, and GC).
  const template = JSON.parse(JSON.stringify(Object.fromEntries(columns.map((c) => [c, ''])))) as RawRow;
  for (let i = 0; i < lines.length; i++) {
    const values = splitCompactLine(lines[i]!, delim);
    if (values.length !== columns.length) ragged++;
    const row: RawRow = { ...template };
    for (let c = 0; c < columns.length; c++) {
      const v = values[c];
      row[columns[c]!] = v === undefined ? '' : v.indexOf('&') < 0 ? v : decodeXmlEntities(v);
    }
    rows[i] = row;
  }
  if (ragged > 0) warnings.push(`${ragged} row(s) of ${type} did not have ${columns.length} values (one per column); missing values read as empty, extra ones dropped.`);
  return rows;
}

/** METADATA-SYSTEM: <SYSTEM attrs/> and <COMMENTS>…</COMMENTS> instead of COLUMNS/DATA. */
function systemTable(text: string, from: number, to: number, attributes: Record<string, string>): MetadataTable {
  const block = text.slice(from, to);
  const sys = /<SYSTEM\b((?:"[^"]*"|'[^']*'|[^>"'])*?)\/?>/i.exec(block);
  const row: RawRow = sys ? parseAttributes(sys[1]!) : {};
  const comments = /<COMMENTS\s*>([\s\S]*?)<\/COMMENTS\s*>/i.exec(block);
  if (comments) row.Comments = decodeXmlEntities(comments[1]!.trim());
  return { type: 'METADATA-SYSTEM', attributes, columns: Object.keys(row), rows: [row] };
}

/** Every METADATA-* block of a COMPACT body, in order. */
export function parseCompactMetadata(text: string, warnings: string[]): MetadataTable[] {
  const tables: MetadataTable[] = [];
  const delim = delimiterOf(text);
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(text); m; m = OPEN.exec(text)) {
    const rawType = m[1]!;
    const type = `METADATA-${rawType.toUpperCase()}`;
    const attributes = parseAttributes(m[2]!);
    const bodyStart = m.index + m[0].length;
    if (m[3] === '/') { // <METADATA-LOOKUP Resource="Office"/>: an empty level
      tables.push({ type, attributes, columns: [], rows: [] });
      continue;
    }
    const close = endTag(text, rawType, bodyStart);
    if (close < 0) {
      throw new RetsError({
        kind: 'parse', transaction: 'GetMetadata',
        message: `The metadata is truncated: <${type}> is never closed.`,
        cause: 'The body ended early (a dropped connection or a size limit on the server or a proxy).',
        hint: 'Fetch it again, or ask for a smaller piece (one resource or class at a time).',
      });
    }
    if (type === 'METADATA-SYSTEM') tables.push(systemTable(text, bodyStart, close, attributes));
    else {
      const blockDelim = /<DELIMITER/i.test(text.slice(bodyStart, Math.min(close, bodyStart + 300))) ? delimiterOf(text.slice(bodyStart, close)) : delim;
      const colLines = elements(text, 'COLUMNS', bodyStart, close);
      const columns = colLines.length ? splitCompactLine(colLines[0]!, blockDelim).map((c) => c.trim()) : [];
      const data = elements(text, 'DATA', bodyStart, close);
      if (data.length > 0 && columns.length === 0) warnings.push(`${type} has DATA rows but no COLUMNS; its rows were skipped.`);
      tables.push({ type, attributes, columns, rows: columns.length ? rowsOf(columns, data, blockDelim, type, warnings) : [] });
    }
    OPEN.lastIndex = close;
  }
  return tables;
}
