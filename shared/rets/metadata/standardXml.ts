// STANDARD-XML metadata: <METADATA><METADATA-X attrs><Row><Column>value</Column>…</Row>…</METADATA-X>.
// Row element names differ by version (Field, Lookup/LookupType swapped in 1.5/1.7, UpdateType…),
// so every element child of a METADATA-X block is read as a row, whatever its name.

import { RetsError } from '../errors';
import { parseAttributes } from '../envelope';
import { decodeXmlEntities } from '../text';
import type { MetadataTable, RawRow } from './model';
import { parseXml, XmlSyntaxError, type XmlElement } from './xmlTree';

function isMetadataName(name: string): boolean {
  return name.length > 9 && name.slice(0, 9).toUpperCase() === 'METADATA-';
}

function attributesOf(el: XmlElement): Record<string, string> {
  return el.attrText.trim() === '' || el.attrText.trim() === '/' ? {} : parseAttributes(el.attrText);
}

/** A leaf's value: its text, entity-decoded, without the indentation around it. */
function valueOf(el: XmlElement): string {
  const t = el.text.trim();
  return t.indexOf('&') < 0 ? t : decodeXmlEntities(t);
}

/** Inherited attributes for a block nested inside a row (recursive STANDARD-XML). */
function inherited(type: string, row: RawRow): Record<string, string> {
  if (type === 'METADATA-RESOURCE' && row.ResourceID) return { Resource: row.ResourceID };
  if (type === 'METADATA-CLASS' && row.ClassName) return { Class: row.ClassName };
  if (type === 'METADATA-LOOKUP' && row.LookupName) return { Lookup: row.LookupName };
  if (type === 'METADATA-UPDATE' && row.UpdateName) return { Update: row.UpdateName };
  return {};
}

/**
 * An empty row for a row element: a clone of a template built once per set of column names.
 * Rows that share a template share V8's hidden class; adding 28+ keys one by one to {} would
 * drop every row into slow dictionary mode.
 */
function newRow(el: XmlElement, templates: Map<string, RawRow>): RawRow {
  const attrs = attributesOf(el);
  let key = '';
  for (const c of el.children) key += c.name + '\u0000';
  let template = templates.get(key);
  if (!template) {
    const shape: RawRow = {};
    for (const c of el.children) if (!isMetadataName(c.name)) shape[c.name === 'COMMENTS' ? 'Comments' : c.name] = '';
    template = JSON.parse(JSON.stringify(shape)) as RawRow;
    templates.set(key, template);
  }
  return Object.keys(attrs).length === 0 ? { ...template } : { ...attrs, ...template };
}

/** One METADATA-* block read into a table; the blocks nested in it are returned, not read. */
function readBlock(block: XmlElement, parentAttrs: Record<string, string>, out: MetadataTable[]): Array<[XmlElement, Record<string, string>]> {
  const type = block.name.toUpperCase();
  const attributes = { ...parentAttrs, ...attributesOf(block) };
  const table: MetadataTable = { type, attributes, columns: [], rows: [] };
  out.push(table);
  const columns = new Set<string>();
  const nested: Array<[XmlElement, Record<string, string>]> = [];
  const direct: RawRow = {}; // values directly in the block (COMMENTS of a SYSTEM)
  const templates = new Map<string, RawRow>();
  for (const child of block.children) {
    if (isMetadataName(child.name)) { nested.push([child, attributes]); continue; }
    if (child.children.length === 0 && child.attrText.trim() === '') {
      direct[child.name.toUpperCase() === 'COMMENTS' ? 'Comments' : child.name] = valueOf(child);
      continue;
    }
    const row = newRow(child, templates);
    for (const col of child.children) {
      if (isMetadataName(col.name)) { nested.push([col, { ...attributes, ...inherited(type, row) }]); continue; }
      row[col.name === 'COMMENTS' ? 'Comments' : col.name] = valueOf(col);
    }
    for (const c in row) columns.add(c);
    table.rows.push(row);
  }
  if (Object.keys(direct).length > 0) {
    if (table.rows.length === 0) table.rows.push(direct);
    else Object.assign(table.rows[0]!, direct);
    for (const c in direct) columns.add(c);
  }
  table.columns = [...columns];
  // Nested blocks need their parent row's key, known only once the row is read.
  return nested;
}

/**
 * Every METADATA-* block under the given elements, in document order. Iterative (a stack of
 * pending elements) because the nesting is the server's: recursion would let it overflow ours.
 */
function findBlocks(elements: XmlElement[], out: MetadataTable[]): void {
  const pending: Array<[XmlElement, Record<string, string> | undefined]> = [];
  const pushAll = (items: Array<[XmlElement, Record<string, string> | undefined]>): void => {
    for (let i = items.length - 1; i >= 0; i--) pending.push(items[i]!);
  };
  pushAll(elements.map((el) => [el, undefined]));
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [el, attrs] = item;
    if (attrs !== undefined) pushAll(readBlock(el, attrs, out)); // a block nested in a block's row
    else if (isMetadataName(el.name)) pushAll(readBlock(el, {}, out));
    else pushAll(el.children.map((c) => [c, undefined])); // <RETS>, <METADATA>
  }
}

/** Every METADATA-* block of a STANDARD-XML body, in document order. */
export function parseStandardXmlMetadata(xml: string): MetadataTable[] {
  let roots: XmlElement[];
  try {
    roots = parseXml(xml);
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    throw new RetsError({
      kind: 'parse', transaction: 'GetMetadata',
      message: `The metadata is not well-formed XML: ${e.message}.`,
      cause: 'The body is truncated or the server wrote broken XML.',
      hint: 'Fetch it again; if it stays broken, try Format=COMPACT.',
    }, { cause: e });
  }
  const out: MetadataTable[] = [];
  findBlocks(roots, out);
  return out;
}
