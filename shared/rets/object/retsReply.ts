// Whether a (small) part body is a RETS reply, and which.

const decoder = new TextDecoder('utf-8');

export interface PartReply { replyCode: number; replyText: string }

/** The ReplyCode/ReplyText of a `<RETS …>` element in the body, or null when there is none. */
export function retsReplyOf(body: Uint8Array): PartReply | null {
  const text = decoder.decode(body.subarray(0, 8192));
  const m = /<RETS\b([^>]*)>?/i.exec(text);
  if (!m) return null;
  const code = /replycode\s*=\s*["']?\s*(-?\d+)/i.exec(m[1]);
  const msg = /replytext\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(m[1]);
  return { replyCode: code ? Number(code[1]) : -1, replyText: msg ? (msg[1] ?? msg[2] ?? '') : '' };
}

/** A short text/plain body that says the object is missing ("Object not found", "No photo"). */
export function plainNotFound(body: Uint8Array): string | null {
  if (body.length > 1024) return null;
  const text = decoder.decode(body).trim();
  return /not\s+(be\s+)?found|no\s+(such\s+)?(object|photo|image)|unavailable|error/i.test(text) ? text : null;
}
