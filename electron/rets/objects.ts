// GetObject: the body (one object, or multipart/parallel) goes through the shared streaming object
// parser as it arrives; each object is yielded as soon as its part is complete. A part carrying a
// RETS error (20403 for one photo…) is an error item, not a failure of the whole request.
import { RetsError, isRetsError, type RetsErrorInfo } from '../../shared/rets/errors';
import { createObjectParser } from '../../shared/rets/object/multipart';
import type { ObjectEvent, ObjectHeaders } from '../../shared/rets/object/types';
import { isEmptyResultCode } from '../../shared/rets/replyCodes';
import type { SessionCore } from './core';
import { htmlInsteadOfXml, isHtmlBody, parseError, replyError, transportError, type ErrorContext } from './errors';
import { headerText, type TransportResponse } from './transport';
import type { GetObjectParams } from './types';

export interface RetsObject {
  kind: 'object';
  /** Content-ID: the resource key (listing id). */
  contentId: string;
  /** Object-ID: 1..n, 0 = preferred. */
  objectId: string;
  contentType: string;
  description?: string;
  subDescription?: string;
  /** Location=1: where the object lives (no bytes then). */
  location?: string;
  preferred: boolean;
  /** RETS 1.8 ObjectData headers. */
  objectData: Record<string, string>;
  /** Every header of the object (part), lower-case names. */
  headers: Record<string, string>;
  data: Uint8Array;
}

export interface RetsObjectError {
  kind: 'error';
  contentId: string;
  objectId: string;
  error: RetsErrorInfo;
}

export type ObjectItem = RetsObject | RetsObjectError;

/** One object larger than this is refused rather than held in memory. */
export const OBJECT_CAP = 256 * 1024 * 1024;

export function objectIds(ids: string | string[]): string {
  return (Array.isArray(ids) ? ids : [ids]).map((s) => s.trim()).filter(Boolean).join(',');
}

export async function* fetchObjects(core: SessionCore, params: GetObjectParams, signal?: AbortSignal): AsyncGenerator<ObjectItem> {
  for (let attempt = 0; ; attempt++) {
    let yielded = false;
    try {
      for await (const item of objectsOnce(core, params, signal)) {
        yielded = true;
        yield item;
      }
      return;
    } catch (e) {
      if (yielded || !core.shouldRelogin(e, attempt)) throw e;
      await core.relogin(signal);
    }
  }
}

async function* objectsOnce(core: SessionCore, params: GetObjectParams, signal?: AbortSignal): AsyncGenerator<ObjectItem> {
  const id = objectIds(params.ids);
  const url = core.capabilityUrl('GetObject', 'GetObject');
  const res = await core.open({
    transaction: 'GetObject', url, accept: params.accept ?? '*/*', signal,
    params: { Resource: params.resource, Type: params.type, ID: id, Location: params.location === undefined ? undefined : String(params.location) },
  });
  const ctx = res.context;
  const [firstKey = '', firstId = ''] = id.split(',')[0].split(':');
  const fallback = { contentId: firstKey, objectId: firstId };
  const parser = guard(ctx, () => createObjectParser(res.contentType || 'application/octet-stream', plainHeaders(res)));
  const parts = new Map<number, { headers: ObjectHeaders; chunks: Uint8Array[]; size: number }>();
  let first = true;

  const handle = function* (events: ObjectEvent[]): Generator<ObjectItem> {
    for (const ev of events) {
      if (signal?.aborted) throw transportError(signal.reason, ctx, signal);
      switch (ev.kind) {
        case 'part-start':
          parts.set(ev.index, { headers: ev.headers, chunks: [], size: 0 });
          break;
        case 'data': {
          const p = parts.get(ev.index);
          if (!p) break;
          p.size += ev.chunk.byteLength;
          if (p.size > OBJECT_CAP) throw parseError(ctx, `An object is larger than ${OBJECT_CAP / 1048576} MB.`);
          p.chunks.push(ev.chunk);
          break;
        }
        case 'part-end': {
          const p = parts.get(ev.index);
          parts.delete(ev.index);
          if (p) yield toObject(p.headers, p.chunks, p.size, fallback);
          break;
        }
        case 'object-error': {
          parts.delete(ev.index);
          const code = ev.replyCode ?? -1;
          // A whole-request failure other than "no object found" is the request's failure.
          if (ev.whole && !isEmptyResultCode(code)) throw replyError(ctx, code, ev.replyText, res.status);
          const error = ev.replyCode !== undefined
            ? replyError(ctx, ev.replyCode, ev.replyText).info
            : parseError(ctx, ev.replyText || 'The server sent an error instead of this object.').info;
          yield { kind: 'error', contentId: ev.headers.contentId ?? fallback.contentId, objectId: ev.headers.objectId ?? fallback.objectId, error };
          break;
        }
        case 'warning':
          break;
      }
    }
  };

  for await (const chunk of res.body) {
    if (first) {
      first = false;
      const head = new TextDecoder().decode(chunk.subarray(0, 1024));
      if (!/^multipart\//i.test(res.contentType) && isHtmlBody(res.contentType, head)) throw htmlInsteadOfXml(ctx, head, res.status);
    }
    yield* handle(guard(ctx, () => parser.push(chunk)));
  }
  yield* handle(guard(ctx, () => parser.end()));
}

function toObject(h: ObjectHeaders, chunks: Uint8Array[], size: number, fallback: { contentId: string; objectId: string }): RetsObject {
  const data = chunks.length === 1 ? chunks[0] : concat(chunks, size);
  return {
    kind: 'object',
    contentId: h.contentId ?? fallback.contentId,
    objectId: h.objectId ?? fallback.objectId,
    contentType: h.contentType ?? 'application/octet-stream',
    description: h.contentDescription,
    subDescription: h.contentSubDescription,
    location: h.location || undefined,
    preferred: h.preferred ?? false,
    objectData: h.objectData,
    headers: h.all,
    data,
  };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.byteLength; }
  return out;
}

/** HTTP headers for the parser (it takes Content-Type separately). */
function plainHeaders(res: TransportResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && k.toLowerCase() !== 'content-type') out[k] = headerText(v);
  return out;
}

/** Parser failures become this request's typed error. */
function guard<T>(ctx: ErrorContext, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isRetsError(e)) throw new RetsError({ ...e.info, transaction: ctx.transaction, url: ctx.url }, { cause: e });
    throw parseError(ctx, `The GetObject response could not be read: ${(e as Error).message}`, e);
  }
}

