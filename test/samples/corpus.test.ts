// Every response of the shared corpus goes through the parser that matches its kind.
import { describe, expect, it } from 'vitest';
import { envelopeError, looksLikeHtml, parseRetsEnvelope } from '../../shared/rets/envelope';
import { parseLoginResponse, parseLogoutResponse } from '../../shared/rets/login';
import { parseMetadata } from '../../shared/rets/metadata/index';
import { collectObjects } from '../../shared/rets/object/multipart';
import { collectSearch } from '../../shared/rets/search/index';
import { decodeBody } from '../../shared/rets/text';
import { listSampleFiles, loadCorpus, samplesOf } from './corpus';

const corpus = loadCorpus();
const textOf = (s: (typeof corpus)[number]) => decodeBody(s.body, s.contentType);
const label = (s: (typeof corpus)[number]) => `${s.file}#${s.index}`;

describe('sample corpus', () => {
  it('unwraps every file and classifies every response', () => {
    const files = listSampleFiles();
    expect(files.length).toBeGreaterThanOrEqual(180);
    expect(new Set(corpus.map((s) => s.file))).toEqual(new Set(files));
    const counts: Record<string, number> = {};
    for (const s of corpus) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
    expect(counts.login).toBeGreaterThanOrEqual(40);
    expect(counts.metadata).toBeGreaterThanOrEqual(80);
    expect(counts.search).toBeGreaterThanOrEqual(40);
    expect(counts.object).toBeGreaterThanOrEqual(15);
    const tested = new Set(['login', 'logout', 'metadata', 'search', 'object', 'update', 'payloadlist', 'action', 'other', 'error', 'html']);
    expect(corpus.filter((s) => !tested.has(s.kind))).toEqual([]);
    // 'other' is only what no parser of ours is for: ServerInformation and libRETS' generic HTTP test.
    expect(samplesOf('other').map((s) => s.file.split('/').pop())).toEqual(['server-response-no-class.xml', 'server-response-property.xml', 'test-response.txt']);
  });

  it.each(samplesOf('login').map((s) => [label(s), s] as const))('login %s', (_l, s) => {
    const r = parseLoginResponse(textOf(s), 'https://rets.example.com/rets/login');
    expect(r.replyCode).toBe(0);
    expect(Object.keys(r.capabilities).length).toBeGreaterThan(0);
    for (const url of Object.values(r.standardCapabilities)) expect(url).toMatch(/^https?:\/\//);
  });

  it.each(samplesOf('logout').map((s) => [label(s), s] as const))('logout %s', (_l, s) => {
    const r = parseLogoutResponse(textOf(s));
    expect(r.replyCode).toBe(0);
    expect(r.warnings).toEqual([]);
  });

  it.each(samplesOf('metadata').map((s) => [label(s), s] as const))('metadata %s', (_l, s) => {
    const md = parseMetadata(textOf(s));
    const rows = md.tables.reduce((n, t) => n + t.rows.length, 0);
    // Only Variman's empty LOOKUP level (ReplyCode 0, no rows) may come out empty.
    if (s.file.endsWith('metadata-lookup.3')) expect(rows).toBe(0);
    else expect(rows).toBeGreaterThan(0);
    expect(md.system !== undefined || md.resources.length > 0).toBe(!s.file.endsWith('metadata-lookup.3'));
  });

  it.each(samplesOf('search').map((s) => [label(s), s] as const))('search %s', (_l, s) => {
    const r = collectSearch(s.body);
    // 20208 arrives as a RETS-STATUS after MAXROWS (libRETS search-response.xml).
    expect([0, 20208]).toContain(r.replyCode);
    expect(r.columns.length > 0 || r.count !== null).toBe(true);
    for (const row of r.rows) expect(row).toHaveLength(r.columns.length);
  });

  it.each(samplesOf('object').map((s) => [label(s), s] as const))('object %s', (_l, s) => {
    const r = collectObjects(s.contentType ?? 'application/octet-stream', s.body, s.headers);
    expect(r.objects.length).toBeGreaterThan(0);
    expect(r.warnings).toEqual([]);
    const bytes = r.objects.reduce((n, o) => n + o.size, 0);
    const located = r.objects.filter((o) => o.headers?.location).length;
    expect(bytes > 0 || located > 0 || s.body.length === 0).toBe(true);
  });

  it.each(samplesOf('update').concat(samplesOf('payloadlist')).map((s) => [label(s), s] as const))('update / payload list %s', (_l, s) => {
    const env = parseRetsEnvelope(textOf(s));
    expect(env?.replyCode).toBe(0);
    expect(textOf(s)).toMatch(s.kind === 'payloadlist' ? /<RETSPayloadList[\s\S]*<COLUMNS>/ : /<COLUMNS>|<ERRORBLOCK>|<TRANSACTIONID/);
  });

  it.each(samplesOf('action').concat(samplesOf('other')).map((s) => [label(s), s] as const))('action / other %s', (_l, s) => {
    const text = textOf(s).trim();
    expect(text.length).toBeGreaterThan(0);
    expect(looksLikeHtml(text)).toBe(false);
    if (text.startsWith('<')) expect(parseRetsEnvelope(text)?.replyCode).toBe(0);
  });

  it.each(samplesOf('error').map((s) => [label(s), s] as const))('error %s', (_l, s) => {
    const env = parseRetsEnvelope(textOf(s));
    if (env) {
      expect(env.replyCode).not.toBe(0);
      const e = envelopeError('Other', env, s.status);
      expect(e.info.kind).toBe('rets');
      expect(e.info.hint).toBeTruthy();
    } else {
      expect(s.status).toBeGreaterThanOrEqual(400); // a plain-text HTTP error
    }
  });

  it.each(samplesOf('html').map((s) => [label(s), s] as const))('html %s', (_l, s) => {
    expect(looksLikeHtml(textOf(s))).toBe(true);
  });
});
