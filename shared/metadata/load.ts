// Saved metadata of either protocol into the neutral model: a RETS GetMetadata body (COMPACT or
// STANDARD-XML) or a Web API `$metadata` (CSDL XML or JSON), told apart by their first bytes.
import { csdlToMetadata, parseCsdl } from '../odata/csdl/index';
import type { RetsMetadata } from '../rets/metadata/model';
import { parseMetadata } from '../rets/metadata/index';

export type SavedMetadataKind = 'rets' | 'csdl';

/** CSDL when the text opens with `{` (JSON CSDL) or names an Edmx root near its start; else RETS. */
export function detectSavedMetadata(text: string): SavedMetadataKind {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  if (text.charCodeAt(i) === 123) return 'csdl';
  // The root element comes after at most an XML declaration and a few comments.
  const head = text.slice(i, i + 4096);
  return /<(?:[A-Za-z_][\w.-]*:)?Edmx[\s>]/.test(head) ? 'csdl' : 'rets';
}

/** Parses saved metadata of either kind; the parsers' typed errors pass through. */
export function parseSavedMetadata(text: string): { kind: SavedMetadataKind; metadata: RetsMetadata } {
  const kind = detectSavedMetadata(text);
  return { kind, metadata: kind === 'csdl' ? csdlToMetadata(parseCsdl(text)) : parseMetadata(text) };
}
