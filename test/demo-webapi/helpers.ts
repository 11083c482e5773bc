// Small HTTP helpers for the Demo MLS Web API tests: token requests and JSON pages with fetch.
import type { DemoMls } from '../../electron/demo/index';

export interface JsonReply { status: number; headers: Headers; text: string; body: Record<string, unknown> }

export async function request(url: string, init: RequestInit = {}): Promise<JsonReply> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  if (text.startsWith('{')) body = JSON.parse(text) as Record<string, unknown>;
  return { status: res.status, headers: res.headers, text, body };
}

export function tokenRequest(mls: DemoMls, form: Record<string, string>, headers: Record<string, string> = {}): Promise<JsonReply> {
  return request(mls.webApi.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form).toString() });
}

/** An access token by client credentials. */
export async function clientToken(mls: DemoMls, clientId = 'demo-client', secret = 'demo-secret'): Promise<string> {
  const r = await tokenRequest(mls, { grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope: 'api' });
  if (r.status !== 200) throw new Error(`token request failed: ${r.status} ${r.text}`);
  return r.body.access_token as string;
}

export function bearer(token: string, extra: Record<string, string> = {}): RequestInit {
  return { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...extra } };
}

/** A collection URL with options encoded as a client would (spaces as %20). */
export function query(root: string, set: string, options: Record<string, string | number | boolean>): string {
  const qs = Object.entries(options).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');
  return `${root}/${set}${qs ? `?${qs}` : ''}`;
}

export type Entity = Record<string, unknown>;

/** Every row of a query, following @odata.nextLink to the end; returns the rows and each page. */
export async function allPages(url: string, init: RequestInit): Promise<{ rows: Entity[]; pages: JsonReply[] }> {
  const rows: Entity[] = [];
  const pages: JsonReply[] = [];
  let next: string | undefined = url;
  while (next) {
    const page = await request(next, init);
    if (page.status !== 200) throw new Error(`page failed: ${page.status} ${page.text}`);
    pages.push(page);
    rows.push(...(page.body.value as Entity[]));
    next = page.body['@odata.nextLink'] as string | undefined;
  }
  return { rows, pages };
}
