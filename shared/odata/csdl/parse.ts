// $metadata text (XML, or the JSON CSDL some servers answer) into a CsdlDocument with the
// `<Annotations Target>` blocks applied to their targets.

import type { CsdlDocument } from './types';
import { parseCsdlXml } from './parseXml';
import { parseCsdlJson } from './parseJson';
import { applyAnnotationBlocks } from './names';
import { ODataParseError } from '../parseError';
import { decodeBody } from '../../rets/text';

export interface CsdlParseOptions {
  /** Deepest XML nesting accepted (default 200). */
  maxDepth?: number;
  /** Step counter of the XML scanner (see XmlScanOptions.stats). */
  stats?: { steps: number };
}

/** $metadata as received (bytes: charset from the Content-Type, the XML declaration, else UTF-8 or windows-1252). */
export function parseCsdl(body: string | Uint8Array, options: CsdlParseOptions & { contentType?: string } = {}): CsdlDocument {
  const text = typeof body === 'string' ? body : decodeBody(body, options.contentType);
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  const first = text.charCodeAt(i);
  let doc: CsdlDocument;
  if (first === 123) doc = parseCsdlJson(text.slice(i));
  else if (first === 60) doc = parseCsdlXml(text, { maxDepth: options.maxDepth, stats: options.stats });
  else throw new ODataParseError('not-csdl', 'The body is neither XML nor JSON: it is not OData $metadata', i);
  applyAnnotationBlocks(doc);
  return doc;
}
