// The HTTP layer of a Web API session: one undici Agent (connect + idle timeouts), OData headers,
// the access token (renewed once on a 401), 429/503 Retry-After waited out (reported, cancellable,
// capped), quota headers, the profile's throttle, gzip/deflate/br decoded as it streams, body caps,
// and the trace with secrets removed. Bodies are pulled straight from the socket, so a consumer
// that awaits each batch slows the server down instead of filling memory.
import { pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { request, type Agent } from 'undici';
import { httpAgent } from '../rets/httpAgent';
import { ODataError, retryAfterSeconds, type ODataOperation } from '../../shared/odata/errors';
import { redactHeaders, redactUrl } from '../../shared/redact';
import { Trace, type TraceEntry } from '../rets/trace';
import { headerText, httpFailure, toODataError, tooLarge, waitTooLong, type ODataErrorContext } from './errors';
import { TokenSource } from './oauth';
import { parseQuotaHeaders, type QuotaInfo } from './quota';
import type { ODataClock, ODataSettings } from './types';

export interface ODataRequest {
  operation: ODataOperation;
  url: string;
  accept: string;
  /** `Prefer: odata.maxpagesize=N` when set. */
  maxPageSize?: number;
  /** Most decompressed body bytes accepted. */
  cap: number;
  signal?: AbortSignal;
}

export type ResponseHeaders = Record<string, string | string[] | undefined>;

export interface ODataResponse {
  status: number;
  headers: ResponseHeaders;
  contentType: string;
  context: ODataErrorContext;
  /** The decoded body as it arrives; read it once. Errors come out as ODataError. */
  body: AsyncIterable<Uint8Array>;
  /** The whole decoded body (at most the request's cap). */
  bytes(): Promise<Uint8Array>;
  /** Drop the rest of the body (frees the connection). */
  discard(): Promise<void>;
}

/** What the exchange reports while it works: a wait before a retry, the quota headers. */
export type TransportEvent =
  | { kind: 'wait'; retryAfterMs: number; status: number; attempt: number }
  | { kind: 'quota'; quota: QuotaInfo };

/** Error bodies are read this far to explain the failure. */
const ERROR_BODY_CAP = 64 * 1024;
const TOKEN_BODY_CAP = 256 * 1024;

export const realClock: ODataClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(signal.reason); return; }
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = (): void => { clearTimeout(t); reject(signal?.reason ?? new Error('aborted')); };
    signal?.addEventListener('abort', onAbort, { once: true });
  }),
};

export class ODataTransport {
  readonly tokens: TokenSource;
  /** The quota headers of the latest answer that had any. */
  lastQuota: QuotaInfo | undefined;
  private readonly agent: Agent;
  private nextSlot = 0;

