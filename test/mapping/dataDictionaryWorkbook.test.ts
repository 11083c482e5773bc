// The RESO Data Dictionary workbook (.xlsx) as a Data Dictionary file: workbooks built here as
// spreadsheet programs write them (shared and inline strings, rich text, gaps, several sheets)
// give the same vocabulary as the JSON report with the same content; hostile or wrong files
// (zip bombs, too many rows or entries, garbage, a zip that is no workbook) are refused in words.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { DataDictionaryError, parseDataDictionary, readDataDictionary } from '../../shared/mapping/index';
import { openWorkbook, columnOf } from '../../shared/xlsx/workbook';
import { WorkbookError } from '../../shared/xlsx/workbookError';
import { zipEntries, zipEntryBytes } from '../../shared/xlsx/zip';
import { centralEntry, ddReport, ddSheets, declareSize, workbookParts, xlsx, zipParts, type Sheet } from './xlsxBuilder';

const refusal = (bytes: Uint8Array): string => {
  try { readDataDictionary(bytes, 'dd.xlsx'); } catch (e) {
    expect(e).toBeInstanceOf(DataDictionaryError);
    return (e as Error).message;
  }
  throw new Error('the file was read');
};

const fieldsOnly = (rows: Sheet['rows']): Uint8Array => xlsx([{ name: 'Fields', rows: [['ResourceName', 'StandardName'], ...rows] }]);

