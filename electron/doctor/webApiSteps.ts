// The Web API probe's steps after the network ones: token endpoint, service document, $metadata
// (asked as XML), $top=1 on each resource, paging through nextLink (and whether $top acts as the
// page size), media for one record, the rate-limit headers. Each returns a StepOutcome; the
// client's typed errors become diagnoses through the shared rules. Optional requests are left out
// when the server's quota runs low, so the probe itself does not trip the rate limit.
import {
  countIsQuoted, diagnoseCut, diagnoseMetadataShape, diagnoseMissingKey, diagnoseODataFailure, diagnosePaging, diagnoseQuota, diagnoseStringCount,
  diagnoseTokenLifetime, diagnoseTop, keyFieldFact, metadataShape, quotaFacts, quotaMeaning, safeUrl, tokenHostFact,
  type CutRepeat, type Diagnosis, type DoctorFact,
} from '../../shared/doctor';
import { csdlToMetadata, parseCsdl } from '../../shared/odata/csdl';
import { readServerError, type ODataOperation } from '../../shared/odata/errors';
import { createODataPayloadParser } from '../../shared/odata/payload';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { decodeBody } from '../../shared/rets/text';
import { toODataError } from '../odata/errors';
import { readPages } from '../odata/paging';
import type { ODataSession } from '../odata/session';
import { queryUrl, underRoot } from '../../shared/odata/urls';
import type { StepOutcome, StepRunner } from './stepRunner';

/** The page size a sync asks when the profile names none (most servers' default and cap are 1,000 or more). */
export const DEFAULT_SYNC_PAGE_SIZE = 1000;
/** Rows the $top probe asks for. */
const PROBE_TOP = 3;
/** Requests kept for the paging, $top and media steps when the quota runs low. */
const RESERVE = 4;
/** Other resources probed with $top=1 at most. */
const MAX_OTHER = 8;

interface Found {
  sets: string[];
  model?: RetsMetadata;
  main?: string;
  key?: string;
  count?: number;
  record?: Record<string, string>;
  pageSize?: number;
}

const num = (x: number) => x.toLocaleString('en-US');

function failed(e: unknown, operation: ODataOperation, facts: DoctorFact[] = []): StepOutcome {
  const info = toODataError(e, { operation }).info;
  return { status: 'failed', facts: [...facts, ...(info.httpStatus !== undefined ? [{ label: 'HTTP status', value: String(info.httpStatus) }] : [])], diagnosis: diagnoseODataFailure(info) };
}

/** Requests left in the tightest quota window the server announced (Infinity when none). */
function left(session: ODataSession): number {
  let min = Infinity;
  for (const w of session.quota?.windows ?? []) if (w.remaining !== undefined) min = Math.min(min, w.remaining);
  return min;
}

const lastTraceId = (session: ODataSession) => session.trace.list().at(-1)?.id ?? -1;

/** Bytes received by a query after `afterId` that broke off mid-body; undefined when none did. */
function cutAfter(session: ODataSession, afterId: number): number | undefined {
  const e = session.trace.list().filter((t) => t.id > afterId && t.transaction !== 'Token').at(-1);
  return e && e.error && e.bytes > 0 ? e.bytes : undefined;
}

/** A failure that was a body cut off mid-way: say how far it got and whether two repeats cut at the same place. */
async function withCutCheck(session: ODataSession, what: string, since: number, outcome: StepOutcome, repeat: () => Promise<unknown>): Promise<StepOutcome> {
  const first = cutAfter(session, since);
  if (first === undefined) return outcome;
  const facts: DoctorFact[] = [...(outcome.facts ?? []), { label: 'Received before the cut', value: `${num(first)} bytes` }];
  let result: CutRepeat;
  if (session.quota) {
    result = { skipped: 'the server announces a rate limit' };
  } else {
    const repeats: (number | 'complete')[] = [];
    for (let i = 0; i < 2; i++) {
      const mark = lastTraceId(session);
      await repeat().catch(() => undefined);
      repeats.push(cutAfter(session, mark) ?? 'complete');
    }
    result = { repeats };
    facts.push({ label: 'Repeats', value: repeats.map((r) => (r === 'complete' ? 'complete' : `cut after ${num(r)} bytes`)).join('; ') });
  }
  return { status: 'failed', facts, diagnosis: diagnoseCut(what, first, result) };
}

