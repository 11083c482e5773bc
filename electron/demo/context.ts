// What one request carries through the server: parsed arguments, the account and session, and
// helpers that send RETS replies with the headers every RETS response has.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import type { DemoAccount } from './accounts';
import type { Authenticator } from './auth';
import type { DemoResource } from './catalog';
import type { Dataset } from './dataset';
import type { Sessions, Session } from './sessions';
import type { WebApiState } from './webapi/handler';
import { replyXml } from './xml';

export interface ServerState {
  ds: Dataset;
  catalog: DemoResource[];
  metadata: RetsMetadata;
  auth: Authenticator;
  sessions: Sessions;
  /** http://127.0.0.1:PORT, known once listening. */
  baseUrl: string;
  /** Server row cap per search (MAXROWS beyond it). */
  maxRows: number;
  /** Failure-mode settings (tests shorten them). */
  tuning: Tuning;
  /** The RESO Web API side (/reso/...), built on its first request. */
  webApi(): WebApiState;
}

export interface Tuning {
  /** Real idle timeout of the shortsession account. */
  shortSessionSeconds: number;
  rateLimitPerMinute: number;
  slowDelayMs: number;
  /** Lifetime of the Web API's short-lived tokens (short-client). */
  shortTokenSeconds: number;
  /** GetMetadata in COMPACT answers 20514, as servers that offer STANDARD-XML only do. */
  standardXmlMetadataOnly: boolean;
  /** Cut the rate-limited account's bodies after this many bytes too (rehearses a cut under a rate limit). */
  rateLimitDropAfterBytes?: number;
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  state: ServerState;
  path: string;
  /** Arguments by lower-cased name (RETS argument names are case-insensitive). */
  args: Map<string, string>;
  account?: DemoAccount;
  session?: Session;
  /** Headers to add to whatever is sent (Set-Cookie after login). */
  extraHeaders: Record<string, string | string[]>;
}

export function retsVersionHeader(account: DemoAccount | undefined): string {
  if (account?.version === '1.5') return 'RETS/1.5';
  if (account?.version === '1.8') return 'RETS/1.8';
  return 'RETS/1.7.2';
}

export function baseHeaders(ctx: Ctx, contentType = 'text/xml; charset=utf-8'): Record<string, string | string[]> {
  const h: Record<string, string | string[]> = {
    'Content-Type': contentType,
    'RETS-Version': retsVersionHeader(ctx.account),
    'RETS-Server': 'DemoMLS/1.0 (RETS Workbench)',
    'Cache-Control': 'private',
    ...ctx.extraHeaders,
  };
  const rid = ctx.req.headers['rets-request-id'];
  if (typeof rid === 'string' && rid) h['RETS-Request-ID'] = rid;
  return h;
}

/** Sends a whole (small) RETS reply. */
export function sendReply(ctx: Ctx, code: number, text: string, httpStatus = 200, inner = '', headers: Record<string, string | string[]> = {}): void {
  const body = replyXml(code, text, inner);
  ctx.res.writeHead(httpStatus, { ...baseHeaders(ctx), ...headers, 'Content-Length': Buffer.byteLength(body) });
  ctx.res.end(body);
}

export function arg(ctx: Ctx, name: string): string | undefined {
  return ctx.args.get(name.toLowerCase());
}
