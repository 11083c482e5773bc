// The RESO Data Dictionary workbook (.xlsx): a "Fields" sheet (ResourceName, StandardName,
// DisplayName, SimpleDataType, SugMaxPrecision, LookupName, Synonyms, SourceResource, ...) and a
// "Lookups" sheet (LookupName, StandardLookupValue, LegacyODataValue, Synonyms, ...), each headed by
// its column names in the first row. Turned into the JSON metadata report's shape, so the one
// report reader makes the vocabulary from either file.
import { openWorkbook, type SheetRow, type Workbook, type WorkbookLimits } from '../xlsx/workbook';
import { WorkbookError } from '../xlsx/workbookError';

/** Far above the Data Dictionary workbook (about twenty zip entries, parts of a few MB, a few thousand rows per sheet). */
export const DD_WORKBOOK_LIMITS: WorkbookLimits = {
  maxEntries: 1_000,
  maxEntryBytes: 32 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 256,
};

const SYNONYMS_TERM = 'RESO.OData.Metadata.Synonyms';
const STANDARD_NAME_TERM = 'RESO.OData.Metadata.StandardName';
const ENUMS = 'org.reso.metadata.enums.';

/** The report's Edm type for a SimpleDataType (as RESO's own generator types them). */
const EDM_TYPES: Record<string, string> = {
  'String': 'Edm.String',
  'Boolean': 'Edm.Boolean',
  'Date': 'Edm.Date',
  'Timestamp': 'Edm.DateTimeOffset',
  'String List, Single': 'Edm.String',
  'String List, Multi': 'Edm.String',
};

function sheetNamed(wb: Workbook, wanted: string): string | undefined {
  return wb.sheetNames.find((n) => n.trim().toLowerCase() === wanted.toLowerCase());
}

/** Column names as the header row writes them, compared without case or blanks ("Wiki Page URL"). */
function key(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 32) out += s[i];
  return out.toLowerCase();
}

interface Table { sheet: string; rows: SheetRow[]; column: Map<string, number> }

function table(wb: Workbook, sheet: string, required: string[]): Table {
  const rows = wb.rows(sheet);
  const header = rows.find((r) => r.cells.size > 0);
  const column = new Map<string, number>();
  if (header) for (const [col, text] of header.cells) if (!column.has(key(text))) column.set(key(text), col);
  const missing = required.filter((c) => !column.has(key(c)));
  if (missing.length) {
    throw new WorkbookError(`The "${sheet}" sheet has no ${missing.join(' or ')} column (its first row should name the columns: ${required.join(', ')}, ...): it is not the RESO Data Dictionary workbook.`);
  }
  return { sheet, rows: header ? rows.slice(rows.indexOf(header) + 1) : [], column };
}

function cell(t: Table, row: SheetRow, name: string): string {
  const col = t.column.get(key(name));
  return col === undefined ? '' : (row.cells.get(col) ?? '').trim();
}

/** The first non-empty of several columns (the workbook's names changed between versions). */
function firstOf(t: Table, row: SheetRow, names: string[]): string {
  for (const n of names) {
    const v = cell(t, row, n);
    if (v) return v;
  }
  return '';
}

/** A cell's synonyms as the report writes them: comma-separated (a cell may break lines instead). */
function synonymsAnnotation(t: Table, row: SheetRow): { term: string; value: string }[] {
  const s = cell(t, row, 'Synonyms').split('\n').map((x) => x.trim()).filter(Boolean).join(', ');
  return s ? [{ term: SYNONYMS_TERM, value: s }] : [];
}

function fieldType(simple: string, lookupName: string, row: { precision: string; source: string; name: string }): string {
  if (lookupName) return ENUMS + lookupName;
  if (simple === 'Number') return row.precision ? 'Edm.Decimal' : 'Edm.Int64';
  if (simple === 'Resource' || simple === 'Collection') return `org.reso.metadata.${row.source || row.name}`;
  return EDM_TYPES[simple] ?? 'Edm.String';
}

function fields(t: Table): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const row of t.rows) {
    const resourceName = cell(t, row, 'ResourceName');
    const fieldName = cell(t, row, 'StandardName');
    if (!resourceName || !fieldName) continue;
    const simple = cell(t, row, 'SimpleDataType');
    const display = cell(t, row, 'DisplayName');
    out.push({
      resourceName, fieldName,
      type: fieldType(simple, cell(t, row, 'LookupName'), { precision: cell(t, row, 'SugMaxPrecision'), source: cell(t, row, 'SourceResource'), name: fieldName }),
      ...(simple === 'String List, Multi' || simple === 'Collection' ? { isCollection: true } : {}),
      annotations: [...(display ? [{ term: STANDARD_NAME_TERM, value: display }] : []), ...synonymsAnnotation(t, row)],
    });
  }
  if (!out.length) throw new WorkbookError(`The "${t.sheet}" sheet lists no fields (no row has both a ResourceName and a StandardName).`);
  return out;
}

function lookups(t: Table): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const row of t.rows) {
    const lookupName = cell(t, row, 'LookupName');
    // The value as the EDMX names the enum member; the human name beside it.
    const value = firstOf(t, row, ['LegacyODataValue', 'LookupValue', 'StandardLookupValue']);
    if (!lookupName || !value) continue;
    const display = firstOf(t, row, ['StandardLookupValue', 'LookupDisplayName', 'LookupValue']);
    out.push({
      lookupName: ENUMS + lookupName, lookupValue: value,
      annotations: [...(display ? [{ term: STANDARD_NAME_TERM, value: display }] : []), ...synonymsAnnotation(t, row)],
    });
  }
  return out;
}

/** The workbook as a JSON metadata report: `fields` from its Fields sheet, `lookups` from its Lookups sheet (if any). */
export function reportFromWorkbook(bytes: Uint8Array): Record<string, unknown> {
  const wb = openWorkbook(bytes, DD_WORKBOOK_LIMITS);
  const fieldsSheet = sheetNamed(wb, 'Fields');
  if (!fieldsSheet) {
    const has = wb.sheetNames.length ? `its sheets: ${wb.sheetNames.slice(0, 10).map((n) => `"${n}"`).join(', ')}` : 'it has no sheets';
    throw new WorkbookError(`This workbook has no "Fields" sheet (${has}): it is not the RESO Data Dictionary workbook.`);
  }
  const lookupsSheet = sheetNamed(wb, 'Lookups');
  return {
    fields: fields(table(wb, fieldsSheet, ['ResourceName', 'StandardName'])),
    lookups: lookupsSheet ? lookups(table(wb, lookupsSheet, ['LookupName'])) : [],
  };
}
