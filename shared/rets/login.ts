// The Login (and Logout) response body: key=value lines inside <RETS-RESPONSE> (RETS 1.5+) or
// straight inside <RETS> (1.0), with every quirk of RETS-QUIRKS.md "Login body" tolerated.

import { RetsError } from './errors';
import { envelopeError, parseRetsEnvelope } from './envelope';
import { findEndTag, findStartTag } from './tagScan';
import { decodeXmlEntities } from './text';

/** Capabilities defined by RETS 1.7.2 / 1.8. Others starting with X- are vendor extensions. */
export const STANDARD_CAPABILITIES = [
  'Action', 'ChangePassword', 'GetMetadata', 'GetObject', 'Login', 'LoginComplete', 'Logout', 'Search',
  'ServerInformation', 'Update', 'PostObject', 'GetPayloadList',
] as const;
export type StandardCapability = (typeof STANDARD_CAPABILITIES)[number];

/** Without these a session cannot do its work. */
export const REQUIRED_CAPABILITIES: readonly StandardCapability[] = ['Login', 'Search', 'GetMetadata'];

export interface LoginEntry { key: string; value: string }

/** One RETS 1.8 `Info=NAME;Type;Value` line (type "" when the two-part form was sent). */
export interface LoginInfoItem { name: string; type: string; value: string }

export interface MemberInfo {
  memberName?: string;
  /** The User= line as sent, and its parts. */
  user?: string;
  userId?: string;
  userLevel?: string;
  userClass?: string;
  agentCode?: string;
  /** The Broker= line as sent (code[,branch]). */
  broker?: string;
  brokerCode?: string;
  brokerBranch?: string;
  officeList: string[];
  balance?: string;
  passwordExpiration?: string;
  warnPasswordExpirationDays?: string;
}

export interface LoginResponse {
  replyCode: number;
  replyText: string;
  /** Every key=value line in order, key and value trimmed, nothing else changed. */
  entries: LoginEntry[];
  /** Capability name (standard ones in canonical case, vendor ones as sent) -> absolute URL. */
  capabilities: Record<string, string>;
  /** The standard capabilities that were listed. */
  standardCapabilities: Partial<Record<StandardCapability, string>>;
  /** Vendor X-… capabilities (X-ApiAccessSettings, X-SampleLinks…). */
  vendorCapabilities: Record<string, string>;
  /** Required capabilities (Login, Search, GetMetadata) the server did not list. */
  missingCapabilities: StandardCapability[];
  metadataVersion?: string;
  minMetadataVersion?: string;
  metadataTimestamp?: string;
  minMetadataTimestamp?: string;
  metadataId?: string;
  timeoutSeconds?: number;
  member: MemberInfo;
  /** RETS 1.8 Info lines. */
  info: LoginInfoItem[];
  /** Keys that are neither capabilities nor known identity/metadata keys (Expr, VendorName…). */
  other: Record<string, string>;
  /** Problems tolerated while reading the body, in plain words. */
  warnings: string[];
}

const CANONICAL_CAP = new Map<string, StandardCapability>(STANDARD_CAPABILITIES.map((c) => [c.toLowerCase(), c]));

/** The text of the key=value block: inside <RETS-RESPONSE>, else inside <RETS> (RETS 1.0). */
function responseBlock(body: string): string {
  const rr = findStartTag(body, 'RETS-RESPONSE');
  if (rr) return contentUntil(body, 'RETS-RESPONSE', rr.end);
  const rets = findStartTag(body, 'RETS');
  return rets && !rets.selfClosing ? contentUntil(body, 'RETS', rets.end) : '';
}

/** From `from` to the end tag `</name>`, or to the end of the body when it never comes. */
function contentUntil(body: string, name: string, from: number): string {
  const close = findEndTag(body, name, from);
  return body.slice(from, close < 0 ? body.length : close);
}

/** key=value lines of a RETS-RESPONSE block; lines without "=" are reported, not fatal. */
export function parseKeyValueLines(block: string, warnings: string[]): LoginEntry[] {
  const entries: LoginEntry[] = [];
  for (const rawLine of block.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('<')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) {
      warnings.push(`Ignored a login line without "key=value": "${line.slice(0, 80)}".`);
      continue;
    }
    entries.push({ key: line.slice(0, eq).trim(), value: decodeXmlEntities(line.slice(eq + 1).trim()) });
  }
  return entries;
}

