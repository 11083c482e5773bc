// The steps that need a RETS session: login, User-Agent authentication, capabilities, system
// metadata, a count-only search on the first searchable class, one object, logout. Each returns a
// StepOutcome; RetsErrors become diagnoses through the shared rules.
import { parseChallenges, diagnoseCapabilities, diagnoseCapabilityHosts, diagnoseLogin, diagnoseTransaction, diagnoseUaFailure, transactionSeverity, type DoctorFact, type LoginContext, type SessionStep } from '../../shared/doctor';
import { isRetsError, type RetsErrorInfo } from '../../shared/rets/errors';
import type { LoginResponse } from '../../shared/rets/login';
import type { MetadataClass, MetadataResource } from '../../shared/rets/metadata/model';
import type { RetsSession } from '../rets/session';
import { wholeMetadata } from '../rets/wholeMetadata';
import type { StepOutcome } from './stepRunner';
import { checkCut, lastTraceId } from './transfer';

function infoOf(e: unknown, transaction: RetsErrorInfo['transaction']): RetsErrorInfo {
  if (isRetsError(e)) return e.info;
  return { kind: 'internal', transaction, message: e instanceof Error ? e.message : String(e) };
}

function replyFacts(e: RetsErrorInfo): DoctorFact[] {
  const f: DoctorFact[] = [];
  if (e.httpStatus !== undefined) f.push({ label: 'HTTP status', value: String(e.httpStatus) });
  if (e.replyCode !== undefined) f.push({ label: 'RETS ReplyCode', value: `${e.replyCode}${e.replyText ? ` ${e.replyText}` : ''}` });
  return f;
}

/** The response headers of the session's last request of a transaction (from its trace). */
function lastHeaders(session: RetsSession, transaction: string): Record<string, string> {
  const entry = session.trace.list().filter((t) => t.transaction === transaction).at(-1);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(entry?.responseHeaders ?? {})) out[k.toLowerCase()] = v;
  return out;
}

export type LoginStepResult =
  | { ok: true; response: LoginResponse; outcome: StepOutcome }
  | { ok: false; uaFailure: boolean; error: RetsErrorInfo; outcome: StepOutcome };

const UA_CODES = new Set([20037, 20041]);

