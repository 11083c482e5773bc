// COMPACT metadata: <METADATA-X attrs><COLUMNS>\tA\tB\t</COLUMNS><DATA>\t1\t2\t</DATA>…</METADATA-X>,
// any number of blocks, with or without a <METADATA> wrapper. Scanned with indexOf, not a DOM:
// a full dump of a big MLS is tens of MB.

import { RetsError } from '../errors';
import { attr, parseAttributes } from '../envelope';
import { afterEndTag, findEndTag, findStartTag, indexOfIgnoreCase, matchesAt } from '../tagScan';
import { decodeXmlEntities } from '../text';
import type { MetadataTable, RawRow } from './model';

/** The delimiter a <DELIMITER value="09"/> names (two hex digits, "9" seen too), default tab. */
export function delimiterOf(text: string, from = 0, to = text.length): string {
  const tag = findStartTag(text, 'DELIMITER', from, to);
  if (!tag) return '\t';
  const v = attr(parseAttributes(tag.attrText), 'value');
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

/**
 * Contents of every <TAG>…</TAG> inside [from, to) (any case, attributes allowed); an unclosed one
 * runs to `to`. Every search stops at `to` and starts where the last one ended: one pass per block.
 */
function elements(text: string, tag: string, from: number, to: number): string[] {
  const out: string[] = [];
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  let pos = from;
  while (pos < to) {
    // Rows follow each other: the next "<" is usually the open tag, and the next "<" after it the
    // close (indexOf is memchr-fast). Anything else (attributes, a stray "<") goes through the scanner.
    let bodyStart: number;
    const lt = text.indexOf('<', pos);
    if (lt >= 0 && lt < to && matchesAt(text, lt, open)) bodyStart = lt + open.length;
    else {
      const found = findStartTag(text, tag, pos, to);
      if (!found) return out;
      if (found.selfClosing) { pos = found.end; continue; } // <DATA/> holds no line
      bodyStart = found.end;
    }
    const next = text.indexOf('<', bodyStart);
    const close0 = next >= 0 && next < to && matchesAt(text, next, close) ? next : findEndTag(text, tag, bodyStart, to);
    const end = close0 < 0 ? to : close0;
    out.push(text.slice(bodyStart, end));
    pos = close0 < 0 ? to : close0 === next ? next + close.length : afterEndTag(text, close0);
  }
  return out;
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
  const sys = findStartTag(text, 'SYSTEM', from, to);
  const row: RawRow = sys ? parseAttributes(sys.attrText) : {};
  const comments = findStartTag(text, 'COMMENTS', from, to);
  const commentsEnd = comments && !comments.selfClosing ? findEndTag(text, 'COMMENTS', comments.end, to) : -1;
  if (comments && commentsEnd >= 0) row.Comments = decodeXmlEntities(text.slice(comments.end, commentsEnd).trim());
  return { type: 'METADATA-SYSTEM', attributes, columns: Object.keys(row), rows: [row] };
}

/** Every METADATA-* block of a COMPACT body, in order. */
export function parseCompactMetadata(text: string, warnings: string[]): MetadataTable[] {
  const tables: MetadataTable[] = [];
  const delim = delimiterOf(text);
  for (let open = findStartTag(text, 'METADATA-', 0, text.length, true); open; open = findStartTag(text, 'METADATA-', open.end, text.length, true)) {
    const rawType = text.slice(open.start + 10, open.nameEnd);
    const type = `METADATA-${rawType.toUpperCase()}`;
    const attributes = parseAttributes(open.attrText);
    const bodyStart = open.end;
    if (open.selfClosing) { // <METADATA-LOOKUP Resource="Office"/>: an empty level
      tables.push({ type, attributes, columns: [], rows: [] });
      continue;
    }
    const close = findEndTag(text, `METADATA-${rawType}`, bodyStart);
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
      const blockDelim = indexOfIgnoreCase(text, '<DELIMITER', bodyStart, Math.min(close, bodyStart + 300)) >= 0 ? delimiterOf(text, bodyStart, close) : delim;
      const colLines = elements(text, 'COLUMNS', bodyStart, close);
      const columns = colLines.length ? splitCompactLine(colLines[0]!, blockDelim).map((c) => c.trim()) : [];
      const data = elements(text, 'DATA', bodyStart, close);
      if (data.length > 0 && columns.length === 0) warnings.push(`${type} has DATA rows but no COLUMNS; its rows were skipped.`);
      tables.push({ type, attributes, columns, rows: columns.length ? rowsOf(columns, data, blockDelim, type, warnings) : [] });
    }
    open.end = close;
  }
  return tables;
}
