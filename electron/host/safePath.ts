// Every id that becomes part of a file path (exports/<operation id>, profiles/<id>.json,
// snippets/<id>.json, cache/metadata/<profile id>) goes through insideFolder, so no id, whatever
// a schema let through, can name a file outside its folder.
import { isAbsolute, join, relative, resolve } from 'node:path';
import { inputError } from './hostError';

/** One path segment: not empty, not "." or "..", no separators or NUL. */
export function isPlainSegment(part: string): boolean {
  return part.length > 0 && part !== '.' && part !== '..' && !part.includes('/') && !part.includes('\\') && !part.includes('\u0000');
}

/** `root/parts…`, refused unless every part is one plain segment and the result stays under root. */
export function insideFolder(root: string, ...parts: string[]): string {
  const path = join(root, ...parts);
  const rel = relative(resolve(root), resolve(path));
  if (!parts.every(isPlainSegment) || rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw inputError(`"${parts.join('/').slice(0, 80)}" is not a valid name here.`, 'Ids are made of letters, digits, "_" and "-".');
  }
  return path;
}
