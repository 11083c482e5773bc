// Diagnosis of the unauthenticated request: what a RETS login URL should answer before any
// credentials are sent (normally 401 with a Digest or Basic challenge) and what it means when it
// answers something else (404, an HTML page, a block page, a redirect, a rate limit).
import { htmlSummary, looksLikeHtml, parseRetsEnvelope } from '../rets/envelope';
import type { Diagnosis, DoctorFinding } from './types';

export interface AuthChallenge {
  /** Lower-case scheme: 'digest', 'basic', 'negotiate'… */
  scheme: string;
  realm?: string;
}

/** The schemes and realms of one or more WWW-Authenticate headers. */
export function parseChallenges(headers: string | string[] | undefined): AuthChallenge[] {
  const list = headers === undefined ? [] : Array.isArray(headers) ? headers : [headers];
  const out: AuthChallenge[] = [];
  for (const h of list) {
    // A header may carry several challenges; a token not followed by "=" starts each one.
    const starts = [...h.matchAll(/(?:^|,)\s*([A-Za-z][\w!#$%&'*+.^`|~-]*)(?!\s*=)(?=\s|,|$)/g)];
    starts.forEach((m, i) => {
      const end = i + 1 < starts.length ? starts[i + 1]!.index : h.length;
      const params = h.slice(m.index! + m[0].length, end);
      const realm = /\brealm\s*=\s*(?:"([^"]*)"|([^\s,]+))/i.exec(params);
      out.push({ scheme: m[1]!.toLowerCase(), realm: realm ? (realm[1] ?? realm[2]) : undefined });
    });
  }
  return out;
}

export interface UnauthenticatedObservation {
  status: number;
  contentType?: string;
  /** The first few KB of the body, as text. */
  bodyHead: string;
  challenges: AuthChallenge[];
  server?: string;
  location?: string;
  retryAfter?: string;
  configuredScheme: 'auto' | 'digest' | 'basic';
  retsVersion: string;
}

export type UnauthenticatedFinding = { status: DoctorFinding; diagnosis?: Diagnosis };

function htmlPage(o: UnauthenticatedObservation): string | undefined {
  const html = /text\/html/i.test(o.contentType ?? '') || looksLikeHtml(o.bodyHead);
  return html ? htmlSummary(o.bodyHead) || '(an empty page)' : undefined;
}

/** Judge the answer to a login request sent without credentials. */
export function diagnoseUnauthenticated(o: UnauthenticatedObservation): UnauthenticatedFinding {
  const html = htmlPage(o);
  const env = parseRetsEnvelope(o.bodyHead);
  const said = html ? ` The server sent an HTML page: "${html}".` : '';
  const schemes = o.challenges.map((c) => c.scheme);
  const base = { httpStatus: o.status, replyCode: env?.replyCode, replyText: env?.replyText };
  if (o.status === 404 || o.status === 410) {
    return { status: 'failed', diagnosis: { ...base,
      summary: `The login URL's path does not exist on this server (HTTP ${o.status}).`,
      detail: `The server is reachable but has nothing at this path.${said}`,
      cause: 'The path in the login URL is wrong or out of date.',
      actions: ['Check the full login URL with the MLS (the path matters, e.g. /rets/login vs /rets/Login.ashx).'] } };
  }
  if (o.status === 403) {
    return { status: 'failed', diagnosis: { ...base,
      summary: 'The server refused access before any login (HTTP 403): this address is blocked.',
      detail: `A 403 before credentials are even asked for comes from an allow-list or firewall.${said}`,
      cause: 'Your IP address is not whitelisted by the MLS, or a web application firewall blocks this client.',
      actions: ['Send the MLS the local address below and ask them to whitelist your public IP address.', 'Ask whether they also filter on the User-Agent.'] } };
  }
  if (o.status === 429 || o.status === 503 && o.retryAfter) {
    return { status: 'failed', diagnosis: { ...base,
      summary: `The server is rate-limiting this client (HTTP ${o.status})${o.retryAfter ? `; it asks to wait ${o.retryAfter} s` : ''}.`,
      detail: 'Too many requests were made recently from this account or address.',
      cause: 'A rate limit at the MLS.',
      actions: [`Wait${o.retryAfter ? ` ${o.retryAfter} s` : ' a minute'} before trying again.`, 'Make fewer requests per minute (set a throttle in the profile).'] } };
  }
  if (o.status >= 300 && o.status < 400) {
    const toHttps = o.location?.startsWith('https:');
    return { status: 'failed', diagnosis: { ...base,
      summary: `The login URL redirects (HTTP ${o.status}) to ${o.location ?? 'another address'}.`,
      detail: 'RETS clients do not follow redirects: the login URL itself must answer.',
      cause: toHttps ? 'The server moved to https.' : 'The login URL is out of date.',
      actions: [o.location ? `Use ${o.location} as the login URL if the MLS confirms it.` : 'Ask the MLS for the current login URL.'] } };
  }
  if (o.status >= 500) {
    return { status: 'failed', diagnosis: { ...base,
      summary: `The server failed with HTTP ${o.status} before any login.`,
      detail: `A server-side error.${said}`,
      cause: 'The RETS server (or a proxy in front of it) is down or misconfigured.',
      actions: ['Retry later.', 'If it persists, send this report to the MLS support desk.'] } };
  }
  if (o.status === 401) {
    if (schemes.length === 0) {
      return { status: 'warning', diagnosis: { ...base,
        summary: 'The server asks for a login but offers no authentication scheme (no WWW-Authenticate header).',
        detail: 'Without a challenge the client cannot use Digest.',
        cause: 'Some servers expect Basic credentials sent up front.',
        actions: ['Set the authentication scheme to Basic in the profile if the login fails.'] } };
    }
    const offersDigest = schemes.includes('digest');
    const offersBasic = schemes.includes('basic');
    if (o.configuredScheme === 'digest' && !offersDigest) {
      return { status: 'warning', diagnosis: schemeMismatch('digest', schemes, base) };
    }
    if (o.configuredScheme === 'basic' && !offersBasic) {
      return { status: 'warning', diagnosis: schemeMismatch('basic', schemes, base) };
    }
    if (!offersDigest && !offersBasic) {
      return { status: 'warning', diagnosis: schemeMismatch(o.configuredScheme, schemes, base) };
    }
    return { status: 'passed' };
  }
  if (html) {
    return { status: 'failed', diagnosis: { ...base,
      summary: 'The login URL answers with a web page, not RETS: the path is probably wrong.',
      detail: `HTTP ${o.status}; a RETS login URL asks for credentials (401) or answers RETS XML.${said}`,
      cause: 'The URL points at a web site or portal, not the RETS login, or a proxy shows a block page.',
      actions: ['Check the full login URL with the MLS.', 'If the page says access is denied, ask the MLS to whitelist your IP address.'] } };
  }
  if (o.status === 400 && env && /version/i.test(env.replyText)) {
    return { status: 'failed', diagnosis: versionRefused(o.retsVersion, base) };
  }
  // 200 with RETS XML (a server that lets anyone reach the login page) or another status: go on.
  return { status: 'passed' };
}

function schemeMismatch(configured: string, offered: string[], base: Pick<Diagnosis, 'httpStatus' | 'replyCode' | 'replyText'>): Diagnosis {
  return { ...base,
    summary: `The server offers ${offered.map((s) => s[0]!.toUpperCase() + s.slice(1)).join(', ')} authentication, but the profile is set to ${configured === 'auto' ? 'Digest or Basic' : configured[0]!.toUpperCase() + configured.slice(1)}.`,
    detail: `WWW-Authenticate offered: ${offered.join(', ')}.`,
    cause: 'The profile is configured for an authentication scheme this server does not use.',
    actions: [offered.includes('basic') || offered.includes('digest') ? `Set the authentication scheme to ${offered.includes('digest') ? 'Digest' : 'Basic'} (or Auto) in the profile.` : 'Ask the MLS how to authenticate: this tool speaks Digest and Basic.'],
  };
}

/** The server refuses the RETS-Version we sent. */
export function versionRefused(sent: string, base: Pick<Diagnosis, 'httpStatus' | 'replyCode' | 'replyText'> = {}): Diagnosis {
  return { ...base,
    summary: `The server refuses the RETS version ${sent}.`,
    detail: base.replyText ? `It said: "${base.replyText}".` : 'It rejected the RETS-Version header.',
    cause: 'The server speaks another RETS version (many still run 1.5 or 1.7.2).',
    actions: ['Set the RETS version in the profile to what the MLS supports (try RETS/1.7.2, then RETS/1.5, then RETS/1.8).'],
  };
}
