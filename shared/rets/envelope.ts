// The <RETS ReplyCode=".." ReplyText=".."> envelope every RETS response is wrapped in, found
// tolerantly: any attribute order or case, single quotes, an odd XML declaration, BOM, blanks.

import { RetsError, type RetsTransaction } from './errors';
import { replyCodeInfo } from './replyCodes';
import { findEndTag, findStartTag, scanAttributes } from './tagScan';
import { decodeXmlEntities } from './text';

export interface RetsEnvelope {
  replyCode: number;
  replyText: string;
  /** Every attribute of the element, names as sent, values entity-decoded. */
  attributes: Record<string, string>;
}

/** Attributes of one start tag's attribute text. */
export function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  scanAttributes(text, (name, value) => { attrs[name] = decodeXmlEntities(value); });
  return attrs;
}

/** Case-insensitive attribute lookup. */
export function attr(attrs: Record<string, string>, name: string): string | undefined {
  if (name in attrs) return attrs[name];
  const lower = name.toLowerCase();
  for (const k in attrs) if (k.toLowerCase() === lower) return attrs[k];
  return undefined;
}

/**
 * ReplyCode and ReplyText of a <RETS>, <RETS-STATUS> or part reply's attributes (names in any
 * case); the code is -1 when missing or not a number. Every reader of a reply goes through here.
 */
export function replyOf(attrs: Record<string, string>): { replyCode: number; replyText: string } {
  const code = Number.parseInt((attr(attrs, 'ReplyCode') ?? '').trim(), 10);
  return { replyCode: Number.isFinite(code) ? code : -1, replyText: attr(attrs, 'ReplyText') ?? '' };
}

function envelopeOf(attrText: string): RetsEnvelope | undefined {
  const attributes = parseAttributes(attrText);
  const reply = replyOf(attributes);
  return reply.replyCode < 0 ? undefined : { ...reply, attributes };
}

/** The reply code, text and attributes of the (first) <RETS> element, or undefined. */
export function parseRetsEnvelope(text: string): RetsEnvelope | undefined {
  // <RETS followed by a blank, "/" or ">" (so <RETS-RESPONSE>, <RETS-STATUS>, <RETSPayloadList> are not it).
  const tag = findStartTag(text, 'RETS');
  return tag ? envelopeOf(tag.attrText) : undefined;
}

/** The last <RETS-STATUS> element (a status known only after streaming began), or undefined. */
export function findRetsStatus(text: string): RetsEnvelope | undefined {
  let found: RetsEnvelope | undefined;
  for (let tag = findStartTag(text, 'RETS-STATUS'); tag; tag = findStartTag(text, 'RETS-STATUS', tag.end)) {
    found = envelopeOf(tag.attrText) ?? found;
  }
  return found;
}

/** True when the text is an HTML page (a Tomcat/IIS error or a proxy's block page). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  return /<html[\s>]/.test(head) && !/<rets[\s/>]/.test(head);
}

/** How much of a page is read for its summary: a title or heading is near the top. */
export const SUMMARY_SCAN_CHARS = 64 * 1024;

/** The text of the first <name>…</name> element in text (markup inside removed), or undefined. */
function elementText(text: string, name: string): string | undefined {
  const open = findStartTag(text, name);
  if (!open || open.selfClosing) return undefined;
  const close = findEndTag(text, name, open.end);
  return close < 0 ? undefined : stripTags(text.slice(open.end, close));
}

/** Text with every `<…>` tag replaced by a blank; a `<` that never closes stays as text. */
function stripTags(text: string): string {
  let out = '';
  let pos = 0;
  for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', pos)) {
    const gt = text.indexOf('>', lt + 1);
    if (gt < 0) break;
    out += text.slice(pos, lt) + ' ';
    pos = gt + 1;
  }
  return out + text.slice(pos);
}

/** The title of an HTML page (from its first 64 KB), single-line, or undefined. */
export function htmlTitle(text: string): string | undefined {
  const title = elementText(text.slice(0, SUMMARY_SCAN_CHARS), 'title');
  const line = title === undefined ? '' : decodeXmlEntities(title.replace(/\s+/g, ' ').trim());
  return line ? line.slice(0, 160) : undefined;
}

/** A short, single-line excerpt of an HTML page's title or text, for error messages. */
export function htmlSummary(text: string): string {
  const head = text.slice(0, SUMMARY_SCAN_CHARS);
  const raw = elementText(head, 'title')?.trim() || elementText(head, 'h1')?.trim() || stripTags(head);
  return decodeXmlEntities(raw.replace(/\s+/g, ' ').trim()).slice(0, 160);
}

/**
 * A typed error for a response whose envelope is not success: a non-zero ReplyCode
 * (kind 'rets', with the catalogue's cause and hint), or no envelope at all (kind 'parse').
 */
export function envelopeError(
  transaction: RetsTransaction,
  env: RetsEnvelope | undefined,
  httpStatus?: number,
  url?: string,
): RetsError {
  if (!env) {
    return new RetsError({
      kind: 'parse', transaction, httpStatus, url,
      message: `${transaction} response has no <RETS> element with a ReplyCode.`,
      cause: 'The server sent something other than a RETS reply (an HTML page, an empty or truncated body).',
      hint: 'Check the URL points at the RETS server, and look at the raw response in the log panel.',
    });
  }
  const info = replyCodeInfo(env.replyCode);
  return new RetsError({
    kind: 'rets', transaction, httpStatus, url,
    replyCode: env.replyCode,
    replyText: env.replyText,
    message: `${transaction} failed: RETS ${env.replyCode} (${info.name}).`,
    cause: info.meaning,
    hint: info.action,
  });
}