/** Resolves a capability URL against the login URL (absolute, host-relative, relative). */
export function resolveCapabilityUrl(value: string, loginUrl: string): string {
  try {
    return new URL(value, loginUrl).toString();
  } catch {
    return value;
  }
}

/** `url` with the login URL's scheme, host and port: for a server reached through a tunnel or proxy. */
export function onLoginHost(url: string, loginUrl: string): string {
  try {
    const u = new URL(url);
    const login = new URL(loginUrl);
    if (!/^https?:$/.test(u.protocol)) return url;
    u.protocol = login.protocol;
    u.host = login.host;
    return u.toString();
  } catch {
    return url; // not a URL (some vendor X- lines are plain values)
  }
}

/** The scheme://host:port of an http(s) URL; undefined for anything else. */
function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The capabilities (Login aside: it is not requested again from the list) whose URL points at
 * another scheme, host or port than the login URL, grouped by that origin.
 */
export function capabilitiesOffLoginHost(capabilities: Record<string, string>, loginUrl: string): Map<string, string[]> {
  const home = originOf(loginUrl);
  const off = new Map<string, string[]>();
  for (const [name, url] of Object.entries(capabilities)) {
    const origin = originOf(url);
    if (name === 'Login' || !home || !origin || origin === home) continue;
    off.set(origin, [...(off.get(origin) ?? []), name]);
  }
  return off;
}

type Setter = (r: LoginResponse, v: string) => void;

/** Identity and metadata keys (lower-cased), from plain lines and 1.8 Info lines alike. */
const KNOWN: Record<string, Setter> = {
  membername: (r, v) => { r.member.memberName = v; },
  user: (r, v) => {
    r.member.user = v;
    const [id, level, cls, agent] = v.split(',').map((s) => s.trim());
    r.member.userId = id || undefined;
    r.member.userLevel = level || undefined;
    r.member.userClass = cls || undefined;
    r.member.agentCode = agent || undefined;
  },
  userid: (r, v) => { r.member.userId = v; },
  userlevel: (r, v) => { r.member.userLevel = v; },
  userclass: (r, v) => { r.member.userClass = v; },
  agentcode: (r, v) => { r.member.agentCode = v; },
  broker: (r, v) => {
    r.member.broker = v;
    const [code, branch] = v.split(',').map((s) => s.trim());
    r.member.brokerCode = code || undefined;
    r.member.brokerBranch = branch || undefined;
  },
  brokercode: (r, v) => { r.member.brokerCode = v; },
  brokerbranch: (r, v) => { r.member.brokerBranch = v; },
  officelist: (r, v) => { r.member.officeList = v.split(',').map((s) => s.trim()).filter(Boolean); },
  balance: (r, v) => { r.member.balance = v; },
  passwordexpiration: (r, v) => { r.member.passwordExpiration = v; },
  warnpasswordexpirationdays: (r, v) => { r.member.warnPasswordExpirationDays = v; },
  metadataversion: (r, v) => { r.metadataVersion = v; },
  minmetadataversion: (r, v) => { r.minMetadataVersion = v; },
  metadatatimestamp: (r, v) => { r.metadataTimestamp = v; },
  minmetadatatimestamp: (r, v) => { r.minMetadataTimestamp = v; },
  metadataid: (r, v) => { r.metadataId = v; },
  timeoutseconds: (r, v) => {
    const n = Number.parseInt(v.replace(/[^\d-]/g, ''), 10);
    if (Number.isFinite(n)) r.timeoutSeconds = n;
    else r.warnings.push(`TimeoutSeconds "${v}" is not a number.`);
  },
};

/** Splits `NAME;Type;Value` or `NAME;Value` (a value may itself contain ";" in the 3-part form). */
function parseInfo(value: string): LoginInfoItem {
  const parts = value.split(';');
  if (parts.length === 1) return { name: parts[0]!.trim(), type: '', value: '' };
  if (parts.length === 2) return { name: parts[0]!.trim(), type: '', value: parts[1]!.trim() };
  return { name: parts[0]!.trim(), type: parts[1]!.trim(), value: parts.slice(2).join(';').trim() };
}

