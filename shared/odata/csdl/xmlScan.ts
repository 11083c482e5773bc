// A linear, iterative XML scanner for $metadata: start tags (attributes decoded), end tags and
// character data are handed to a handler as they are met; nothing is built here. Not the
// tree reader of shared/rets/metadata/xmlTree.ts: CSDL is consumed element by element into its
// own model (no tree to walk again), attributes are always needed, and nesting is capped so a
// hostile document gets a typed "too deep" error.

import { decodeXmlEntities } from '../../rets/text';
import { ODataParseError } from '../parseError';
import { tagEndOf } from '../../rets/tagScan';

export interface XmlHandler {
  /** A start tag: the local name (prefix dropped), its attributes, where the tag starts and ends (after ">"). */
  open(local: string, attrs: Record<string, string>, start: number, end: number, selfClosing: boolean): void;
  /** An end tag (also called right after open() for a self-closing tag, with start = end). */
  close(local: string, start: number, end: number): void;
}

export interface XmlScanOptions {
  /** Deepest element nesting accepted (CSDL needs under 20; annotation expressions a little more). */
  maxDepth?: number;
  /**
   * Counts the scanner's steps (one per markup construct; each step reads only the bytes it
   * consumes), so tests can check the work is linear without a clock.
   */
  stats?: { steps: number };
}

const DEFAULT_MAX_DEPTH = 200;

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

function isBlank(c: number): boolean { return c === 32 || c === 9 || c === 10 || c === 13; }

/** Attributes of s[from, to): name="value" pairs, values entity-decoded, namespace declarations kept. */
export function parseAttributes(s: string, from: number, to: number): Record<string, string> {
  const out: Record<string, string> = {};
  let i = from;
  while (i < to) {
    while (i < to && isBlank(s.charCodeAt(i))) i++;
    if (i >= to) break;
    const nameStart = i;
    while (i < to && s.charCodeAt(i) !== 61 && !isBlank(s.charCodeAt(i))) i++;
    const name = s.slice(nameStart, i);
    while (i < to && isBlank(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) !== 61) { if (name) out[name] = ''; continue; } // attribute without value: tolerated
    i++;
    while (i < to && isBlank(s.charCodeAt(i))) i++;
    const q = s.charCodeAt(i);
    if (q !== 34 && q !== 39) throw new ODataParseError('syntax', `The attribute ${name} has no quoted value`, i);
    const close = s.indexOf(q === 34 ? '"' : "'", i + 1);
    if (close < 0 || close >= to) throw new ODataParseError('syntax', `The value of attribute ${name} is not closed`, i);
    out[name] = decodeXmlEntities(s.slice(i + 1, close));
    i = close + 1;
  }
  return out;
}

function skipPast(s: string, marker: string, from: number, what: string): number {
  const end = s.indexOf(marker, from);
  if (end < 0) throw new ODataParseError('truncated', `The document ends inside a ${what}`, from);
  return end + marker.length;
}

/** Scan a whole document, calling the handler for each tag. Throws ODataParseError only. */
export function scanXml(s: string, handler: XmlHandler, options: XmlScanOptions = {}): void {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const open: string[] = [];
  const stats = options.stats;
  let pos = 0;
  while (pos < s.length) {
    if (stats) stats.steps++;
    const lt = s.indexOf('<', pos);
    if (lt < 0) break;
    const next = s.charCodeAt(lt + 1);
    if (next === 63) { pos = skipPast(s, '?>', lt, 'processing instruction'); continue; }
    if (next === 33) {
      if (s.startsWith('<!--', lt)) { pos = skipPast(s, '-->', lt, 'comment'); continue; }
      if (s.startsWith('<![CDATA[', lt)) { pos = skipPast(s, ']]>', lt, 'CDATA section'); continue; }
      pos = skipPast(s, '>', lt, 'declaration');
      continue;
    }
    const gt = tagEndOf(s, lt + 1);
    if (gt < 0) throw new ODataParseError('truncated', 'The document ends inside a tag', lt);
    if (next === 47) {
      const name = s.slice(lt + 2, gt).trim();
      const expected = open.pop();
      if (expected === undefined) throw new ODataParseError('syntax', `Unexpected </${name}>`, lt);
      if (expected !== name) throw new ODataParseError('syntax', `Expected </${expected}> but found </${name}>`, lt);
      handler.close(localName(name), lt, gt + 1);
      pos = gt + 1;
      continue;
    }
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    const inner = selfClosing ? gt - 1 : gt;
    let nameEnd = lt + 1;
    while (nameEnd < inner && !isBlank(s.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === lt + 1) throw new ODataParseError('syntax', 'A tag has no name', lt);
    const qname = s.slice(lt + 1, nameEnd);
    const local = localName(qname);
    const attrs = nameEnd < inner ? parseAttributes(s, nameEnd, inner) : {};
    if (!selfClosing && open.length >= maxDepth) {
      throw new ODataParseError('too-deep', `Elements are nested deeper than ${maxDepth} levels`, lt);
    }
    handler.open(local, attrs, lt, gt + 1, selfClosing);
    if (selfClosing) handler.close(local, gt + 1, gt + 1);
    else open.push(qname);
    pos = gt + 1;
  }
  if (open.length > 0) throw new ODataParseError('truncated', `The document ends before </${open[open.length - 1]}>: it is truncated`, s.length);
}
