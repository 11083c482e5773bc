// The shared corpus of recorded RETS responses (../shared/rets-samples), unwrapped from each
// recorder's container (PROVENANCE.md) into plain responses that tests feed to the parsers.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { looksLikeHtml, parseRetsEnvelope } from '../../shared/rets/envelope';
import { looksLikeRawHttp, parseRawHttpResponse } from '../../shared/rets/rawHttp';
import { SAMPLES_DIR } from './paths';

export type SampleKind =
  | 'login' | 'logout' | 'metadata' | 'search' | 'object' | 'action' | 'update' | 'payloadlist'
  | 'error' | 'html' | 'other';

export interface SampleResponse {
  /** Path relative to rets-samples/. */
  file: string;
  /** Position of this response inside its file (0 for single-response files). */
  index: number;
  status?: number;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  contentType?: string;
  body: Uint8Array;
  kind: SampleKind;
  /** The request path or URI, where the recorder kept it. */
  request?: string;
}

interface Unwrapped {
  status?: number;
  headers: Record<string, string>;
  body: Uint8Array;
  request?: string;
  /** How far a hint taken from the file name may be trusted for this response. */
  fileHint: 'strong' | 'weak';
}

const enc = new TextEncoder();
const latin1 = new TextDecoder('latin1');

/** Every sample file, relative to rets-samples/, sorted. */
export function listSampleFiles(dir = SAMPLES_DIR): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (r !== 'PROVENANCE.md') out.push(r);
    }
  };
  walk('');
  return out.sort();
}

function lowerHeaders(h: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) {
    const key = k.toLowerCase();
    const val = Array.isArray(v) ? v.map(String).join(', ') : String(v);
    out[key] = key in out ? `${out[key]}, ${val}` : val;
  }
  return out;
}

/** PHRETS VCR arrays, nock recordings and the JSON-string Multiple1.txt. */
function unwrapJson(value: unknown): Unwrapped[] | undefined {
  if (typeof value === 'string') return [{ headers: {}, body: enc.encode(value), fileHint: 'strong' }];
  if (!Array.isArray(value)) return undefined;
  return value.map((x: Record<string, unknown>) => {
    if ('scope' in x) { // nock recorder
      const resp = x.response;
      const body = Array.isArray(resp) ? hexBytes(resp.join('')) : enc.encode(typeof resp === 'string' ? resp : JSON.stringify(resp ?? ''));
      return { status: Number(x.status), headers: lowerHeaders(x.headers as Record<string, unknown>), body, request: String(x.path), fileHint: 'weak' as const };
    }
    return { status: Number(x.status), headers: lowerHeaders(x.headers as Record<string, unknown>), body: enc.encode(String(x.body ?? '')), fileHint: 'weak' as const };
  });
}

// Ruby's VCR writes binary bodies as `!binary` base64 scalars.
const BINARY = new yaml.Type('!binary', {
  kind: 'scalar',
  construct: (data: string) => new Uint8Array(Buffer.from(data.replace(/\s+/g, ''), 'base64')),
});
const VCR_SCHEMA = yaml.DEFAULT_SCHEMA.extend([BINARY]);

interface VcrInteraction {
  request?: { uri?: string };
  response: { status?: { code?: number }; headers?: Record<string, unknown>; body?: { string?: string | Uint8Array; base64_string?: string } };
}

function unwrapVcrYaml(text: string): Unwrapped[] {
  const doc = yaml.load(text, { schema: VCR_SCHEMA }) as { http_interactions: VcrInteraction[] };
  return doc.http_interactions.map((i) => {
    const b = i.response.body ?? {};
    const body = b.base64_string !== undefined ? new Uint8Array(Buffer.from(b.base64_string, 'base64'))
      : b.string instanceof Uint8Array ? b.string : enc.encode(b.string ?? '');
    const request = i.request?.uri ? new URL(i.request.uri).pathname : undefined;
    return { status: i.response.status?.code, headers: lowerHeaders(i.response.headers), body, request, fileHint: 'weak' as const };
  });
}

function hexBytes(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(clean, 'hex'));
}

/** Unwraps one file into its responses, per PROVENANCE.md. */
export function unwrapSample(file: string, bytes: Uint8Array): Unwrapped[] {
  if (file.endsWith('.yml') || file.endsWith('.yaml')) return unwrapVcrYaml(new TextDecoder().decode(bytes));
  if (file.endsWith('.buf')) {
    const text = latin1.decode(bytes).trim();
    if (/^[0-9a-fA-F\s]+$/.test(text)) return [{ headers: {}, body: hexBytes(text), fileHint: 'strong' }];
  }
  const head = latin1.decode(bytes.subarray(0, 64)).trimStart();
  if (head.startsWith('[') || head.startsWith('"')) {
    try {
      const units = unwrapJson(JSON.parse(new TextDecoder().decode(bytes)));
      if (units) return units;
    } catch { /* not JSON: a plain body */ }
  }
  if (looksLikeRawHttp(bytes)) {
    const r = parseRawHttpResponse(bytes);
    return [{ status: r.status, headers: r.headers, body: r.body, request: phretsRequest(file), fileHint: 'strong' }];
  }
  return [{ headers: {}, body: bytes, fileHint: 'strong' }];
}

