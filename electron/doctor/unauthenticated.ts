// The unauthenticated request: GET the login URL with the RETS headers and no credentials, to see
// what the server says before a login (status, auth schemes and realm, Server header, body type).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { parseChallenges, type AuthChallenge } from '../../shared/doctor';
import { NetError } from './network';

export interface UnauthenticatedResult {
  status: number;
  contentType?: string;
  server?: string;
  retsServer?: string;
  retsVersion?: string;
  location?: string;
  retryAfter?: string;
  challenges: AuthChallenge[];
  bodyHead: string;
}

const HEAD_BYTES = 8192;

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(', ') : v;
}

export function unauthenticatedRequest(loginUrl: string, headers: { userAgent: string; retsVersion: string }, timeoutMs: number, signal?: AbortSignal): Promise<UnauthenticatedResult> {
  const url = new URL(loginUrl);
  const make = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<UnauthenticatedResult>((resolve, reject) => {
    const req = make(url, {
      method: 'GET',
      // The TLS step has judged the certificate already; here we want the HTTP answer.
      rejectUnauthorized: false,
      headers: { 'User-Agent': headers.userAgent, 'RETS-Version': headers.retsVersion, Accept: '*/*' },
      signal,
    });
    const timer = setTimeout(() => req.destroy(new NetError('ETIMEDOUT', `No answer within ${timeoutMs} ms.`)), timeoutMs);
    req.once('error', (e) => { clearTimeout(timer); reject(e instanceof NetError ? e : new NetError((e as { code?: string }).code, e.message)); });
    req.once('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        clearTimeout(timer);
        res.destroy();
        const h = res.headers;
        resolve({
          status: res.statusCode ?? 0, contentType: one(h['content-type']), server: one(h.server), retsServer: one(h['rets-server']),
          retsVersion: one(h['rets-version']), location: one(h.location), retryAfter: one(h['retry-after']),
          challenges: parseChallenges(h['www-authenticate']), bodyHead: Buffer.concat(chunks).toString('utf8').slice(0, HEAD_BYTES),
        });
      };
      res.on('data', (c: Buffer) => { chunks.push(c); size += c.length; if (size >= HEAD_BYTES) finish(); });
      res.once('end', finish);
      res.once('error', finish);
    });
    req.end();
  });
}
