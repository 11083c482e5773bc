// The check every small RETS reply (login, logout, metadata) passes: an HTML page, a body without
// a <RETS> envelope, or a ReplyCode other than success becomes a typed error, in one place.
import { parseRetsEnvelope } from '../../shared/rets/envelope';
import { htmlInsteadOfXml, isHtmlBody, parseError, replyError } from './errors';
import type { TransportResponse } from './transport';

export interface ReplyCheck {
  /** An empty body is a success (logout may send none). */
  allowEmpty?: boolean;
  /** Reply codes that are an answer rather than a failure (20503 "no metadata found"). */
  alsoOk?: readonly number[];
}

/** Reads a small RETS reply up to `cap` bytes and checks its envelope; returns the text. */
export async function readReply(res: TransportResponse, cap: number, check: ReplyCheck = {}): Promise<string> {
  const text = await res.text(cap);
  if (isHtmlBody(res.contentType, text)) throw htmlInsteadOfXml(res.context, text, res.status);
  if (check.allowEmpty && text.trim() === '') return text;
  const env = parseRetsEnvelope(text);
  if (!env) throw parseError(res.context, text.trim() === '' ? 'The body is empty.' : 'The body holds no <RETS> reply.');
  if (env.replyCode !== 0 && !check.alsoOk?.includes(env.replyCode)) throw replyError(res.context, env.replyCode, env.replyText, res.status);
  return text;
}
