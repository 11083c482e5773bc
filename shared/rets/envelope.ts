// The <RETS ReplyCode=".." ReplyText=".."> envelope every RETS response is wrapped in, found
// tolerantly: any attribute order or case, single quotes, an odd XML declaration, BOM, blanks.

import { RetsError, type RetsTransaction } from './errors';
import { replyCodeInfo } from './replyCodes';
import { decodeXmlEntities } from './text';

export interface RetsEnvelope {
  replyCode: number;
  replyText: string;
  /** Every attribute of the element, names as sent, values entity-decoded. */
  attributes: Record<string, string>;
}

const ATTR = /([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/]+))/g;

/** Attributes of one start tag's attribute text. */
export function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(ATTR)) attrs[m[1]!] = decodeXmlEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

/** Case-insensitive attribute lookup. */
export function attr(attrs: Record<string, string>, name: string): string | undefined {
  if (name in attrs) return attrs[name];
  const lower = name.toLowerCase();
  for (const k in attrs) if (k.toLowerCase() === lower) return attrs[k];
  return undefined;
}

function envelopeOf(attrText: string): RetsEnvelope | undefined {
  const attributes = parseAttributes(attrText);
  const codeText = attr(attributes, 'ReplyCode');
  if (codeText === undefined) return undefined;
  const replyCode = Number.parseInt(codeText.trim(), 10);
  if (!Number.isFinite(replyCode)) return undefined;
  return { replyCode, replyText: attr(attributes, 'ReplyText') ?? '', attributes };
}

// <RETS followed by a blank, "/" or ">" (so <RETS-RESPONSE>, <RETS-STATUS>, <RETSPayloadList> are not it).
const RETS_OPEN = /<RETS(?=[\s/>])((?:"[^"]*"|'[^']*'|[^>"'])*)>/i;
const RETS_STATUS = /<RETS-STATUS(?=[\s/>])((?:"[^"]*"|'[^']*'|[^>"'])*)>/gi;

/** The reply code, text and attributes of the (first) <RETS> element, or undefined. */
export function parseRetsEnvelope(text: string): RetsEnvelope | undefined {
  const m = RETS_OPEN.exec(text);
  return m ? envelopeOf(m[1]!) : undefined;
}

/** The last <RETS-STATUS> element (a status known only after streaming began), or undefined. */
export function findRetsStatus(text: string): RetsEnvelope | undefined {
  let found: RetsEnvelope | undefined;
  for (const m of text.matchAll(RETS_STATUS)) found = envelopeOf(m[1]!) ?? found;
  return found;
}

/** True when the text is an HTML page (a Tomcat/IIS error or a proxy's block page). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  return /<html[\s>]/.test(head) && !/<rets[\s/>]/.test(head);
}

/** A short, single-line excerpt of an HTML page's title or text, for error messages. */
export function htmlSummary(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text)?.[1];
  const raw = (title || h1 || text.replace(/<[^>]*>/g, ' ')).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return decodeXmlEntities(raw).slice(0, 160);
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
