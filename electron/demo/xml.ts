// XML text helpers for RETS bodies.
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const NEEDS = /[&<>"]/;

/** Escapes text for element content and attribute values; also drops control characters XML forbids. */
export function esc(s: string): string {
  if (!NEEDS.test(s)) return s;
  return s.replace(/[&<>"]/g, (c) => ESC[c]);
}

export function replyXml(code: number, text: string, inner = ''): string {
  if (!inner) return `<?xml version="1.0" encoding="UTF-8"?>\r\n<RETS ReplyCode="${code}" ReplyText="${esc(text)}" />\r\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>\r\n<RETS ReplyCode="${code}" ReplyText="${esc(text)}">\r\n${inner}</RETS>\r\n`;
}

/** RFC 1123 date as RETS 1.5 servers send metadata dates. */
export function rfc1123(iso: string): string {
  return new Date(iso).toUTCString();
}