export async function webApiSteps(session: ODataSession, runner: StepRunner, signal?: AbortSignal): Promise<void> {
  const found: Found = { sets: [] };
  await tokenStep(session, runner, signal);
  await runner.run('serviceDocument', async () => {
    try {
      const doc = await session.serviceDocument(signal);
      found.sets = doc.entitySets.filter((s) => s.kind === 'EntitySet').map((s) => s.name);
      return { status: 'passed', facts: [{ label: 'Entity sets', value: `${found.sets.length}: ${found.sets.slice(0, 20).join(', ')}${found.sets.length > 20 ? ', …' : ''}` }] };
    } catch (e) {
      return failed(e, 'ServiceDocument');
    }
  });
  await runner.run('odataMetadata', () => metadataStep(session, found, signal));
  await runner.run('firstRecords', () => firstRecordsStep(session, found, signal));
  if (found.main && found.key) await runner.run('paging', () => pagingStep(session, found, signal));
  else runner.skip('paging', 'no resource with a key to page through');
  if (found.record && found.key && found.sets.includes('Media')) await runner.run('media', () => mediaStep(session, found, signal));
  else runner.skip('media', found.sets.includes('Media') ? 'no record to look up media for' : 'the service has no Media entity set');
  // The quota is read even after a failure: a rate limit is often why it failed.
  const stopped = runner.stopped;
  if (session.quota || !stopped) {
    runner.stopped = Boolean(signal?.aborted);
    await runner.run('rateLimit', async () => rateLimitStep(session, found));
    runner.stopped = stopped || runner.stopped;
  }
}

async function tokenStep(session: ODataSession, runner: StepRunner, signal?: AbortSignal): Promise<void> {
  const a = session.settings.auth;
  if (a.kind === 'none' || a.kind === 'bearer') {
    runner.skip('token', a.kind === 'bearer' ? 'a static bearer token: no token endpoint' : 'no authentication set');
    return;
  }
  await runner.run('token', async () => {
    const facts: DoctorFact[] = [
      { label: 'Grant', value: a.kind === 'password' ? `password (user ${a.username})` : 'client credentials' },
      { label: 'Token URL', value: safeUrl(a.tokenUrl) },
      { label: 'Client id', value: a.clientId },
    ];
    if (a.scope) facts.push({ label: 'Scope', value: a.scope });
    const other = tokenHostFact(a.tokenUrl, session.settings.serviceRoot);
    if (other) facts.push({ label: 'Token host', value: other });
    const asked = Date.now();
    try {
      await session.transport.tokens.authorization(signal);
    } catch (e) {
      return failed(e, 'Token', facts);
    }
    const expiresAt = session.transport.tokens.expiresAt;
    if (expiresAt === undefined) return { status: 'passed', facts };
    const seconds = Math.round((expiresAt - asked) / 1000);
    facts.push({ label: 'Token lifetime', value: `${num(seconds)} s` });
    const short = diagnoseTokenLifetime(seconds);
    return short ? { status: 'warning', facts, diagnosis: short } : { status: 'passed', facts };
  });
}

