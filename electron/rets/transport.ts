// The HTTP layer of a session: one undici Agent (connect + idle timeouts), a cookie jar, RETS
// headers, RETS-UA-Authorization, HTTP auth answering 401s, throttling, the trace, and error
// mapping. Bodies are handed out as async iterables pulled straight from the socket, so a slow
// consumer slows the server down instead of filling memory.
import { request, type Agent } from 'undici';
import { httpAgent } from './httpAgent';
import { CookieJar } from 'tough-cookie';
import type { RetsTransaction } from '../../shared/rets/errors';
import { decodeBody } from '../../shared/rets/text';
import { parseRetsEnvelope } from '../../shared/rets/envelope';
import { Authenticator } from './auth';
import { httpError, parseError, transportError, type ErrorContext } from './errors';
import { isSecretName, redactForm, redactHeaders, redactText, redactUrl } from '../../shared/redact';
import { BodyCapture, WHOLE_BYTES } from './bodyCapture';
import { Trace, type TraceEntry } from './trace';
import type { ConnectionSettings } from './types';
import { uaAuthorizationHeader } from './uaAuth';

export interface TransportRequest {
  transaction: RetsTransaction;
  url: string;
  /** RETS arguments: query string for GET, form body for POST. Undefined values are left out. */
  params?: Record<string, string | number | undefined>;
  accept?: string;
  signal?: AbortSignal;
  /** Force GET (the Action URL is always fetched with GET). */
  method?: 'GET' | 'POST';
}

export type ResponseHeaders = Record<string, string | string[] | undefined>;

export interface TransportResponse {
  status: number;
  headers: ResponseHeaders;
  contentType: string;
  /** Redacted request URL (for errors). */
  url: string;
  context: ErrorContext;
  /** The body as it arrives; read it once. Errors come out as RetsError. */
  body: AsyncIterable<Uint8Array>;
  /** Read the whole body (at most `cap` bytes, else a parse error). */
  bytes(cap?: number): Promise<Uint8Array>;
  /** Read the whole body as text (declared charset, else UTF-8, else Windows-1252). */
  text(cap?: number): Promise<string>;
  /** Drop the rest of the body (frees the connection). */
  discard(): Promise<void>;
}

/** Login, metadata and error bodies are read whole up to this size. */
export const DEFAULT_TEXT_CAP = 64 * 1024 * 1024;
const SESSION_COOKIE = /^RETS-Session-ID$/i;

export class Transport {
  readonly jar = new CookieJar(undefined, { looseMode: true });
  readonly auth: Authenticator;
  private readonly agent: Agent;
  private nextSlot = 0;

  constructor(private readonly settings: ConnectionSettings, readonly trace: Trace) {
    this.auth = new Authenticator(settings);
    this.agent = httpAgent(settings);
  }

  /** The RETS-Session-ID cookie that would be sent to this URL ('' when none). */
  sessionId(url: string): string {
    try {
      const c = this.jar.getCookiesSync(url).find((k) => SESSION_COOKIE.test(k.key));
      return c?.value ?? '';
    } catch {
      return '';
    }
  }

