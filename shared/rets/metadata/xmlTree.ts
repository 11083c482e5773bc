// A small, strict-enough XML reader for metadata documents: elements, attributes (raw until
// asked for), text; comments, declarations and CDATA handled; mismatched or unclosed tags
// reported with their line. Written with indexOf scanning because fast-xml-parser took
// 120-900 ms for a 259 KB flexmls METADATA-TABLE here, and big MLSs send tens of MB.
import { tagEndOf } from '../tagScan';

export interface XmlElement {
  name: string;
  /** The attribute text of the start tag, unparsed ("" when there is none). */
  attrText: string;
  /** Child elements; leaves share one empty (frozen) array to spare the allocation. */
  children: XmlElement[];
  /** Raw character data (entities not yet decoded). */
  text: string;
}

/** Real metadata nests about a dozen levels (RETS, METADATA, each level's block and row); far deeper is hostile. */
export const MAX_XML_DEPTH = 256;

export class XmlSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(`${message} (line ${line})`);
    this.name = 'XmlSyntaxError';
  }
}

function lineAt(s: string, pos: number): number {
  let n = 1;
  for (let i = s.indexOf('\n'); i >= 0 && i < pos; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function skipTo(s: string, marker: string, from: number, what: string): number {
  const end = s.indexOf(marker, from);
  if (end < 0) throw new XmlSyntaxError(`Unterminated ${what}`, lineAt(s, from));
  return end + marker.length;
}

const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62; // blank, "/", ">"
}

function append(parent: XmlElement, el: XmlElement): void {
  if (parent.children === NO_CHILDREN) parent.children = [el];
  else parent.children.push(el);
}

/** The top-level elements of a document. */
export function parseXml(s: string): XmlElement[] {
  const roots: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let pos = 0;
  while (pos < s.length) {
    const lt = s.indexOf('<', pos);
    const textEnd = lt < 0 ? s.length : lt;
    if (textEnd > pos && stack.length > 0) stack[stack.length - 1]!.text += s.slice(pos, textEnd);
    if (lt < 0) break;
    const next = s.charCodeAt(lt + 1);
    if (next === 63) { pos = skipTo(s, '?>', lt, 'processing instruction'); continue; } // <?
    if (next === 33) { // <!
      if (s.startsWith('<!--', lt)) { pos = skipTo(s, '-->', lt, 'comment'); continue; }
      if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt);
        if (end < 0) throw new XmlSyntaxError('Unterminated CDATA section', lineAt(s, lt));
        if (stack.length > 0) stack[stack.length - 1]!.text += s.slice(lt + 9, end).replace(/&/g, '&amp;').replace(/</g, '&lt;');
        pos = end + 3;
        continue;
      }
      pos = skipTo(s, '>', lt, 'declaration');
      continue;
    }
    const gt = tagEndOf(s, lt + 1);
    if (gt < 0) throw new XmlSyntaxError('The document ends inside a tag', lineAt(s, lt));
    if (next === 47) { // </name>
      const name = s.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (!open) throw new XmlSyntaxError(`Unexpected </${name}>`, lineAt(s, lt));
      if (open.name !== name) throw new XmlSyntaxError(`Expected </${open.name}> but found </${name}>`, lineAt(s, lt));
      pos = gt + 1;
      continue;
    }
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    const innerEnd = selfClosing ? gt - 1 : gt;
    let nameEnd = lt + 1;
    while (nameEnd < innerEnd && !isNameEnd(s.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === lt + 1) throw new XmlSyntaxError('A tag has no name', lineAt(s, lt));
    const el: XmlElement = { name: s.slice(lt + 1, nameEnd), attrText: nameEnd < innerEnd ? s.slice(nameEnd, innerEnd) : '', children: NO_CHILDREN, text: '' };
    if (stack.length > 0) append(stack[stack.length - 1]!, el);
    else roots.push(el);
    if (!selfClosing) {
      if (stack.length >= MAX_XML_DEPTH) throw new XmlSyntaxError(`Elements nest deeper than ${MAX_XML_DEPTH} levels`, lineAt(s, lt));
      stack.push(el);
    }
    pos = gt + 1;
  }
  if (stack.length > 0) throw new XmlSyntaxError(`The document ends before </${stack[stack.length - 1]!.name}>: it is truncated`, lineAt(s, s.length));
  return roots;
}
