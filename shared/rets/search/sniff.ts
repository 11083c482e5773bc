// Tells COMPACT from STANDARD-XML by the first element after the envelope.

import { asciiText } from './bytes';
import type { SearchFormat } from './types';

const envelope = new Set(['RETS', '/RETS', 'COUNT', '/COUNT', 'RETS-STATUS', 'MAXROWS']);

/** The format, or null while the bytes seen so far do not tell (force: decide now). */
export function sniffSearchFormat(bytes: Uint8Array, force: boolean): SearchFormat | null {
  const text = asciiText(bytes, 0, Math.min(bytes.length, 64 * 1024));
  // Only complete names count: `<R` at the end of a chunk may become `<RETS`.
  const re = /<([/?!]?[A-Za-z_][-\w:.]*)(?=[\s/>])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const name = m[1].toUpperCase();
    if (name.startsWith('?') || name.startsWith('!') || envelope.has(name)) continue;
    if (name === 'DELIMITER' || name === 'COLUMNS' || name === 'DATA') return 'COMPACT';
    return 'STANDARD-XML';
  }
  return force ? 'COMPACT' : null;
}