/** PHRETS GuzzleRecorder files sit in a folder named after the request: ".../rets2_1_GetMetadata/x.txt". */
function phretsRequest(file: string): string | undefined {
  const m = /\/Http\/(?:get|post)\/[^/]+\/([^/]+)\/[^/]+$/.exec(file);
  return m ? '/' + m[1]!.split('_').pop()! : undefined;
}

const HINTS: Array<[SampleKind, RegExp]> = [
  ['object', /getobject|get_object|get-object|\/photo\.|multipart/i],
  ['metadata', /getmetadata|get_metadata|metadata/i],
  ['payloadlist', /payloadlist/i],
  ['update', /update/i],
  ['search', /search/i],
  ['logout', /logout/i],
  ['action', /action/i],
  ['login', /login/i],
];

function hintOf(s: string | undefined): SampleKind | undefined {
  if (!s) return undefined;
  return HINTS.find(([, re]) => re.test(s))?.[0];
}

/** A multipart body saved without its Content-Type: take the boundary from its first line. */
function sniffBoundary(text: string): string | undefined {
  const m = /^(?:\r?\n)*--([^\r\n]{1,200}?)\r?\n/.exec(text);
  return m ? m[1]!.trim() : undefined;
}

function contentKind(text: string, headers: Record<string, string>, contentType: string | undefined): SampleKind | 'weak-search' | 'weak-logout' | undefined {
  const ct = (contentType ?? '').toLowerCase();
  if (ct.startsWith('multipart/') || ct.startsWith('image/') || ct.startsWith('video/') || 'object-id' in headers) return 'object';
  if (looksLikeHtml(text)) return 'html';
  const env = parseRetsEnvelope(text);
  if (env && env.replyCode !== 0) return 'error';
  if (/<METADATA[\s>/-]/i.test(text)) return 'metadata';
  if (/<RETSPayloadList/i.test(text)) return 'payloadlist';
  if (/<(TRANSACTIONID|ERRORBLOCK|WARNINGBLOCK)\b/i.test(text)) return 'update';
  if (/<ServerInformation/i.test(text)) return 'other';
  if (/<(COLUMNS|COUNT|REData|MAXROWS|DATA)[\s>/]/i.test(text) || /<RETS-RESPONSE\s+xmlns/i.test(text)) return 'weak-search';
  if (/^\s*(Search|GetMetadata|GetObject|Login|Logout|Action|Info)\s*=/im.test(text)) return 'login';
  if (/^\s*(ConnectTime|SignOffMessage|Billing)\s*=/im.test(text) || (env && /log\s*out|sign\s*off/i.test(env.replyText))) return 'weak-logout';
  return undefined;
}

/** Classifies one response: strong content first, then the recorded request, then hints. */
export function classify(file: string, index: number, u: Unwrapped, contentType: string | undefined): SampleKind {
  const text = latin1.decode(u.body.subarray(0, 4096));
  if (u.status !== undefined && u.status >= 400) return looksLikeHtml(text) ? 'html' : 'error';
  const content = contentKind(text, u.headers, contentType);
  if (content && !content.startsWith('weak-')) return content as SampleKind;
  const requestHint = hintOf(u.request);
  if (requestHint) return requestHint;
  if (file.includes('/Fixtures/VCR/') && index === 0) return 'login'; // PHRETS VCR: element 0 is the Login
  const fileHint = hintOf(file);
  if (fileHint && u.fileHint === 'strong') return fileHint;
  if (content) return content.slice(5) as SampleKind;
  if (u.body.length === 0 && 'location' in u.headers) return 'object';
  return fileHint ?? 'other';
}

let cache: SampleResponse[] | undefined;

/** Every response of every sample file, unwrapped and classified. */
export function loadCorpus(): SampleResponse[] {
  if (cache) return cache;
  const out: SampleResponse[] = [];
  for (const file of listSampleFiles()) {
    const bytes = new Uint8Array(readFileSync(path.join(SAMPLES_DIR, file)));
    unwrapSample(file, bytes).forEach((u, index) => {
      let contentType = u.headers['content-type'];
      if (!contentType) {
        const boundary = sniffBoundary(latin1.decode(u.body.subarray(0, 400)));
        if (boundary) contentType = `multipart/parallel; boundary="${boundary}"`;
      }
      const kind = classify(file, index, u, contentType);
      out.push({ file, index, status: u.status, headers: u.headers, contentType, body: u.body, kind, request: u.request });
    });
  }
  cache = out;
  return out;
}

/** The responses of one kind. */
export function samplesOf(kind: SampleKind): SampleResponse[] {
  return loadCorpus().filter((s) => s.kind === kind);
}

/** One response by file (and index). */
export function sample(file: string, index = 0): SampleResponse {
  const s = loadCorpus().find((x) => x.file === file && x.index === index);
  if (!s) throw new Error(`No sample ${file}#${index}`);
  return s;
}
