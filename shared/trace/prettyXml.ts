// XML laid out one element per line for the inspector's Pretty view. One pass over the text,
// no recursion and no parser state beyond the depth: server bytes may be malformed or cut in
// the middle (the tail of a long body), and the view must still come out in linear time.

const INDENT = '  ';
/** Deeper nesting is shown at this indent: the output stays in proportion to the input. */
const MAX_INDENT = 32;

function pad(depth: number): string {
  return INDENT.repeat(Math.min(depth, MAX_INDENT));
}

export function prettyXml(xml: string): string {
  const out: string[] = [];
  let depth = 0;
  /** The last line is an opening tag that text followed: its closing tag joins the line. */
  let inline = false;
  let i = 0;
  while (i < xml.length) {
    if (xml[i] !== '<') {
      const next = xml.indexOf('<', i);
      const end = next < 0 ? xml.length : next;
      const text = xml.slice(i, end);
      if (text.trim() !== '') {
        if (out.length > 0 && depth > 0 && !inline && lastOpened(out)) { out[out.length - 1] += text; inline = true; }
        else out.push(pad(depth) + text.trim());
      }
      i = end;
      continue;
    }
    const end = tagEnd(xml, i);
    const tag = xml.slice(i, end);
    i = end;
    if (tag.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      if (inline) { out[out.length - 1] += tag; inline = false; continue; }
      out.push(pad(depth) + tag);
    } else {
      inline = false;
      out.push(pad(depth) + tag);
      if (!tag.endsWith('/>') && !tag.startsWith('<?') && !tag.startsWith('<!')) depth++;
    }
  }
  return out.join('\n');
}

function lastOpened(out: string[]): boolean {
  const last = out[out.length - 1]!.trimStart();
  return last.startsWith('<') && !last.startsWith('</') && !last.startsWith('<?') && !last.startsWith('<!') && !last.endsWith('/>');
}

/** Index after the markup starting at `from` (comments, CDATA and quoted attributes included). */
function tagEnd(xml: string, from: number): number {
  if (xml.startsWith('<!--', from)) return closeAfter(xml, from + 4, '-->');
  if (xml.startsWith('<![CDATA[', from)) return closeAfter(xml, from + 9, ']]>');
  let quote = '';
  for (let i = from + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) { if (c === quote) quote = ''; } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return xml.length;
}

function closeAfter(xml: string, from: number, close: string): number {
  const at = xml.indexOf(close, from);
  return at < 0 ? xml.length : at + close.length;
}

/** Does this body look like XML (for offering the Pretty view)? */
export function looksLikeXml(contentType: string, text: string): boolean {
  return /xml/i.test(contentType) || /^\s*<(\?xml|RETS|METADATA|[A-Za-z][\w:.-]*[\s>/])/.test(text.slice(0, 200));
}
