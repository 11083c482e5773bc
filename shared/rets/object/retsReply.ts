// Whether a (small) part body is a RETS reply, and which.

import { parseAttributes, replyOf } from '../envelope';
import { findStartTag, indexOfIgnoreCase } from '../tagScan';

const decoder = new TextDecoder('utf-8');

export interface PartReply { replyCode: number; replyText: string }

/** The attribute text of the first `<RETS …>` in text; a tag cut off by the end of text runs to it. */
function retsAttributes(text: string): string | undefined {
  const tag = findStartTag(text, 'RETS');
  if (tag) return tag.attrText;
  const at = indexOfIgnoreCase(text, '<RETS');
  if (at < 0) return undefined;
  const next = text.charCodeAt(at + 5);
  return Number.isNaN(next) || next <= 0x20 || next === 0x2f ? text.slice(at + 5) : undefined;
}

/** The ReplyCode/ReplyText of a `<RETS …>` element in the body, or null when there is none. */
export function retsReplyOf(body: Uint8Array): PartReply | null {
  const attrText = retsAttributes(decoder.decode(body.subarray(0, 8192)));
  if (attrText === undefined) return null;
  return replyOf(parseAttributes(attrText));
}

/** A short text/plain body that says the object is missing ("Object not found", "No photo"). */
export function plainNotFound(body: Uint8Array): string | null {
  if (body.length > 1024) return null;
  const text = decoder.decode(body).trim();
  return /not\s+(be\s+)?found|no\s+(such\s+)?(object|photo|image)|unavailable|error/i.test(text) ? text : null;
}
