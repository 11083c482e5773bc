// A RESO Data Dictionary file the user loads, as the mapping's target vocabulary. RESO publishes
// the dictionary as a JSON "metadata report" (`fields` and `lookups`, each with annotations:
// StandardName for the human name, Synonyms where the generator kept them), as EDMX (a $metadata:
// read by the CSDL parser) and as a workbook (.xlsx, its Fields and Lookups sheets: read into the
// report's shape). Which one a file is, its bytes say, never its name.
import { parseSavedMetadata } from '../metadata/load';
import { decodeBody } from '../rets/text';
import { WorkbookError } from '../xlsx/workbookError';
import { isZip } from '../xlsx/zip';
import { reportFromWorkbook } from './dataDictionaryWorkbook';
import { targetFromMetadata, type TargetField, type TargetValue, type TargetVocabulary } from './target';

/** A Data Dictionary file that cannot be used, in words for the user. */
export class DataDictionaryError extends Error {}

/** Larger than any Data Dictionary RESO published (2.0's report is about 2 MB). */
export const MAX_DICTIONARY_CHARS = 64 * 1024 * 1024;

interface Annotation { term?: unknown; value?: unknown }

function annotation(list: unknown, local: string): string {
  if (!Array.isArray(list)) return '';
  for (const a of list as Annotation[]) {
    if (a && typeof a.term === 'string' && a.term.endsWith(`.${local}`) && typeof a.value === 'string') return a.value;
  }
  return '';
}

/** The Synonyms annotation: a comma-separated list. */
function synonyms(list: unknown): string[] {
  const s = annotation(list, 'Synonyms');
  return s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [];
}

function str(v: unknown): string { return typeof v === 'string' ? v : ''; }

/** The enum's short name: "org.reso.metadata.enums.StandardStatus" -> "StandardStatus". */
function enumName(s: string): string {
  const dot = s.lastIndexOf('.');
  return dot >= 0 ? s.slice(dot + 1) : s;
}

function fromReport(doc: Record<string, unknown>, name: string): TargetVocabulary {
  const fields = doc.fields;
  if (!Array.isArray(fields)) throw new DataDictionaryError('The JSON has no "fields" list: it is not a RESO Data Dictionary metadata report.');
  const lookups = new Map<string, TargetValue[]>();
  for (const l of Array.isArray(doc.lookups) ? doc.lookups as Record<string, unknown>[] : []) {
    if (!l || typeof l !== 'object') continue;
    const key = enumName(str(l.lookupName));
    const value = str(l.lookupValue);
    if (!key || !value) continue;
    let list = lookups.get(key);
    if (!list) { list = []; lookups.set(key, list); }
    list.push({ value, display: annotation(l.annotations, 'StandardName') || value, synonyms: synonyms(l.annotations) });
  }
  const byResource = new Map<string, TargetField[]>();
  let hasSynonyms = false;
  for (const f of fields as Record<string, unknown>[]) {
    if (!f || typeof f !== 'object') continue;
    const resource = str(f.resourceName);
    const fieldName = str(f.fieldName);
    if (!resource || !fieldName) continue;
    const type = str(f.type);
    const lookup = str(f.typeName) || (type.startsWith('Edm.') ? '' : enumName(type));
    const syn = synonyms(f.annotations);
    if (syn.length) hasSynonyms = true;
    let list = byResource.get(resource);
    if (!list) { list = []; byResource.set(resource, list); }
    list.push({ resource, name: fieldName, display: annotation(f.annotations, 'StandardName') || fieldName, dataType: type, synonyms: syn, lookup: lookups.has(lookup) ? lookup : '', multi: f.isCollection === true });
  }
  if (!byResource.size) throw new DataDictionaryError('The Data Dictionary file lists no fields (each needs a resourceName and a fieldName).');
  for (const list of lookups.values()) if (list.some((v) => v.synonyms.length)) { hasSynonyms = true; break; }
  const version = str(doc.version);
  return {
    kind: 'data-dictionary', name, ...(version ? { version } : {}), hasSynonyms, lookups,
    resources: [...byResource].map(([r, list]) => ({ name: r, standardName: r, fields: list })),
  };
}

/** Reads a Data Dictionary file's text: the JSON metadata report, or EDMX / CSDL JSON. */
export function parseDataDictionary(text: string, name: string): TargetVocabulary {
  if (text.length > MAX_DICTIONARY_CHARS) throw new DataDictionaryError(`The Data Dictionary file is ${text.length.toLocaleString('en-US')} characters, more than a dictionary ever is.`);
  const start = text.trimStart();
  if (start.startsWith('{')) {
    let doc: unknown;
    try { doc = JSON.parse(start); } catch { throw new DataDictionaryError('The Data Dictionary file is not valid JSON.'); }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new DataDictionaryError('The Data Dictionary file is JSON but not an object.');
    const o = doc as Record<string, unknown>;
    if ('fields' in o) return fromReport(o, name);
    if (!('$Version' in o)) throw new DataDictionaryError('The JSON has no "fields" list: it is not a RESO Data Dictionary metadata report (nor CSDL JSON).');
  }
  if (!start.startsWith('{') && !start.startsWith('<')) throw new DataDictionaryError('The file is not a Data Dictionary: neither the JSON metadata report, nor EDMX, nor the Data Dictionary workbook (.xlsx).');
  let t: TargetVocabulary;
  try {
    t = targetFromMetadata(parseSavedMetadata(start).metadata, name);
  } catch (e) {
    throw new DataDictionaryError(`The Data Dictionary file could not be read as EDMX: ${(e as Error).message}`);
  }
  return { ...t, kind: 'data-dictionary' };
}

/** Reads a Data Dictionary file as loaded: the workbook when the bytes are a zip, else the JSON report or EDMX. */
export function readDataDictionary(bytes: Uint8Array, name: string): TargetVocabulary {
  if (!isZip(bytes)) return parseDataDictionary(decodeBody(bytes), name);
  if (bytes.length > MAX_DICTIONARY_CHARS) throw new DataDictionaryError(`The Data Dictionary workbook is ${bytes.length.toLocaleString('en-US')} bytes, more than a dictionary ever is.`);
  let report: Record<string, unknown>;
  try { report = reportFromWorkbook(bytes); } catch (e) {
    if (e instanceof WorkbookError) throw new DataDictionaryError(e.message);
    throw e;
  }
  return fromReport(report, name);
}