async function metadataStep(session: ODataSession, found: Found, signal?: AbortSignal): Promise<StepOutcome> {
  const url = underRoot(session.settings.serviceRoot, '$metadata');
  let bytes: Uint8Array;
  let contentType: string;
  try {
    const res = await session.transport.send({ operation: 'Metadata', url, accept: 'application/xml', cap: session.settings.maxMetadataBytes, signal });
    contentType = res.contentType;
    bytes = await res.bytes();
  } catch (e) {
    return failed(e, 'Metadata');
  }
  const facts: DoctorFact[] = [{ label: 'Asked as', value: 'application/xml' }, { label: 'Content-Type', value: contentType || 'none' }, { label: 'Size', value: `${num(bytes.byteLength)} bytes` }];
  const text = decodeBody(bytes, contentType);
  const shape = metadataShape(text.slice(0, 512), contentType);
  const wrong = diagnoseMetadataShape(shape, contentType, shape === 'html' ? readServerError(bytes.subarray(0, 64 * 1024), contentType).message : undefined);
  if (wrong?.status === 'failed') return { ...wrong, facts };
  const started = performance.now();
  try {
    found.model = csdlToMetadata(parseCsdl(text));
  } catch (e) {
    return failed(toODataError(e, { operation: 'Metadata', url: session.transport.redact(url) }), 'Metadata', facts);
  }
  facts.push({ label: 'Parse time', value: `${Math.round(performance.now() - started)} ms` });
  const resources = found.model.resources;
  facts.push({ label: 'Entity sets found', value: `${resources.length}: ${resources.slice(0, 20).map((r) => r.id).join(', ')}${resources.length > 20 ? ', …' : ''}` });
  if (found.sets.length === 0) found.sets = resources.map((r) => r.id);
  const main = resources.find((r) => r.id === 'Property') ?? resources.find((r) => r.standardName === 'Property') ?? resources[0];
  found.main = main?.id;
  found.key = main?.keyField.split(',')[0] || undefined;
  let warning: Diagnosis | undefined = wrong?.diagnosis;
  if (main) {
    facts.push({ label: 'Key field', value: keyFieldFact(main.id, main.keyField) });
    if (!main.keyField) warning ??= diagnoseMissingKey(main.id);
  }
  return warning ? { status: 'warning', facts, diagnosis: warning } : { status: 'passed', facts };
}

interface FirstPage { rows: number; record?: Record<string, string>; count?: number; countRaw?: string; countIsString: boolean; nextLink: boolean }

/** `$top=1` (and `$count=true`) on the main resource, read raw so a quoted @odata.count shows. */
async function firstPage(session: ODataSession, set: string, top: number, signal?: AbortSignal, count = true): Promise<FirstPage> {
  const url = queryUrl(session.settings.serviceRoot, set, { top, count });
  const res = await session.transport.send({ operation: 'Query', url, accept: 'application/json', cap: session.settings.maxPageBytes, signal });
  const bytes = await res.bytes();
  const parser = createODataPayloadParser();
  const out: FirstPage = { rows: 0, countIsString: false, nextLink: false };
  try {
    for (const e of [...parser.push(bytes), ...parser.end()]) {
      if (e.kind === 'rows') { out.rows += e.batch.length; out.record ??= e.batch.toObjects()[0]; }
      if (e.kind === 'count') { out.count = e.count; out.countRaw = e.raw; }
      if (e.kind === 'nextLink') out.nextLink = true;
    }
  } catch (e) {
    throw toODataError(e, res.context);
  }
  // The parser reads a quoted count as a number: the raw head says whether it was quoted.
  out.countIsString = countIsQuoted(new TextDecoder().decode(bytes.subarray(0, 64 * 1024)));
  return out;
}