describe('the Data Dictionary workbook', () => {
  it('gives the vocabulary the JSON report with the same content gives, synonyms included', () => {
    const fromWorkbook = readDataDictionary(xlsx(ddSheets()), 'RESO DD 2.0');
    const fromReport = parseDataDictionary(JSON.stringify(ddReport()), 'RESO DD 2.0');
    expect(fromWorkbook).toEqual(fromReport);
    expect(fromWorkbook.hasSynonyms).toBe(true);
    const property = fromWorkbook.resources.find((r) => r.name === 'Property')!;
    expect(property.fields.find((f) => f.name === 'LivingArea')).toEqual({
      resource: 'Property', name: 'LivingArea', display: 'Living Area', dataType: 'Edm.Decimal',
      synonyms: ['Approx Square Feet', 'Square Footage'], lookup: '', multi: false,
    });
    expect(property.fields.find((f) => f.name === 'Appliances')).toMatchObject({ lookup: 'Appliances', multi: true });
    expect(fromWorkbook.lookups.get('StandardStatus')).toEqual([
      { value: 'Active', display: 'Active', synonyms: [] },
      { value: 'ActiveUnderContract', display: 'Active Under Contract', synonyms: ['Under Contract'] },
      { value: 'Closed', display: 'Closed', synonyms: ['Sold'] },
      { value: 'Hold', display: 'Hold', synonyms: ['Temporarily Off Market', 'Temp Off'] },
    ]);
    expect(fromWorkbook.resources.map((r) => r.name)).toEqual(['Property', 'Member']);
    // The row without a ResourceName is left out, as the report reader leaves out such a field.
    expect(property.fields.some((f) => f.name === 'Orphan')).toBe(false);
  });

  it('is told by its bytes, whatever its name; a JSON report by its bytes too', () => {
    expect(readDataDictionary(xlsx(ddSheets()), 'dictionary.json').kind).toBe('data-dictionary');
    const json = new TextEncoder().encode(JSON.stringify(ddReport()));
    expect(readDataDictionary(json, 'dd.xlsx')).toEqual(parseDataDictionary(JSON.stringify(ddReport()), 'dd.xlsx'));
  });

  it('reads the sheets by their names, cells by their references (gaps, prefixes, no r attributes)', () => {
    const parts = workbookParts([{ name: 'Other', rows: [['x']] }, { name: 'Fields', rows: [] }]);
    // A writer that prefixes the namespace and leaves out the cells' references.
    parts['xl/worksheets/sheet2.xml'] = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
      + '<x:row><x:c t="inlineStr"><x:is><x:t>ResourceName</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>StandardName</x:t></x:is></x:c><x:c r="E1" t="inlineStr"><x:is><x:t>Synonyms</x:t></x:is></x:c></x:row>'
      + '<x:row r="7"><x:c t="inlineStr"><x:is><x:t>Property</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>City</x:t></x:is></x:c><x:c r="E7" t="inlineStr"><x:is><x:t>Town &amp; Municipality</x:t></x:is></x:c></x:row>'
      + '</x:sheetData></x:worksheet>';
    const wb = openWorkbook(zipParts(parts), { maxEntries: 100, maxEntryBytes: 1 << 20, maxRows: 10, maxColumns: 10 });
    expect(wb.sheetNames).toEqual(['Other', 'Fields']);
    expect(wb.rows('Fields').map((r) => [r.number, [...r.cells]])).toEqual([
      [1, [[0, 'ResourceName'], [1, 'StandardName'], [4, 'Synonyms']]],
      [7, [[0, 'Property'], [1, 'City'], [4, 'Town & Municipality']]],
    ]);
    const dd = readDataDictionary(zipParts(parts), 'dd.xlsx');
    expect(dd.resources[0]!.fields[0]).toMatchObject({ name: 'City', synonyms: ['Town & Municipality'] });
    expect([columnOf('A1'), columnOf('Z9'), columnOf('AA1'), columnOf('AB12'), columnOf('XFD1048576'), columnOf('12')]).toEqual([0, 25, 26, 27, 16383, -1]);
  });

  it('a Lookups sheet is optional: lookup fields then have no values', () => {
    const dd = readDataDictionary(xlsx(ddSheets().filter((s) => s.name !== 'Lookups')), 'dd.xlsx');
    expect(dd.lookups.size).toBe(0);
    expect(dd.resources[0]!.fields.find((f) => f.name === 'StandardStatus')).toMatchObject({ lookup: '', dataType: 'org.reso.metadata.enums.StandardStatus' });
  });

  it('a workbook that is not the Data Dictionary says what it lacks', () => {
    expect(refusal(xlsx([{ name: 'Sheet1', rows: [['a']] }, { name: 'Data', rows: [] }]))).toBe('This workbook has no "Fields" sheet (its sheets: "Sheet1", "Data"): it is not the RESO Data Dictionary workbook.');
    expect(refusal(xlsx([{ name: 'Fields', rows: [['ResourceName', 'Name'], ['Property', 'ListPrice']] }]))).toBe('The "Fields" sheet has no StandardName column (its first row should name the columns: ResourceName, StandardName, ...): it is not the RESO Data Dictionary workbook.');
    expect(refusal(fieldsOnly([[null, 'ListPrice']]))).toBe('The "Fields" sheet lists no fields (no row has both a ResourceName and a StandardName).');
    expect(refusal(zipParts({ 'readme.txt': 'hello', 'word/document.xml': '<w:document/>' }))).toBe('The zip has no xl/workbook.xml: it is not an xlsx workbook (an .ods or .xls file must be saved as .xlsx first).');
  });

  it('garbage is refused: bytes that are no zip, a cut zip, a damaged part', () => {
    expect(refusal(new Uint8Array([1, 2, 3, 250, 251]))).toBe('The file is not a Data Dictionary: neither the JSON metadata report, nor EDMX, nor the Data Dictionary workbook (.xlsx).');
    const garbage = new Uint8Array(4000);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) & 255;
    garbage.set([0x50, 0x4b, 3, 4]);
    expect(refusal(garbage)).toMatch(/^The workbook's zip structure is damaged \(no central directory: the file is cut short or is not a zip\)/);
    const whole = xlsx(ddSheets());
    expect(refusal(whole.subarray(0, whole.length - 30))).toMatch(/zip structure is damaged/);
    const parts = workbookParts(ddSheets());
    parts['xl/workbook.xml'] = '<workbook><sheets><sheet name="Fields" r:id="rId2"/></sheets>';
    expect(refusal(zipParts(parts))).toMatch(/^"xl\/workbook.xml" in the workbook is not well-formed XML: The document ends before <\/workbook>/);
    const badIndex = workbookParts([{ name: 'Fields', rows: [['ResourceName', 'StandardName']] }]);
    badIndex['xl/worksheets/sheet1.xml'] = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>';
    expect(refusal(zipParts(badIndex))).toBe('Cell A1 refers to shared string 99, but the workbook has 2: the file is damaged.');
  });

  it('zip bombs are refused: a part declared too large before inflating, one inflating past its declared size as soon as it does', () => {
    const sheet = 'xl/worksheets/sheet2.xml';
    // Declared larger than any part that is read: refused before inflating.
    expect(refusal(declareSize(xlsx(ddSheets()), sheet, 2_000_000_000))).toBe(`"${sheet}" in the workbook declares 2,000,000,000 bytes, more than the 33,554,432 read from one part: it is not read (a zip bomb, or not a Data Dictionary workbook).`);
    // Declared small, inflating to 16 MB: inflating stops at the declared size.
    const parts: Record<string, string | Uint8Array> = workbookParts(ddSheets());
    parts[sheet] = new Uint8Array(16 * 1024 * 1024).fill(0x20);
    const bomb = zipParts(parts);
    expect(bomb.length).toBeLessThan(100_000);
    expect(refusal(declareSize(bomb, sheet, 1000))).toBe(`"${sheet}" inflates to more than the 1,000 bytes its zip entry declares (a zip bomb or a damaged file): it is not read.`);
    // Declared larger than it inflates to.
    expect(refusal(declareSize(xlsx(ddSheets()), sheet, 5_000_000))).toMatch(/^The workbook's zip structure is damaged \("xl\/worksheets\/sheet2.xml" inflates to \d[\d,]* bytes, not the 5,000,000 its zip entry declares\)/);
    expect(centralEntry(bomb, sheet)).toBeGreaterThan(0);
  });

  it('a large part inflates in slices, stopping at the first slice past its declared size', () => {
    const limits = { maxEntries: 10, maxEntryBytes: 1 << 24 };
    const body = new Uint8Array(300_000);
    let x = 12345;
    for (let i = 0; i < body.length; i++) { x = (Math.imul(x, 1103515245) + 12345) >>> 0; body[i] = x >>> 24; }
    const zip = zipSync({ 'big.bin': body }, { level: 6 });
    const entry = (z: Uint8Array) => zipEntries(z, limits).find((e) => e.name === 'big.bin')!;
    expect(entry(zip).compressedSize).toBeGreaterThan(200_000);
    expect(zipEntryBytes(zip, entry(zip), limits)).toEqual(body);
    expect(() => zipEntryBytes(zip, entry(declareSize(zip, 'big.bin', 1000)), limits)).toThrow('"big.bin" inflates to more than the 1,000 bytes its zip entry declares (a zip bomb or a damaged file): it is not read.');
    expect(() => zipEntryBytes(zip, entry(declareSize(zip, 'big.bin', 400_000)), limits)).toThrow('"big.bin" inflates to 300,000 bytes, not the 400,000 its zip entry declares');
    const cut = zip.slice();
    const e = entry(zip);
    cut.fill(0, e.localHeader + 30 + 7 + 100_000, e.localHeader + 30 + 7 + e.compressedSize);
    expect(() => zipEntryBytes(cut, e, limits)).toThrow(WorkbookError);
  });

  it('too many entries, rows or columns are refused', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 1001; i++) many[`f${i}`] = new Uint8Array(0);
    expect(refusal(zipSync(many))).toBe('The zip holds 1,001 entries, more than a workbook has (at most 1,000 are read): it is not a Data Dictionary workbook.');

    const parts = workbookParts([{ name: 'Fields', rows: [['ResourceName', 'StandardName']] }]);
    let rows = '';
    for (let r = 1; r <= 100_001; r++) rows += `<row r="${r}"/>`;
    parts['xl/worksheets/sheet1.xml'] = `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
    expect(refusal(zipParts(parts))).toBe('The sheet "Fields" has 100,001 rows, more than the 100,000 read: it is not a Data Dictionary sheet.');

    const wide = workbookParts([{ name: 'Fields', rows: [['ResourceName', 'StandardName']] }]);
    wide['xl/worksheets/sheet1.xml'] = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ResourceName</t></is></c><c r="B1" t="inlineStr"><is><t>StandardName</t></is></c><c r="IW1" s="3"/></row>'
      + '<row r="2"><c r="A2" t="inlineStr"><is><t>Property</t></is></c><c r="B2" t="inlineStr"><is><t>ListPrice</t></is></c><c r="IW2"><v>1</v></c></row></sheetData></worksheet>';
    // An empty styled cell far right is no value; a value there is refused.
    expect(refusal(zipParts(wide))).toBe('The sheet "Fields" has a value in column IW, beyond the 256 columns read: it is not a Data Dictionary sheet.');
  });

  it('errors are typed at the workbook layer too', () => {
    expect(() => openWorkbook(new Uint8Array([0x50, 0x4b, 5, 6]), { maxEntries: 1, maxEntryBytes: 1, maxRows: 1, maxColumns: 1 })).toThrow(WorkbookError);
    expect(() => openWorkbook(new Uint8Array([0x50, 0x4b, 5, 6]), { maxEntries: 1, maxEntryBytes: 1, maxRows: 1, maxColumns: 1 })).toThrow('The file is not an xlsx workbook (it does not start with a zip signature).');
  });
});