  constructor(private readonly settings: ODataSettings, readonly trace: Trace<ODataOperation>, private readonly clock: ODataClock) {
    this.agent = httpAgent(settings);
    this.tokens = new TokenSource(settings.auth, (url, headers, body, logged, signal) => this.postToken(url, headers, body, logged, signal), () => clock.now());
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => this.agent.destroy());
  }

  redact(url: string): string {
    return redactUrl(url, this.tokens.secrets());
  }

  /** One request with send() semantics, its events handed to a callback. */
  async send(req: ODataRequest, onEvent?: (e: TransportEvent) => void): Promise<ODataResponse> {
    const it = this.exchange(req);
    for (;;) {
      const step = await it.next();
      if (step.done) return step.value;
      onEvent?.(step.value);
    }
  }

  /**
   * One request, its rate-limit waits and token renewal included: yields what happens on the way
   * (so a paging loop shows it as progress), returns the 2xx response, throws an ODataError otherwise.
   */
  async *exchange(req: ODataRequest): AsyncGenerator<TransportEvent, ODataResponse> {
    const ctx: ODataErrorContext = { operation: req.operation, url: this.redact(req.url) };
    if (req.signal?.aborted) throw toODataError(req.signal.reason, ctx, req.signal);
    if (!/^https?:\/\/[^/?#]/i.test(req.url)) {
      throw new ODataError({ kind: 'input', operation: req.operation, url: ctx.url, message: 'The service root is not an http(s) URL.', hint: 'Enter the service root exactly as the MLS gave it, e.g. https://api.example.com/reso/odata.' });
    }
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      await this.throttle(req.signal, ctx);
      const authorization = await this.tokens.authorization(req.signal).catch((e: unknown) => { throw toODataError(e, { operation: 'Token', url: ctx.url }, req.signal); });
      const { res, entry } = await this.once(req, ctx, authorization);
      const quota = parseQuotaHeaders(res.headers);
      if (quota) { this.lastQuota = quota; yield { kind: 'quota', quota }; }
      const status = res.statusCode;
      if (status === 401 && this.tokens.renewable && !renewed) {
        renewed = true;
        await this.drop(res, entry);
        this.tokens.invalidate();
        continue;
      }
      if (status === 429 || status === 503) {
        const waitMs = this.retryDelay(res.headers, status, attempt);
        if (waitMs !== undefined && attempt < this.settings.maxRetries) {
          if (waitMs > this.settings.maxRetryWaitMs) {
            await this.drop(res, entry);
            throw waitTooLong(ctx, status, waitMs, this.settings.maxRetryWaitMs);
          }
          await this.drop(res, entry);
          yield { kind: 'wait', retryAfterMs: waitMs, status, attempt: attempt + 1 };
          await this.clock.sleep(waitMs, req.signal).catch((e: unknown) => { throw toODataError(e, ctx, req.signal); });
          continue;
        }
      }
      const response = this.wrap(res, entry, ctx, req);
      if (status >= 200 && status < 300) return response;
      let body: Uint8Array = new Uint8Array(0);
      try { body = await readUpTo(response.body, ERROR_BODY_CAP); } catch { /* the status alone will do */ }
      throw httpFailure(ctx, status, body, res.headers, this.clock.now());
    }
  }

  /** Retry-After in ms (seconds or an HTTP date); a 429 without one backs off exponentially; a 503 without one is final. */
  private retryDelay(headers: ResponseHeaders, status: number, attempt: number): number | undefined {
    const secs = retryAfterSeconds(headerText(headers['retry-after']) || undefined, this.clock.now());
    if (secs !== undefined) return secs * 1000;
    if (status !== 429) return undefined;
    return 1000 * 2 ** attempt + Math.floor(Math.random() * 250);
  }

  private async drop(res: Awaited<ReturnType<typeof request>>, entry: TraceEntry<ODataOperation>): Promise<void> {
    await res.body.dump().catch(() => undefined);
    this.trace.end(entry);
  }

  private async once(req: ODataRequest, ctx: ODataErrorContext, authorization: string | undefined) {
    const headers: Record<string, string> = {
      ...lowerCased(this.settings.extraHeaders),
      'user-agent': this.settings.userAgent,
      accept: req.accept,
      'accept-encoding': 'gzip, deflate, br',
      'odata-maxversion': '4.01',
    };
    if (req.maxPageSize) headers.prefer = `odata.maxpagesize=${req.maxPageSize}`;
    if (authorization) headers.authorization = authorization;
    const entry = this.trace.begin({ transaction: req.operation, method: 'GET', url: ctx.url ?? '', requestHeaders: redactHeaders(headers), requestBytes: 0 });
    try {
      const res = await request(req.url, { dispatcher: this.agent, method: 'GET', headers, signal: req.signal });
      this.trace.headers(entry, res.statusCode, res.headers);
      return { res, entry };
    } catch (e) {
      const err = toODataError(e, ctx, req.signal);
      this.trace.end(entry, err.message);
      throw err;
    }
  }

  private wrap(res: Awaited<ReturnType<typeof request>>, entry: TraceEntry<ODataOperation>, ctx: ODataErrorContext, req: ODataRequest): ODataResponse {
    const trace = this.trace;
    const raw = res.body;
    const encoding = headerText(res.headers['content-encoding']).trim().toLowerCase();
    let consumed = false;
    async function* body(): AsyncGenerator<Uint8Array> {
      if (consumed) throw toODataError(new Error('The response body was read twice (internal error).'), ctx);
      consumed = true;
      let failure: string | undefined;
      const decoder = decoderFor(encoding);
      let source: Readable = raw;
      if (decoder) {
        raw.on('data', (c: Uint8Array) => { entry.bytes += c.byteLength; });
        pipeline(raw, decoder, () => { /* errors surface on the decoder's iteration */ });
        source = decoder;
      }
      let size = 0;
      try {
        for await (const chunk of source) {
          const c = chunk as Uint8Array;
          if (!decoder) entry.bytes += c.byteLength;
          size += c.byteLength;
          if (size > req.cap) throw tooLarge(ctx, req.cap);
          yield c;
        }
      } catch (e) {
        const err = toODataError(e, ctx, req.signal);
        failure = err.message;
        throw err;
      } finally {
        // Early exit (consumer stopped, limit reached, error): release the socket instead of draining it.
        if (!raw.readableEnded) raw.destroy();
        decoder?.destroy();
        trace.end(entry, failure);
      }
    }
    const iterable: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => body() };
    return {
      status: res.statusCode,
      headers: res.headers,
      contentType: headerText(res.headers['content-type']),
      context: ctx,
      body: iterable,
      bytes: () => readUpTo(iterable, req.cap, () => { throw tooLarge(ctx, req.cap); }),
      discard: async () => {
        if (consumed) return;
        consumed = true;
        await raw.dump().catch(() => undefined);
        trace.end(entry);
      },
    };
  }

  /** A token request (form POST), traced with the form's secrets removed; the answer read whole (small). */
  private async postToken(url: string, headers: Record<string, string>, body: string, loggedBody: string, signal?: AbortSignal) {
    const ctx: ODataErrorContext = { operation: 'Token', url: this.redact(url) };
    const sent = { ...headers, 'user-agent': this.settings.userAgent };
    const entry = this.trace.begin({
      transaction: 'Token', method: 'POST', url: ctx.url ?? '', requestHeaders: redactHeaders(sent),
      requestBytes: Buffer.byteLength(body), requestBody: loggedBody,
    });
    let failure: string | undefined;
    try {
      const res = await request(url, { dispatcher: this.agent, method: 'POST', headers: sent, body, signal });
      this.trace.headers(entry, res.statusCode, res.headers);
      const bytes = await readUpTo(res.body, TOKEN_BODY_CAP);
      entry.bytes = bytes.byteLength;
      const flat: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = headerText(v);
      return { status: res.statusCode, headers: flat, body: bytes };
    } catch (e) {
      const err = toODataError(e, ctx, signal);
      failure = err.message;
      throw err;
    } finally {
      this.trace.end(entry, failure);
    }
  }

  private async throttle(signal: AbortSignal | undefined, ctx: ODataErrorContext): Promise<void> {
    const perMinute = this.settings.throttlePerMinute;
    if (!perMinute || perMinute <= 0) return;
    const gap = 60_000 / perMinute;
    const now = this.clock.now();
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + gap;
    if (at > now) await this.clock.sleep(at - now, signal).catch((e: unknown) => { throw toODataError(e, ctx, signal); });
  }
}

function lowerCased(h: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) out[k.toLowerCase()] = v;
  return out;
}

function decoderFor(encoding: string): Transform | undefined {
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  if (encoding === 'br') return createBrotliDecompress();
  return undefined;
}

/** Every chunk up to `cap` bytes; past it, `over()` decides (default: stop reading there). */
async function readUpTo(source: AsyncIterable<Uint8Array>, cap: number, over?: () => never): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    if (size + chunk.byteLength > cap) {
      if (over) over();
      parts.push(chunk.subarray(0, cap - size));
      size = cap;
      break;
    }
    parts.push(chunk);
    size += chunk.byteLength;
  }
  return Buffer.concat(parts, size);
}