async function firstRecordsStep(session: ODataSession, found: Found, signal?: AbortSignal): Promise<StepOutcome> {
  const main = found.main ?? found.sets[0];
  if (!main) return { status: 'warning', facts: [], diagnosis: { summary: 'The service lists no entity set to read.', detail: 'Neither the service document nor $metadata names one.', cause: 'The account may have no data access.', actions: ['Ask the MLS which resources this account may read.'] } };
  found.main = main;
  const facts: DoctorFact[] = [];
  let warning: Diagnosis | undefined;
  const since = lastTraceId(session);
  try {
    let p: FirstPage;
    try {
      p = await firstPage(session, main, 1, signal);
    } catch (e) {
      // Not every server offers $count: ask again without it before calling the resource unreadable.
      const status = toODataError(e, { operation: 'Query' }).info.httpStatus;
      if (status !== 400 && status !== 501) throw e;
      p = await firstPage(session, main, 1, signal, false);
      facts.push({ label: '$count=true', value: `refused (HTTP ${status}): the record count is unknown` });
    }
    found.record = p.record;
    found.count = p.count;
    facts.push({ label: main, value: `${p.rows} row${p.rows === 1 ? '' : 's'}; ${p.count !== undefined ? `${num(p.count)} records in all` : 'no @odata.count'}` });
    if (p.countIsString) warning = diagnoseStringCount(p.countRaw !== undefined ? `"${p.countRaw}"` : 'a string');
  } catch (e) {
    return withCutCheck(session, `${main} query`, since, failed(e, 'Query', facts), () => firstPage(session, main, 1, signal));
  }
  const others = found.sets.filter((s) => s !== main).slice(0, MAX_OTHER);
  const spared: string[] = [];
  for (const set of others) {
    if (left(session) <= RESERVE) { spared.push(set); continue; }
    try {
      let rows = 0;
      for await (const e of session.query(set, { top: 1 }, signal)) if (e.kind === 'rows') rows += e.batch.length;
      facts.push({ label: set, value: `${rows} row${rows === 1 ? '' : 's'}` });
    } catch (e) {
      const info = toODataError(e, { operation: 'Query' }).info;
      facts.push({ label: set, value: `failed${info.httpStatus ? ` (HTTP ${info.httpStatus})` : ''}` });
      warning ??= { ...diagnoseODataFailure(info), summary: `${main} can be read, but ${set} cannot: ${info.message}` };
    }
  }
  if (spared.length) facts.push({ label: 'Not tried', value: `${spared.join(', ')}: to spare the rate limit (${left(session)} requests left)` });
  return warning ? { status: 'warning', facts, diagnosis: warning } : { status: 'passed', facts };
}

async function pagingStep(session: ODataSession, found: Found, signal?: AbortSignal): Promise<StepOutcome> {
  const main = found.main!;
  const key = found.key!;
  const syncPage = session.settings.maxPageSize ?? DEFAULT_SYNC_PAGE_SIZE;
  // Small enough that even a small data set spans two pages.
  const asked = found.count !== undefined && found.count >= 2 ? Math.min(syncPage, Math.max(1, Math.floor(found.count / 2))) : syncPage;
  const pages: number[] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];
  let nextLink = false;
  const facts: DoctorFact[] = [{ label: 'Page size asked', value: `${num(asked)} (Prefer: odata.maxpagesize)` }];
  const since = lastTraceId(session);
  const read = async () => {
    for await (const e of session.query(main, { select: [key], pageSize: asked }, signal)) {
      if (e.kind === 'rows') {
        const c = e.batch.columns.indexOf(key);
        for (let r = 0; r < e.batch.length; r++) {
          const k = c < 0 ? '' : e.batch.get(r, c);
          if (pages.length === 0) seen.add(k);
          else if (seen.has(k)) duplicates.push(k);
        }
      }
      if (e.kind === 'page') {
        pages.push(e.page.rows);
        if (e.page.n === 1) nextLink = e.page.nextLink !== undefined;
        if (pages.length === 2 || e.page.nextLink === undefined) break;
      }
    }
  };
  try {
    await read();
  } catch (e) {
    return withCutCheck(session, `${main} page`, since, failed(e, 'Query', facts), () => { pages.length = 0; seen.clear(); return read(); });
  }
  facts.push({ label: 'Pages read', value: pages.map((p, i) => `page ${i + 1}: ${num(p)} rows`).join('; ') });
  facts.push({ label: 'nextLink', value: nextLink ? 'followed' : 'none on page 1' });
  facts.push({ label: 'Duplicate keys', value: duplicates.length ? `${duplicates.length}` : 'none' });
  const first = pages[0] ?? 0;
  found.pageSize = nextLink && first > 0 && first < asked ? first : syncPage;
  if (nextLink && first < asked) facts.push({ label: 'Server page size', value: `at most ${num(first)} rows` });
  let warning = diagnosePaging({ pages, nextLink, duplicates, count: found.count, pageSizeAsked: asked });
  if ((found.count === undefined || found.count > PROBE_TOP) && left(session) > 1) {
    try {
      const url = queryUrl(session.settings.serviceRoot, main, { top: PROBE_TOP, select: [key] });
      let rows = 0;
      let more = false;
      for await (const e of readPages(session.transport, url, { operation: 'Query', serviceRoot: session.settings.serviceRoot, maxPageBytes: session.settings.maxPageBytes, signal })) {
        if (e.kind === 'rows') rows += e.batch.length;
        if (e.kind === 'page') { more = e.page.nextLink !== undefined; break; }
      }
      facts.push({ label: `$top=${PROBE_TOP}`, value: `${rows} rows, ${more ? 'and a nextLink' : 'no nextLink'}` });
      warning ??= diagnoseTop(PROBE_TOP, rows, more);
    } catch (e) {
      const info = toODataError(e, { operation: 'Query' }).info;
      facts.push({ label: `$top=${PROBE_TOP}`, value: `failed: ${info.message}` });
    }
  }
  return warning ? { status: 'warning', facts, diagnosis: warning } : { status: 'passed', facts };
}

