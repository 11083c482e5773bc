// The mapping file as text: pretty-printed JSON with a stable key order (diff-friendly), and the
// reading of a file a user imports, with messages that say what is wrong where.
import { MAPPING_FORMAT, MAPPING_FORMAT_VERSION, MappingFile } from './types';

/** A mapping file that cannot be read, in words for the user. */
export class MappingFileError extends Error {}

/** Larger than a mapping of any MLS (20,000 fields with their values is a few MB). */
export const MAX_MAPPING_CHARS = 32 * 1024 * 1024;

/** The file's text: validated, keys in schema order, two-space indent, newline at the end. */
export function serializeMapping(m: MappingFile): string {
  return `${JSON.stringify(MappingFile.parse(m), null, 2)}\n`;
}

function excerptOf(text: string): string {
  const s = text.trimStart().slice(0, 40);
  return JSON.stringify(s).slice(1, -1);
}

/** Reads a mapping file; throws MappingFileError saying what is wrong (never echoing more than a short start). */
export function parseMappingFile(text: string): MappingFile {
  if (text.length > MAX_MAPPING_CHARS) throw new MappingFileError(`The mapping file is ${text.length.toLocaleString('en-US')} characters, more than a mapping ever is (limit ${MAX_MAPPING_CHARS.toLocaleString('en-US')}).`);
  let data: unknown;
  try { data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); } catch {
    throw new MappingFileError(`The mapping file is not valid JSON (it starts with "${excerptOf(text)}").`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new MappingFileError('The mapping file is JSON but not an object: export a mapping from the workbench to see the format.');
  const o = data as Record<string, unknown>;
  if (o.format !== MAPPING_FORMAT) throw new MappingFileError(`The file is not a RETS Workbench mapping ("format" should be "${MAPPING_FORMAT}").`);
  if (o.version !== MAPPING_FORMAT_VERSION) throw new MappingFileError(`The mapping file has format version ${JSON.stringify(o.version)}; this workbench reads version ${MAPPING_FORMAT_VERSION}.`);
  const r = MappingFile.safeParse(data);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 5).map((x) => `${x.path.join('.') || '(top)'}: ${x.message}`);
    const more = r.error.issues.length > 5 ? ` (and ${r.error.issues.length - 5} more)` : '';
    throw new MappingFileError(`The mapping file is not valid: ${issues.join('; ')}${more}.`);
  }
  return r.data;
}
