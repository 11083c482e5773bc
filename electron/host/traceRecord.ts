// One exchange in three shapes: the wire entry (as the trace saw it) becomes a stored record and
// its kept bytes; a stored record becomes the inspector's detail (text decoded for display) or a
// saved response laid out as `curl -i` writes one (status line, headers, blank line, body).
import { STATUS_CODES } from 'node:http';
import type { TraceDetail, TraceEntry } from '../../shared/contract';
import { parseRetsEnvelope } from '../../shared/rets/envelope';
import { RetsTransaction } from '../../shared/rets/errors';
import { decodeBody } from '../../shared/rets/text';
import type { CapturedBody } from '../rets/bodyCapture';
import type { TraceEntry as WireEntry } from '../rets/trace';
import type { TraceRecord } from './traceRing';

const WITHHELD = 'body not kept: it carries credentials';
/** Where the <RETS> envelope is looked for. */
const ENVELOPE_BYTES = 4096;
/** What the inspector shows of each end of a body. */
const SHOWN_BYTES = 64 * 1024;

/** The stored record (summary, headers, body facts) and the kept bytes (head then tail). */
export function toRecord(profileId: string, e: Readonly<WireEntry<string>>, captured: CapturedBody | undefined): { record: TraceRecord; body: Uint8Array } {
  const entry: TraceEntry = {
    id: e.id,
    profileId,
    transaction: e.transaction,
    method: e.method,
    url: e.url,
    ...(e.status !== undefined ? { status: e.status } : {}),
    startedAt: new Date(e.timing.start).toISOString(),
    ...(e.timing.end !== undefined ? { durationMs: e.timing.end - e.timing.start } : {}),
    bytes: e.bytes,
    requestHeaders: { ...e.requestHeaders },
    responseHeaders: { ...(e.responseHeaders ?? {}) },
    // A Web API operation (Query, Token…) names no RETS transaction.
    ...(e.error ? { error: { kind: 'network', transaction: RetsTransaction.safeParse(e.transaction).data ?? 'Other', message: e.error, traceId: e.id } } : {}),
  };
  const head = captured?.head ?? new Uint8Array(0);
  const tail = captured?.tail ?? new Uint8Array(0);
  // The RETS reply code, so a refusal inside an HTTP 200 shows as failed in the list.
  const contentType = entry.responseHeaders['content-type'] ?? '';
  const env = isBinary(contentType, head) ? undefined : parseRetsEnvelope(decodeBody(head.subarray(0, ENVELOPE_BYTES), contentType));
  if (env) { entry.replyCode = env.replyCode; entry.replyText = env.replyText; }
  const body = new Uint8Array(head.byteLength + tail.byteLength);
  body.set(head);
  body.set(tail, head.byteLength);
  const record: TraceRecord = {
    entry,
    ...(e.status !== undefined && STATUS_CODES[e.status] ? { statusText: STATUS_CODES[e.status] } : {}),
    ...(e.requestBody !== undefined ? { requestBody: e.requestBody } : {}),
    ...(e.bodyWithheld ? { bodyWithheld: e.bodyWithheld } : {}),
    body: {
      total: captured?.total ?? e.bytes,
      contentType,
      headBytes: head.byteLength,
      tailBytes: tail.byteLength,
      ...(captured?.parts ? { parts: captured.parts, partCount: captured.partCount } : {}),
    },
  };
  return { record, body };
}

/**
 * Text for display: at most the first and last 64 KB of what was kept (a metadata dump is kept
 * whole for saving, but the renderer holds only what it shows). Binary bodies are described.
 */
export function toDetail(record: TraceRecord, bytes: Uint8Array): TraceDetail {
  const b = record.body;
  const keptBytes = record.bodyWithheld ? 0 : b.headBytes + b.tailBytes;
  const head = bytes.subarray(0, Math.min(SHOWN_BYTES, keptBytes));
  const tail = keptBytes > SHOWN_BYTES ? bytes.subarray(Math.max(SHOWN_BYTES, keptBytes - SHOWN_BYTES), keptBytes) : new Uint8Array(0);
  const binary = isBinary(b.contentType, head);
  const kept = record.bodyWithheld ? 'none' : keptBytes < b.total ? 'head-tail' : 'whole';
  const text = !binary && kept !== 'none';
  return {
    ...record.entry,
    ...(record.statusText ? { statusText: record.statusText } : {}),
    ...(record.requestBody !== undefined ? { requestBody: record.requestBody } : {}),
    ...(record.bodyWithheld ? { requestBodyNote: WITHHELD } : {}),
    body: {
      total: b.total, kept, keptBytes, contentType: b.contentType, binary,
      ...(record.bodyWithheld ? { note: WITHHELD } : {}),
      head: text ? decodeBody(head, b.contentType) : '',
      tail: text ? decodeBody(skipContinuation(tail), b.contentType) : '',
      headBytes: head.byteLength, tailBytes: tail.byteLength,
      ...(b.parts ? { parts: b.parts, partCount: b.partCount ?? b.parts.length } : {}),
    },
  };
}

/** The response as `curl -i` saves it; a body kept only in part says so in a header and between the parts. */
export function savedResponse(record: TraceRecord, bytes: Uint8Array): Uint8Array {
  const b = record.body;
  const lines = [`HTTP/1.1 ${record.entry.status ?? 0} ${record.statusText ?? ''}`.trimEnd()];
  for (const [k, v] of Object.entries(record.entry.responseHeaders)) lines.push(`${k}: ${v}`);
  const cut = b.headBytes + b.tailBytes < b.total;
  if (record.bodyWithheld) lines.push(`x-rets-workbench-note: ${WITHHELD}`);
  else if (cut) lines.push(`x-rets-workbench-kept: first ${b.headBytes} and last ${b.tailBytes} of ${b.total} bytes`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  if (!cut) return Buffer.concat([head, bytes]);
  const gap = Buffer.from(`\n\n[${b.total - b.headBytes - b.tailBytes} bytes not kept]\n\n`, 'latin1');
  return Buffer.concat([head, bytes.subarray(0, b.headBytes), gap, bytes.subarray(b.headBytes)]);
}

/** A file name for a saved response: transaction, entry id, .http. */
export function savedName(record: TraceRecord): string {
  return `${record.entry.transaction.toLowerCase()}-${record.entry.id}.http`;
}

function isBinary(contentType: string, head: Uint8Array): boolean {
  if (/^\s*(image|video|audio|multipart)\//i.test(contentType) || /octet-stream|zip|pdf/i.test(contentType)) return true;
  const n = Math.min(head.byteLength, 4096);
  for (let i = 0; i < n; i++) if (head[i] === 0) return true;
  return false;
}

/** A tail cut mid-character: UTF-8 continuation bytes at its start are dropped. */
function skipContinuation(b: Uint8Array): Uint8Array {
  let i = 0;
  while (i < 3 && i < b.length && (b[i]! & 0xc0) === 0x80) i++;
  return b.subarray(i);
}
