// The small part of an xlsx workbook a Data Dictionary needs: its sheets by name and their rows
// of text. xl/workbook.xml names the sheets, its relationships give each sheet's part, cells hold
// numbers, inline strings or indexes into xl/sharedStrings.xml. Formulas, styles and dates are not
// evaluated: a cell is the text it stores. Rows and columns are capped; the XML goes through the
// metadata's small reader (linear, depth-capped, no recursion).
import { parseAttributes } from '../rets/envelope';
import { parseXml, XmlSyntaxError, type XmlElement } from '../rets/metadata/xmlTree';
import { decodeXmlEntities } from '../rets/text';
import { WorkbookError } from './workbookError';
import { zipEntries, zipEntryBytes, type ZipEntry, type ZipLimits } from './zip';

export interface WorkbookLimits extends ZipLimits {
  maxRows: number;
  /** Cells further right are ignored when empty and refused when not. */
  maxColumns: number;
}

/** One row: its 1-based number and its non-empty cells by 0-based column. */
export interface SheetRow {
  number: number;
  cells: Map<number, string>;
}

export interface Workbook {
  /** The sheets' names in workbook order. */
  sheetNames: string[];
  /** The named sheet's rows (the name as `sheetNames` gives it). */
  rows(sheetName: string): SheetRow[];
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const utf8 = new TextDecoder('utf-8');

/** "x:row" -> "row": some writers prefix the spreadsheet namespace. */
function localName(el: XmlElement): string {
  return el.name.slice(el.name.indexOf(':') + 1);
}

function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (el) for (const c of el.children) if (localName(c) === name) return c;
  return undefined;
}

function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => localName(c) === name) : [];
}

function attributes(el: XmlElement): Record<string, string> {
  return el.attrText ? parseAttributes(el.attrText) : {};
}

/** An attribute by local name ("r:id" and "id" both answer "id"). */
function attribute(attrs: Record<string, string>, name: string): string {
  for (const k in attrs) if (k === name || k.endsWith(`:${name}`)) return attrs[k]!;
  return '';
}

/** A string item's text: its <t>, or its rich-text runs' <t>s joined (phonetic runs left out). */
function richText(el: XmlElement | undefined): string {
  if (!el) return '';
  const t = child(el, 't');
  if (t) return decodeXmlEntities(t.text);
  let s = '';
  for (const r of children(el, 'r')) s += decodeXmlEntities(child(r, 't')?.text ?? '');
  return s;
}

/** "AB12" -> 27 (0-based column); -1 when the reference has no column letters. */
export function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 ? -1 : col - 1;
}

function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "worksheets/sheet1.xml" (relative to xl/) or "/xl/worksheets/sheet1.xml" -> the zip entry name. */
function partName(target: string): string {
  const parts = target.startsWith('/') ? [] : ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

export function openWorkbook(bytes: Uint8Array, limits: WorkbookLimits): Workbook {
  const entries = new Map<string, ZipEntry>();
  for (const e of zipEntries(bytes, limits)) entries.set(e.name, e);

  const xml = (name: string): XmlElement | undefined => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    let text = utf8.decode(zipEntryBytes(bytes, entry, limits));
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    try {
      return parseXml(text)[0];
    } catch (e) {
      if (e instanceof XmlSyntaxError) throw new WorkbookError(`"${name}" in the workbook is not well-formed XML: ${e.message}.`);
      throw e;
    }
  };

  const workbook = xml(WORKBOOK);
  if (!workbook || localName(workbook) !== 'workbook') throw new WorkbookError(`The zip has no ${WORKBOOK}: it is not an xlsx workbook (an .ods or .xls file must be saved as .xlsx first).`);
  const targets = new Map<string, string>();
  let sharedStringsPart = 'xl/sharedStrings.xml';
  for (const rel of children(xml(WORKBOOK_RELS), 'Relationship')) {
    const a = attributes(rel);
    const target = partName(attribute(a, 'Target'));
    targets.set(attribute(a, 'Id'), target);
    if (attribute(a, 'Type').endsWith('/sharedStrings')) sharedStringsPart = target;
  }
  const sheets = new Map<string, string>();
  for (const s of children(child(workbook, 'sheets'), 'sheet')) {
    const a = attributes(s);
    const target = targets.get(attribute(a, 'id'));
    if (target) sheets.set(attribute(a, 'name'), target);
  }

  let shared: string[] | undefined;
  const sharedStrings = (): string[] => {
    shared ??= children(xml(sharedStringsPart), 'si').map(richText);
    return shared;
  };

  const cellText = (c: XmlElement, type: string, where: string): string => {
    if (type === 'inlineStr') return richText(child(c, 'is'));
    const v = decodeXmlEntities(child(c, 'v')?.text ?? '');
    if (type !== 's') return v;
    const strings = sharedStrings();
    const i = Number(v);
    if (!Number.isInteger(i) || i < 0 || i >= strings.length) throw new WorkbookError(`Cell ${where} refers to shared string ${v}, but the workbook has ${strings.length.toLocaleString('en-US')}: the file is damaged.`);
    return strings[i]!;
  };

  const rows = (sheetName: string): SheetRow[] => {
    const part = sheets.get(sheetName);
    const sheet = part ? xml(part) : undefined;
    if (!sheet) throw new WorkbookError(`The workbook's sheet "${sheetName}" is missing from the file: it is damaged.`);
    const rowElements = children(child(sheet, 'sheetData'), 'row');
    if (rowElements.length > limits.maxRows) throw new WorkbookError(`The sheet "${sheetName}" has ${rowElements.length.toLocaleString('en-US')} rows, more than the ${limits.maxRows.toLocaleString('en-US')} read: it is not a Data Dictionary sheet.`);
    const out: SheetRow[] = [];
    let number = 0;
    for (const row of rowElements) {
      const r = Number(attribute(attributes(row), 'r'));
      number = Number.isInteger(r) && r > 0 ? r : number + 1;
      const cells = new Map<number, string>();
      let col = -1;
      for (const c of children(row, 'c')) {
        const a = attributes(c);
        const ref = attribute(a, 'r');
        const at = ref ? columnOf(ref) : -1;
        col = at >= 0 ? at : col + 1;
        const text = cellText(c, attribute(a, 't'), ref || `${columnName(col)}${number}`);
        if (text === '') continue;
        if (col >= limits.maxColumns) throw new WorkbookError(`The sheet "${sheetName}" has a value in column ${columnName(col)}, beyond the ${limits.maxColumns} columns read: it is not a Data Dictionary sheet.`);
        cells.set(col, text);
      }
      out.push({ number, cells });
    }
    return out;
  };

  return { sheetNames: [...sheets.keys()], rows };
}