function isCapabilityKey(key: string): boolean {
  return CANONICAL_CAP.has(key.toLowerCase()) || /^x-/i.test(key);
}

/**
 * Parses a Login response body. A non-zero reply code is returned, not thrown: the caller
 * decides (see loginError). Capability URLs are resolved against `loginUrl`.
 */
export function parseLoginResponse(body: string, loginUrl: string): LoginResponse {
  const env = parseRetsEnvelope(body);
  const r: LoginResponse = {
    replyCode: env?.replyCode ?? -1,
    replyText: env?.replyText ?? '',
    entries: [], capabilities: {}, standardCapabilities: {}, vendorCapabilities: {}, missingCapabilities: [],
    member: { officeList: [] }, info: [], other: {}, warnings: [],
  };
  if (!env) r.warnings.push('The body has no <RETS> element with a ReplyCode.');
  r.entries = parseKeyValueLines(responseBlock(body), r.warnings);
  for (const { key, value } of r.entries) applyEntry(r, key, value, loginUrl);
  if (r.replyCode === 0) {
    r.missingCapabilities = REQUIRED_CAPABILITIES.filter((c) => !(c in r.standardCapabilities));
  }
  return r;
}

function applyEntry(r: LoginResponse, key: string, value: string, loginUrl: string): void {
  const lower = key.toLowerCase();
  if (lower === 'info') {
    const item = parseInfo(value);
    r.info.push(item);
    const set = KNOWN[item.name.toLowerCase()];
    if (set) set(r, item.value);
    else r.other[item.name] = item.value;
    return;
  }
  if (isCapabilityKey(key)) {
    if (value === '') { r.warnings.push(`Capability ${key} has an empty URL.`); return; }
    const canonical = CANONICAL_CAP.get(lower);
    // Vendor X- lines are usually URLs but not always (libRETS: "X-Field = Value"): keep those as sent.
    const url = canonical || value.includes('/') ? resolveCapabilityUrl(value, loginUrl) : value;
    const name = canonical ?? key;
    if (name in r.capabilities) r.warnings.push(`Capability ${name} is listed twice; the last one is used.`);
    r.capabilities[name] = url;
    if (canonical) r.standardCapabilities[canonical] = url;
    else r.vendorCapabilities[key] = url;
    return;
  }
  const set = KNOWN[lower];
  if (set) set(r, value);
  else r.other[key] = value;
}

/** A typed error for a login that did not succeed (non-zero reply code, or no envelope). */
export function loginError(resp: LoginResponse, httpStatus?: number, url?: string): RetsError {
  const env = resp.replyCode >= 0 ? { replyCode: resp.replyCode, replyText: resp.replyText, attributes: {} } : undefined;
  return envelopeError('Login', env, httpStatus, url);
}

export interface LogoutResponse {
  replyCode: number;
  replyText: string;
  /** Seconds connected, when sent. */
  connectTime?: number;
  billing?: string;
  signOffMessage?: string;
  entries: LoginEntry[];
  warnings: string[];
}

/** Parses a Logout response; an empty body is tolerated (reply code 0, nothing else). */
export function parseLogoutResponse(body: string): LogoutResponse {
  const warnings: string[] = [];
  const env = parseRetsEnvelope(body);
  if (!env && body.trim() !== '') warnings.push('The logout body has no <RETS> element with a ReplyCode.');
  const entries = parseKeyValueLines(responseBlock(body), warnings);
  const out: LogoutResponse = { replyCode: env?.replyCode ?? 0, replyText: env?.replyText ?? '', entries, warnings };
  for (const { key, value } of entries) {
    const k = key.toLowerCase();
    if (k === 'connecttime') {
      const n = Number.parseInt(value, 10);
      if (Number.isFinite(n)) out.connectTime = n;
    } else if (k === 'billing') out.billing = value;
    else if (k === 'signoffmessage') out.signOffMessage = value;
  }
  return out;
}