export async function loginStep(session: RetsSession, ctx: LoginContext, signal?: AbortSignal): Promise<LoginStepResult> {
  try {
    const response = await session.login(signal);
    const h = lastHeaders(session, 'Login');
    const facts: DoctorFact[] = [{ label: 'RETS ReplyCode', value: `${response.replyCode} ${response.replyText}`.trim() }];
    if (h['rets-version']) facts.push({ label: 'Server RETS-Version', value: h['rets-version'] });
    if (h['rets-server'] || h.server) facts.push({ label: 'Server', value: h['rets-server'] ?? h.server! });
    if (response.member.memberName) facts.push({ label: 'Member', value: response.member.memberName });
    if (response.timeoutSeconds !== undefined) facts.push({ label: 'Session timeout', value: `${response.timeoutSeconds} s` });
    const sent = ctx.retsVersion.replace(/^RETS\//i, '');
    const got = h['rets-version']?.replace(/^RETS\//i, '');
    if (got && got !== sent && !(got.startsWith(sent) || sent.startsWith(got))) {
      return { ok: true, response, outcome: { status: 'warning', facts, diagnosis: {
        summary: `Logged in, but the server speaks RETS/${got} while the profile asks for ${ctx.retsVersion}.`,
        detail: `The login succeeded; the server answered with RETS-Version ${h['rets-version']}.`,
        cause: 'The server runs another RETS version than the profile says; metadata columns and dates differ between versions.',
        actions: [`Set the RETS version in the profile to RETS/${got}.`],
      } } };
    }
    return { ok: true, response, outcome: { status: 'passed', facts } };
  } catch (e) {
    const error = infoOf(e, 'Login');
    const h = lastHeaders(session, 'Login');
    // The login's own 401 says which schemes this account may use (it can differ from the anonymous one).
    const offered = parseChallenges(h['www-authenticate']).map((c) => c.scheme);
    const diagnosis = diagnoseLogin(error, { ...ctx, retryAfter: h['retry-after'], offeredSchemes: offered.length ? offered : ctx.offeredSchemes });
    const uaFailure = error.replyCode !== undefined && UA_CODES.has(error.replyCode);
    if (uaFailure) {
      // The login reached the server; the refusal is about the client software: shown on the UA step.
      return { ok: false, uaFailure, error, outcome: { status: 'warning', facts: replyFacts(error), diagnosis: {
        summary: 'The server refused the login because of the User-Agent (see the next step).',
        detail: diagnosis.detail, cause: diagnosis.cause, actions: diagnosis.actions,
        httpStatus: error.httpStatus, replyCode: error.replyCode, replyText: error.replyText,
      } } };
    }
    return { ok: false, uaFailure, error, outcome: { status: 'failed', facts: replyFacts(error), diagnosis } };
  }
}

export function uaStep(login: LoginStepResult, ctx: Pick<LoginContext, 'userAgent' | 'uaPasswordSet'>): StepOutcome {
  const facts: DoctorFact[] = [{ label: 'User-Agent', value: ctx.userAgent }, { label: 'UA password', value: ctx.uaPasswordSet ? 'set' : 'not set' }];
  if (!login.ok) return { status: 'failed', facts: [...facts, ...replyFacts(login.error)], diagnosis: diagnoseUaFailure(login.error, ctx) };
  if (!ctx.uaPasswordSet) return { status: 'skipped', facts: [...facts, { label: 'Result', value: 'not required: the login worked without it' }] };
  return { status: 'passed', facts: [...facts, { label: 'Result', value: 'RETS-UA-Authorization accepted' }] };
}

export function capabilitiesStep(response: LoginResponse, loginUrl: string): StepOutcome {
  const names = Object.keys(response.capabilities);
  const facts: DoctorFact[] = [{ label: 'Found', value: names.join(', ') || 'none' }];
  const missing = diagnoseCapabilities(names);
  if (missing) facts.push({ label: 'Missing', value: missing.summary.replace(/^The login response lists no | URLs?\.$/g, '') });
  const hosts = diagnoseCapabilityHosts(response.capabilities, loginUrl);
  if (hosts) facts.push({ label: 'Other host', value: hosts.detail.replace(/^.*Capability URLs: |\.$/g, '') });
  const d = missing ?? hosts;
  return d ? { status: 'warning', facts, diagnosis: d } : { status: 'passed', facts };
}

type UaCtx = { userAgent: string; uaPasswordSet: boolean };

function failure(step: SessionStep, e: unknown, ctx: UaCtx, facts: DoctorFact[] = []): StepOutcome {
  const info = infoOf(e, step === 'metadata' ? 'GetMetadata' : step === 'search' ? 'Search' : step === 'object' ? 'GetObject' : 'Logout');
  return { status: transactionSeverity(step, info), facts: [...facts, ...replyFacts(info)], diagnosis: diagnoseTransaction(step, info, ctx) };
}

export async function metadataStep(session: RetsSession, ctx: UaCtx, signal?: AbortSignal): Promise<StepOutcome> {
  const since = lastTraceId(session);
  try {
    const { metadata, format } = await wholeMetadata(session, signal);
    const s = metadata.system;
    const facts: DoctorFact[] = [];
    if (format !== 'COMPACT') facts.push({ label: 'Format', value: 'STANDARD-XML (COMPACT answered 20514)' });
    if (s) facts.push({ label: 'System', value: `${s.systemId}${s.description ? ` (${s.description})` : ''}` });
    if (s?.version) facts.push({ label: 'Metadata version', value: s.version });
    if (!s) facts.push({ label: 'System', value: 'no SYSTEM block in the reply' });
    return { status: 'passed', facts };
  } catch (e) {
    return checkCut(session, 'GetMetadata', since, failure('metadata', e, ctx), () => wholeMetadata(session, signal));
  }
}

export interface SearchTarget { resource: MetadataResource; cls: MetadataClass; query: string; keyField: string }

/** The first resource with a searchable class (Property first), and a query that matches anything. */
async function findTarget(session: RetsSession, signal?: AbortSignal): Promise<SearchTarget | undefined> {
  const { metadata } = await session.getMetadata({ type: 'METADATA-RESOURCE', id: '0' }, signal);
  const resources = [...metadata.resources].sort((a, b) => Number(b.id === 'Property' || b.standardName === 'Property') - Number(a.id === 'Property' || a.standardName === 'Property'));
  for (const resource of resources) {
    const { metadata: cm } = await session.getMetadata({ type: 'METADATA-CLASS', id: resource.id }, signal);
    const cls = cm.resources.find((r) => r.id === resource.id)?.classes[0];
    if (!cls) continue;
    const { metadata: tm } = await session.getMetadata({ type: 'METADATA-TABLE', id: `${resource.id}:${cls.name}` }, signal);
    const fields = tm.resources.find((r) => r.id === resource.id)?.classes.find((c) => c.name === cls.name)?.fields ?? [];
    const keyField = resource.keyField || fields[0]?.systemName || '';
    const key = fields.find((f) => f.systemName === keyField);
    const stamp = fields.find((f) => f.dataType === 'DateTime' && /mod|timestamp|update/i.test(f.systemName)) ?? fields.find((f) => f.dataType === 'DateTime');
    const numeric = key && /Int|Decimal|Long|Small|Tiny/i.test(key.dataType);
    const query = numeric ? `(${keyField}=0+)` : stamp ? `(${stamp.systemName}=1900-01-01T00:00:00+)` : `(${keyField}=*)`;
    return { resource, cls, query, keyField };
  }
  return undefined;
}

export interface SearchStepResult { outcome: StepOutcome; target?: SearchTarget }

export async function searchStep(session: RetsSession, ctx: UaCtx, signal?: AbortSignal): Promise<SearchStepResult> {
  let target: SearchTarget | undefined;
  try {
    target = await findTarget(session, signal);
  } catch (e) {
    return { outcome: failure('metadata', e, ctx, [{ label: 'While', value: 'reading resource/class metadata' }]) };
  }
  if (!target) return { outcome: { status: 'warning', facts: [], diagnosis: {
    summary: 'The metadata lists no searchable class.', detail: 'No resource with a class was found in METADATA-RESOURCE / METADATA-CLASS.',
    cause: 'The account may have no search access.', actions: ['Ask the MLS which resources and classes this account may search.'] } } };
  const facts: DoctorFact[] = [{ label: 'Class', value: `${target.resource.id}:${target.cls.name}` }, { label: 'Query', value: target.query }];
  const request = { resource: target.resource.id, class: target.cls.name, query: target.query, count: 2 as const, limit: 1 };
  const since = lastTraceId(session);
  try {
    let count: number | undefined;
    let code = 0;
    for await (const ev of session.search(request, signal)) {
      if (ev.kind === 'count') count = ev.count;
      if (ev.kind === 'status' && ev.replyCode !== 0) code = ev.replyCode;
    }
    facts.push({ label: 'Count', value: count !== undefined ? String(count) : code === 20201 ? '0 (no records found)' : 'not returned' });
    return { outcome: { status: 'passed', facts }, target };
  } catch (e) {
    const drain = async () => { for await (const _ of session.search(request, signal)) { /* read to the end */ } };
    return { outcome: await checkCut(session, 'Search', since, failure('search', e, ctx, facts), drain), target };
  }
}

export async function objectStep(session: RetsSession, target: SearchTarget, ctx: UaCtx, signal?: AbortSignal): Promise<StepOutcome> {
  const type = target.resource.objects[0]?.objectType ?? 'Photo';
  const facts: DoctorFact[] = [{ label: 'Object type', value: type }];
  let since = Number.MAX_SAFE_INTEGER; // until the GetObject goes out, a failure is not its cut
  try {
    let key: string | undefined;
    for await (const ev of session.search({ resource: target.resource.id, class: target.cls.name, query: target.query, count: 0, limit: 1, select: target.keyField, format: 'COMPACT' }, signal)) {
      if (ev.kind === 'rows' && ev.batch.length > 0 && key === undefined) key = ev.batch.get(0, Math.max(0, ev.batch.columns.indexOf(target.keyField)));
    }
    if (!key) return { status: 'skipped', facts: [...facts, { label: 'Skipped', value: 'no record to fetch an object for' }] };
    facts.push({ label: 'Id', value: `${key}:1` });
    since = lastTraceId(session);
    for await (const item of session.getObject({ resource: target.resource.id, type, ids: `${key}:1` }, signal)) {
      if (item.kind === 'error') return failure('object', { name: 'RetsError', info: item.error }, ctx, facts);
      facts.push({ label: 'Received', value: `${item.contentType}, ${item.location ?? `${item.data.byteLength} bytes`}` });
      return { status: 'passed', facts };
    }
    return { status: 'warning', facts, diagnosis: { summary: 'GetObject returned no object.', detail: 'The reply held no parts.', cause: 'The listing may have no photos.', actions: ['Nothing to do unless photos are expected.'] } };
  } catch (e) {
    const ids = facts.find((f) => f.label === 'Id')?.value ?? '';
    const drain = async () => { for await (const _ of session.getObject({ resource: target.resource.id, type, ids }, signal)) { /* read to the end */ } };
    return checkCut(session, 'GetObject', since, failure('object', e, ctx, facts), drain);
  }
}

export async function logoutStep(session: RetsSession, ctx: UaCtx, signal?: AbortSignal): Promise<StepOutcome> {
  try {
    const r = await session.logout(signal);
    const facts: DoctorFact[] = [];
    if (r.connectTime !== undefined && Number.isFinite(r.connectTime)) facts.push({ label: 'Connect time', value: `${r.connectTime} s` });
    if (r.signOffMessage) facts.push({ label: 'Message', value: r.signOffMessage });
    return { status: 'passed', facts };
  } catch (e) {
    return failure('logout', e, ctx);
  }
}