  /** Strings to strip from anything logged. */
  secrets(url: string): string[] {
    return [this.settings.password, this.settings.uaPassword ?? '', this.sessionId(url)].filter((s) => s.length > 0);
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => this.agent.destroy());
  }

  /** Send one request, answering auth challenges; resolves when headers arrive. */
  async send(req: TransportRequest): Promise<TransportResponse> {
    const method = req.method ?? this.settings.method;
    const { url, form } = buildTarget(req.url, req.params, method);
    const ctx: ErrorContext = { transaction: req.transaction, url: redactUrl(url, this.secrets(url)) };
    if (req.signal?.aborted) throw transportError(req.signal.reason, ctx, req.signal);
    await this.throttle(req.signal, ctx);
    for (let attempt = 0; ; attempt++) {
      const { res, entry, sent } = await this.once(req, method, url, form, ctx);
      if (res.statusCode === 401 && attempt < 2 && this.auth.challenge(res.headers['www-authenticate'], sent)) {
        await res.body.dump().catch(() => undefined);
        this.trace.end(entry);
        continue;
      }
      return this.wrap(res, entry, { ...ctx }, req.signal);
    }
  }

  private async once(req: TransportRequest, method: string, url: string, form: string | undefined, ctx: ErrorContext) {
    const u = new URL(url);
    const headers: Record<string, string> = {
      'user-agent': this.settings.userAgent,
      'rets-version': this.settings.retsVersion,
      accept: req.accept ?? '*/*',
    };
    const cookie = this.jar.getCookieStringSync(url);
    if (cookie) headers.cookie = cookie;
    if (this.settings.uaPassword) {
      headers['rets-ua-authorization'] = uaAuthorizationHeader({
        userAgent: this.settings.userAgent, uaPassword: this.settings.uaPassword,
        sessionId: this.sessionId(url), retsVersion: this.settings.retsVersion,
      });
    }
    const authorization = this.auth.authorization(method, u.pathname + u.search);
    if (authorization) headers.authorization = authorization;
    if (form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const secrets = this.secrets(url);
    const withheld = carriesSecrets(req.params, secrets);
    const entry = this.trace.begin({
      transaction: req.transaction, method, url: ctx.url ?? '', requestHeaders: redactHeaders(headers),
      requestBytes: form ? Buffer.byteLength(form) : 0,
      ...(withheld ? { bodyWithheld: 'it carries credentials' } : form ? { requestBody: redactForm(form, secrets) } : {}),
    });
    // Sessions outside the host's log (the doctor, a profile test) have no entry to point to.
    if (this.trace.logged) ctx.traceId = entry.id;
    try {
      const res = await request(url, { dispatcher: this.agent, method: method as 'GET' | 'POST', headers, body: form, signal: req.signal });
      this.trace.headers(entry, res.statusCode, res.headers);
      // Searches and objects can be any size: their first and last 64 KB are enough to argue with.
      const whole = req.transaction === 'Search' || req.transaction === 'GetObject' ? 0 : WHOLE_BYTES;
      if (!withheld) entry.capture = new BodyCapture(headerText(res.headers['content-type']), whole);
      // A login's answer may quote the session id (a ;jsessionid= in a capability URL) or more.
      if (req.transaction === 'Login') entry.capture?.filterText((t) => redactText(t, this.secrets(url)));
      this.storeCookies(url, res.headers['set-cookie']);
      return { res, entry, sent: authorization !== undefined };
    } catch (e) {
      const err = transportError(e, ctx, req.signal);
      this.trace.end(entry, err.message);
      throw err;
    }
  }

  private storeCookies(url: string, setCookie: string | string[] | undefined): void {
    if (!setCookie) return;
    for (const c of Array.isArray(setCookie) ? setCookie : [setCookie]) {
      try { this.jar.setCookieSync(c, url, { ignoreError: true }); } catch { /* a malformed cookie is ignored */ }
    }
  }

  private wrap(res: Awaited<ReturnType<typeof request>>, entry: TraceEntry, ctx: ErrorContext, signal?: AbortSignal): TransportResponse {
    const trace = this.trace;
    const raw = res.body;
    let consumed = false;
    async function* body(): AsyncGenerator<Uint8Array> {
      if (consumed) throw parseError(ctx, 'The response body was read twice (internal error).');
      consumed = true;
      let failure: string | undefined;
      try {
        const capture = entry.capture;
        for await (const chunk of raw) {
          entry.bytes += (chunk as Uint8Array).byteLength;
          capture?.push(chunk as Uint8Array);
          yield chunk as Uint8Array;
        }
      } catch (e) {
        const err = transportError(e, ctx, signal);
        failure = err.message;
        throw err;
      } finally {
        // Early exit (consumer stopped, error): release the socket instead of draining it.
        if (!raw.readableEnded) raw.destroy();
        trace.end(entry, failure);
      }
    }
    const iterable: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => body() };
    const bytes = async (cap = DEFAULT_TEXT_CAP): Promise<Uint8Array> => {
      const parts: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of iterable) {
        size += chunk.byteLength;
        if (size > cap) throw parseError(ctx, `The response is larger than ${Math.round(cap / 1048576)} MB, more than this transaction should ever send.`);
        parts.push(chunk);
      }
      return Buffer.concat(parts, size);
    };
    return {
      status: res.statusCode,
      headers: res.headers,
      contentType: headerText(res.headers['content-type']),
      url: ctx.url ?? '',
      context: ctx,
      body: iterable,
      bytes,
      text: async (cap) => decodeBody(await bytes(cap), headerText(res.headers['content-type'])),
      discard: async () => {
        if (!consumed) {
          consumed = true;
          await raw.dump().catch(() => undefined);
          trace.end(entry);
        }
      },
    };
  }

  private async throttle(signal: AbortSignal | undefined, ctx: ErrorContext): Promise<void> {
    const perMinute = this.settings.throttlePerMinute;
    if (!perMinute || perMinute <= 0) return;
    const gap = 60_000 / perMinute;
    const now = Date.now();
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + gap;
    if (at > now) await sleep(at - now, signal).catch((e) => { throw transportError(e, ctx, signal); });
  }
}

/** Raise an HTTP error for a non-2xx response, reading a little of the body to explain it. */
export async function failOnHttpStatus(res: TransportResponse, uaPasswordSet: boolean): Promise<void> {
  if (res.status >= 200 && res.status < 300) return;
  let body = '';
  try { body = await res.text(256 * 1024); } catch { /* the status alone will do */ }
  const env = parseRetsEnvelope(body);
  throw httpError(res.status, res.context, {
    body, contentType: res.contentType, replyCode: env?.replyCode, replyText: env?.replyText, uaPasswordSet,
    retryAfter: headerText(res.headers['retry-after']) || undefined,
  });
}

/** A form naming a secret field, or sending a known secret as a value: its bodies are not kept. */
function carriesSecrets(params: TransportRequest['params'], secrets: string[]): boolean {
  return Object.entries(params ?? {}).some(([k, v]) => v !== undefined && (isSecretName(k) || secrets.includes(String(v))));
}

function buildTarget(base: string, params: TransportRequest['params'], method: string): { url: string; form?: string } {
  const u = new URL(base);
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined) form.append(k, String(v));
  if (method === 'POST') return { url: u.toString(), form: form.toString() };
  for (const [k, v] of form) u.searchParams.append(k, v);
  return { url: u.toString() };
}

export function headerText(v: string | string[] | undefined): string {
  return Array.isArray(v) ? v.join(', ') : (v ?? '');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = (): void => { clearTimeout(t); reject(signal?.reason ?? new Error('aborted')); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
