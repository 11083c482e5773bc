// Small .xlsx workbooks built in the tests, as spreadsheet programs write them: workbook.xml and
// its relationships name the sheets, cells hold shared strings (indexes into sharedStrings.xml),
// inline strings or numbers, and a row may skip cells. Zipped with fflate.
import { zipSync, type Zippable } from 'fflate';

/** A cell: text (a shared string), { inline } (an inline string), a number, or null (no cell: a gap). */
export type Cell = string | { inline: string } | { rich: string[] } | number | null;
export interface Sheet { name: string; rows: Cell[][] }

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The parts of a workbook (name -> text), to zip as they are or after a test edits one. */
export function workbookParts(sheets: Sheet[]): Record<string, string> {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (s: string) => {
    let i = index.get(s);
    if (i === undefined) { i = strings.length; strings.push(s); index.set(s, i); }
    return i;
  };
  const sheetXml = (rows: Cell[][]) => {
    const body = rows.map((row, r) => {
      const cells = row.map((c, col) => {
        const ref = `${columnName(col)}${r + 1}`;
        if (c === null) return '';
        if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
        if (typeof c === 'string') return `<c r="${ref}" t="s"><v>${shared(c)}</v></c>`;
        if ('inline' in c) return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(c.inline)}</t></is></c>`;
        return `<c r="${ref}" t="s"><v>${shared(c.rich.join(''))}</v></c>`;
      }).join('');
      return `<row r="${r + 1}">${cells}</row>`;
    }).join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><dimension ref="A1"/><sheetData>${body}</sheetData></worksheet>`;
  };
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  };
  const rich = new Map<string, string[]>();
  sheets.forEach((s, i) => {
    for (const row of s.rows) for (const c of row) if (c && typeof c === 'object' && 'rich' in c) rich.set(c.rich.join(''), c.rich);
    parts[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(s.rows);
  });
  const si = (s: string) => {
    const runs = rich.get(s);
    if (runs) return `<si>${runs.map((t) => `<r><rPr><b/></rPr><t xml:space="preserve">${escapeXml(t)}</t></r>`).join('')}<rPh sb="0" eb="1"><t>ignored</t></rPh></si>`;
    return `<si><t>${escapeXml(s)}</t></si>`;
  };
  parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map(si).join('')}</sst>`;
  parts['xl/workbook.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  return parts;
}

export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [name, body] of Object.entries(parts)) files[name] = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return zipSync(files, { level: 6 });
}

export function xlsx(sheets: Sheet[]): Uint8Array {
  return zipParts(workbookParts(sheets));
}

/** The central directory entry of `name` in a zip (its offset), to edit declared sizes. */
export function centralEntry(zip: Uint8Array, name: string): number {
  const needle = new TextEncoder().encode(name);
  for (let at = zip.length - 46; at >= 0; at--) {
    if (zip[at] !== 0x50 || zip[at + 1] !== 0x4b || zip[at + 2] !== 0x01 || zip[at + 3] !== 0x02) continue;
    const n = zip[at + 28]! | (zip[at + 29]! << 8);
    if (n === needle.length && needle.every((b, i) => zip[at + 46 + i] === b)) return at;
  }
  throw new Error(`no central entry ${name}`);
}

/** Sets the uncompressed size the central directory declares for `name`. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  new DataView(out.buffer).setUint32(centralEntry(out, name) + 24, size, true);
  return out;
}

/** The RESO Data Dictionary workbook's sheets, cut down: a few fields and lookups, with synonyms. */
export function ddSheets(): Sheet[] {
  return [
    { name: 'Version Info', rows: [['Data Dictionary', '2.0'], [{ inline: 'Wiki Date' }, 45398]] },
    {
      name: 'Fields',
      rows: [
        ['ResourceName', 'StandardName', 'DisplayName', 'Definition', 'SimpleDataType', 'SugMaxLength', 'SugMaxPrecision', 'Synonyms', 'LookupName', 'SourceResource'],
        ['Property', 'ListPrice', 'List Price', 'The price', 'Number', 14, 2, 'Asking Price, Original Price', null, null],
        ['Property', 'LivingArea', { rich: ['Living ', 'Area'] }, null, 'Number', 14, 2, 'Approx Square Feet\nSquare Footage', null, null],
        ['Property', 'BedroomsTotal', 'Bedrooms Total', null, 'Number', 3, null, null, null, null],
        ['Property', 'StandardStatus', 'Standard Status', null, 'String List, Single', 50, null, 'Status, ListingStatus', 'StandardStatus', null],
        ['Property', 'Appliances', 'Appliances', null, 'String List, Multi', 1024, null, null, 'Appliances', null],
        ['Property', { inline: 'Township' }, { inline: 'Township' }, null, 'String', 50, null, 'Twp', null, null],
        ['Property', 'ListAgent', 'List Agent', null, 'Resource', null, null, null, null, 'Member'],
        ['Property', 'Media', 'Media', null, 'Collection', null, null, null, null, 'Media'],
        ['Property', 'OnMarketDate', 'On Market Date', null, 'Date', null, null, null, null, null],
        ['Property', 'ModificationTimestamp', 'Modification Timestamp', null, 'Timestamp', null, null, null, null, null],
        ['Property', 'WaterfrontYN', 'Waterfront YN', null, 'Boolean', null, null, null, null, null],
        [],
        ['Member', 'MemberMlsId', 'Member MLS Id', null, 'String', 25, null, 'AgentId, Agent MLS Id', null, null],
        [null, 'Orphan', 'A row without a resource', null, 'String'],
      ],
    },
    { name: 'Resources', rows: [['ResourceName'], ['Property'], ['Member']] },
    {
      name: 'Lookups',
      rows: [
        ['LookupName', 'StandardLookupValue', 'LegacyODataValue', 'Definition', 'Synonyms'],
        ['StandardStatus', 'Active', 'Active', null, null],
        ['StandardStatus', 'Active Under Contract', 'ActiveUnderContract', null, 'Under Contract'],
        ['StandardStatus', 'Closed', 'Closed', null, 'Sold'],
        ['StandardStatus', 'Hold', 'Hold', null, 'Temporarily Off Market, Temp Off'],
        ['Appliances', { inline: 'Dishwasher' }, null, null, null],
        ['Appliances', 'Gas Range', 'GasRange', null, null],
      ],
    },
  ];
}

const std = (value: string) => ({ term: 'RESO.OData.Metadata.StandardName', value });
const syn = (value: string) => ({ term: 'RESO.OData.Metadata.Synonyms', value });

/** The same content as ddSheets, as RESO's JSON metadata report writes it. */
export function ddReport(): Record<string, unknown> {
  return {
    description: 'RESO Data Dictionary Metadata Report',
    fields: [
      { resourceName: 'Property', fieldName: 'ListPrice', type: 'Edm.Decimal', annotations: [std('List Price'), syn('Asking Price, Original Price')] },
      { resourceName: 'Property', fieldName: 'LivingArea', type: 'Edm.Decimal', annotations: [std('Living Area'), syn('Approx Square Feet, Square Footage')] },
      { resourceName: 'Property', fieldName: 'BedroomsTotal', type: 'Edm.Int64', annotations: [std('Bedrooms Total')] },
      { resourceName: 'Property', fieldName: 'StandardStatus', type: 'org.reso.metadata.enums.StandardStatus', annotations: [std('Standard Status'), syn('Status, ListingStatus')] },
      { resourceName: 'Property', fieldName: 'Appliances', type: 'org.reso.metadata.enums.Appliances', isCollection: true, annotations: [std('Appliances')] },
      { resourceName: 'Property', fieldName: 'Township', type: 'Edm.String', annotations: [std('Township'), syn('Twp')] },
      { resourceName: 'Property', fieldName: 'ListAgent', type: 'org.reso.metadata.Member', isExpansion: true, annotations: [std('List Agent')] },
      { resourceName: 'Property', fieldName: 'Media', type: 'org.reso.metadata.Media', isExpansion: true, isCollection: true, annotations: [std('Media')] },
      { resourceName: 'Property', fieldName: 'OnMarketDate', type: 'Edm.Date', annotations: [std('On Market Date')] },
      { resourceName: 'Property', fieldName: 'ModificationTimestamp', type: 'Edm.DateTimeOffset', annotations: [std('Modification Timestamp')] },
      { resourceName: 'Property', fieldName: 'WaterfrontYN', type: 'Edm.Boolean', annotations: [std('Waterfront YN')] },
      { resourceName: 'Member', fieldName: 'MemberMlsId', type: 'Edm.String', annotations: [std('Member MLS Id'), syn('AgentId, Agent MLS Id')] },
    ],
    lookups: [
      { lookupName: 'org.reso.metadata.enums.StandardStatus', lookupValue: 'Active', type: 'Edm.Int32', annotations: [std('Active')] },
      { lookupName: 'org.reso.metadata.enums.StandardStatus', lookupValue: 'ActiveUnderContract', type: 'Edm.Int32', annotations: [std('Active Under Contract'), syn('Under Contract')] },
      { lookupName: 'org.reso.metadata.enums.StandardStatus', lookupValue: 'Closed', type: 'Edm.Int32', annotations: [std('Closed'), syn('Sold')] },
      { lookupName: 'org.reso.metadata.enums.StandardStatus', lookupValue: 'Hold', type: 'Edm.Int32', annotations: [std('Hold'), syn('Temporarily Off Market, Temp Off')] },
      { lookupName: 'org.reso.metadata.enums.Appliances', lookupValue: 'Dishwasher', type: 'Edm.Int32', annotations: [std('Dishwasher')] },
      { lookupName: 'org.reso.metadata.enums.Appliances', lookupValue: 'GasRange', type: 'Edm.Int32', annotations: [std('Gas Range')] },
    ],
  };
}
