// The mapping's readers of user files: a mapping file someone imports and a Data Dictionary file
// (the JSON report and the .xlsx workbook; EDMX goes through the CSDL targets' parser). Both
// refuse with their own typed, user-facing errors.
import { zipSync } from 'fflate';
import { DataDictionaryError, MappingFileError, parseDataDictionary, parseMappingFile, readDataDictionary } from '../../shared/mapping/index';
import { workbookParts, type Cell } from '../mapping/xlsxBuilder';
import { int } from './rng';
import { mutated, nested, noise, repeated, soup } from './generators';
import type { FuzzGenerator, FuzzTarget, Rng } from './types';

/** A Data Dictionary workbook of `rows` fields (and as many lookup values), names drawn from rng. */
function workbookBytes(rows: number, rng: Rng, level: 0 | 6): Uint8Array {
  const word = () => { let w = ''; for (let i = int(rng, 3, 12); i > 0; i--) w += String.fromCharCode(int(rng, 65, 122)); return w; };
  const fields: Cell[][] = [['ResourceName', 'StandardName', 'DisplayName', 'SimpleDataType', 'Synonyms', 'LookupName']];
  const lookups: Cell[][] = [['LookupName', 'StandardLookupValue', 'LegacyODataValue', 'Synonyms']];
  for (let r = 0; r < rows; r++) {
    fields.push(['Property', word(), { inline: word() }, 'String List, Single', `${word()}, ${word()}`, 'L']);
    lookups.push(['L', word(), null, word()]);
  }
  const parts = workbookParts([{ name: 'Fields', rows: fields }, { name: 'Lookups', rows: lookups }]);
  const files: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(parts)) files[name] = new TextEncoder().encode(text);
  return zipSync(files, { level });
}

const latin1 = (b: Uint8Array): string => { let s = ''; for (const x of b) s += String.fromCharCode(x); return s; };

/** A stored (uncompressed) workbook grown to size: the same shape at every size. */
const storedWorkbook: FuzzGenerator = {
  name: 'stored workbook, many fields', scaling: true,
  make: (size, rng) => workbookBytes(Math.max(1, Math.floor(size / 1600)), rng, 0),
};

/** Bytes that start as a zip does and go on as noise, or as zip-structure tokens. */
const ZIP_TOKENS = ['PK\x03\x04', 'PK\x01\x02', 'PK\x05\x06', '\x00', '\xff\xff', '\xff\xff\xff\xff', '\x08\x00', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', '<sheetData>', '<row r="1">', '<c r="A1" t="s">'];

const JSON_TOKENS = ['{', '}', '[', ']', ':', ',', '"format"', '"rets-workbench-mapping"', '"version"', '1', '"fields"', '"resourceName"', '"fieldName"', '"annotations"', '"term"', '"value"', 'null', 'true', '"x"'];

export const mappingTargets: FuzzTarget[] = [
  {
    name: 'mapping file',
    parse(bytes) { parseMappingFile(new TextDecoder().decode(bytes)); },
    typed: (e) => e instanceof MappingFileError,
    generators: [
      repeated('many fields', '{"format":"rets-workbench-mapping","version":1,"source":{"name":"a","kind":"rets"},"target":{"name":"b","kind":"webapi-metadata","fields":{}},"fields":[', '{"resource":"P","field":"F","targetResource":"P","target":null,"reason":"none","confidence":0},', '{}]}'),
      nested('deep arrays', '{"format":"rets-workbench-mapping","version":1,"fields":', '[', ']', '}'),
      soup('json soup', JSON_TOKENS),
      noise(),
    ],
  },
  {
    name: 'Data Dictionary JSON report',
    parse(bytes) { parseDataDictionary(new TextDecoder().decode(bytes), 'fuzz.json'); },
    typed: (e) => e instanceof DataDictionaryError,
    generators: [
      repeated('many fields', '{"fields":[', '{"resourceName":"Property","fieldName":"F","type":"Edm.String","annotations":[{"term":"RESO.OData.Metadata.Synonyms","value":"a, b, c"}]},', '{"resourceName":"Property","fieldName":"G"}]}'),
      repeated('many lookups', '{"fields":[{"resourceName":"P","fieldName":"S","typeName":"E"}],"lookups":[', '{"lookupName":"org.reso.metadata.enums.E","lookupValue":"V","annotations":[]},', '{}]}'),
      soup('json soup', JSON_TOKENS, '{'),
      noise(),
    ],
  },
  {
    name: 'Data Dictionary workbook (.xlsx)',
    parse(bytes) { readDataDictionary(bytes, 'fuzz.xlsx'); },
    typed: (e) => e instanceof DataDictionaryError,
    generators: [
      storedWorkbook,
      mutated('damaged stored workbook', (rows, rng) => latin1(workbookBytes(rows, rng, 0)), ZIP_TOKENS),
      mutated('damaged deflated workbook', (rows, rng) => latin1(workbookBytes(rows, rng, 6)), ZIP_TOKENS),
      soup('zip soup', ZIP_TOKENS, 'PK\x03\x04'),
    ],
  },
];