async function mediaStep(session: ODataSession, found: Found, signal?: AbortSignal): Promise<StepOutcome> {
  const recordKey = found.record![found.key!] ?? '';
  const facts: DoctorFact[] = [{ label: 'Record', value: `${found.key} ${recordKey}` }];
  const mediaFields = found.model?.resources.find((r) => r.id === 'Media')?.classes.flatMap((c) => c.fields.map((f) => f.systemName)) ?? [];
  const since = lastTraceId(session);
  let items;
  try {
    items = await session.media({ ResourceRecordKey: recordKey, ...(mediaFields.includes('ResourceName') ? { ResourceName: found.main } : {}) }, signal);
  } catch (e) {
    const out = await withCutCheck(session, 'Media query', since, failed(e, 'Media', facts), () => session.media({ ResourceRecordKey: recordKey }, signal));
    return out.diagnosis?.summary.includes('cut off') ? out : { ...out, status: 'warning' };
  }
  facts.push({ label: 'Media rows', value: String(items.length) });
  const first = items.find((i) => i.url);
  if (!first) return { status: 'passed', facts: [...facts, { label: 'Image', value: items.length ? 'no MediaURL in the rows' : 'the record has no media' }] };
  facts.push({ label: 'MediaURL', value: safeUrl(first.url) });
  try {
    const img = await session.mediaImage(first.url, signal);
    facts.push({ label: 'Received', value: `${img.type}, ${num(img.bytes.byteLength)} bytes` });
    return { status: 'passed', facts };
  } catch (e) {
    return { ...failed(e, 'Media', facts), status: 'warning' };
  }
}

function rateLimitStep(session: ODataSession, found: Found): StepOutcome {
  const q = session.quota;
  if (!q) return { status: 'passed', facts: [{ label: 'Headers', value: 'none sent: the server does not announce its limits' }] };
  const facts = quotaFacts(q.windows);
  const named = Object.keys(q.raw);
  facts.push({ label: 'Headers', value: named.join(', ') });
  const figures = { records: found.count, pageSize: found.pageSize ?? session.settings.maxPageSize ?? DEFAULT_SYNC_PAGE_SIZE, resource: found.main ?? 'all' };
  const meaning = quotaMeaning(q.windows, figures);
  if (meaning.length) facts.push({ label: 'For a sync', value: meaning.join(' ') });
  const low = diagnoseQuota(q.windows, figures);
  return low ? { status: 'warning', facts, diagnosis: low } : { status: 'passed', facts };
}
