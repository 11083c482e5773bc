// The connection form's checks, field by field, with what to write instead. The ranges come from
// the contract's schemas (shared/contract/profiles.ts), the ones the host enforces on save.
import { ProfileFields, Throttle, Timeouts, WebApiSettings } from '../../../shared/contract';

export interface HeaderRow { name: string; value: string }

export interface ProfileForm {
  name: string; loginUrl: string; username: string; userAgent: string; retsVersion: string;
  rpm: string; connectS: string; responseS: string;
  /** Web API profiles ('rets' when absent). */
  type?: 'rets' | 'webapi';
  auth?: string; tokenUrl?: string; clientId?: string; scope?: string; pageSize?: string;
  headers?: HeaderRow[];
}
export type FormErrors = Partial<Record<keyof ProfileForm, string>>;

const WHOLE = /^\d+$/;

function range(schema: { minValue: number | null; maxValue: number | null }): [number, number] {
  return [schema.minValue ?? 0, schema.maxValue ?? Number.MAX_SAFE_INTEGER];
}

function wholeIn(text: string, what: string, [lo, hi]: [number, number]): string | undefined {
  const t = text.trim();
  if (t === '') return `${what} is empty: enter a whole number from ${lo} to ${hi}`;
  if (!WHOLE.test(t)) return `${what} “${t}” is not a whole number: enter ${lo} to ${hi}`;
  const n = Number(t);
  return n < lo || n > hi ? `${what} must be from ${lo} to ${hi}` : undefined;
}

/** Why a web address the form asks for cannot be used, or undefined. */
function urlProblem(text: string, what: string, example: string, empty: string): string | undefined {
  const t = text.trim();
  if (t === '') return `${what} is empty: ${empty}`;
  let u: URL;
  try { u = new URL(t); } catch { return `${what} is not a web address: it starts with https:// (or http://), e.g. ${example}`; }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `${what} must start with https:// or http://, not ${u.protocol}//`;
  if (!u.hostname) return `${what} has no server name`;
  if (!ProfileFields.shape.loginUrl.safeParse(t).success) return `${what} is not a valid web address`;
  return undefined;
}

/** Why the login URL cannot be used, or undefined. */
export function loginUrlProblem(text: string): string | undefined {
  return urlProblem(text, 'Login URL', 'https://rets.example-mls.com/rets/login', 'paste the one your MLS sent (it often ends in /Login or login.ashx)');
}

/** Headers the Web API client sets itself (the contract refuses them in a profile). */
const OWN_HEADERS = ['authorization', 'host', 'accept', 'accept-encoding', 'content-length', 'content-type', 'odata-maxversion', 'prefer', 'connection', 'transfer-encoding', 'user-agent'];

/** The extra headers' problem (first one), or undefined. */
export function headersProblem(rows: readonly HeaderRow[]): string | undefined {
  const seen = new Set<string>();
  for (const r of rows) {
    const name = r.name.trim();
    if (name === '' && r.value.trim() === '') continue;
    if (name === '') return `A header with the value “${r.value.slice(0, 40)}” has no name`;
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/.test(name)) return `Header name “${name.slice(0, 40)}” may hold only letters, digits and - (no spaces or colons)`;
    if (OWN_HEADERS.includes(name.toLowerCase())) return `${name} is set by the workbench itself (the token goes in Authorization): remove this header`;
    if (seen.has(name.toLowerCase())) return `Header ${name} is given twice`;
    if (/[\r\n\0]/.test(r.value)) return `Header ${name}'s value may not hold line breaks`;
    seen.add(name.toLowerCase());
  }
  return undefined;
}

function webApiErrors(f: ProfileForm, e: FormErrors): void {
  const root = urlProblem(f.loginUrl, 'Service root', 'https://api.example-mls.com/reso/odata', 'paste the Web API service root your MLS documents (it often ends in /odata)');
  if (root) e.loginUrl = root;
  const oauth = f.auth !== 'bearer';
  if (oauth) {
    const t = urlProblem(f.tokenUrl ?? '', 'Token URL', 'https://api.example-mls.com/oauth2/token', 'OAuth2 needs the token endpoint the MLS documents');
    if (t) e.tokenUrl = t;
    if (!(f.clientId ?? '').trim()) e.clientId = 'Client ID is empty: the MLS gives one with the client secret';
    else if (!WebApiSettings.shape.clientId.safeParse(f.clientId).success) e.clientId = 'Client ID is too long (500 characters at most)';
  }
  if (f.auth === 'password' && !f.username.trim()) e.username = 'Username is empty: the password grant logs in as a user';
  const h = headersProblem(f.headers ?? []);
  if (h) e.headers = h;
  if ((f.pageSize ?? '').trim() !== '') {
    const p = wholeIn(f.pageSize!, 'Page size', [1, 100_000]);
    if (p) e.pageSize = p;
  }
}

export function validateProfileForm(f: ProfileForm): FormErrors {
  const e: FormErrors = {};
  if (!f.name.trim()) e.name = 'Name is empty: give the connection a name you will recognise';
  else if (!ProfileFields.shape.name.safeParse(f.name).success) e.name = 'Name is too long (200 characters at most)';
  if (f.type === 'webapi') webApiErrors(f, e);
  else {
    const url = loginUrlProblem(f.loginUrl);
    if (url) e.loginUrl = url;
    if (!f.username.trim()) e.username = 'Username is empty: the MLS sends one with the login URL';
  }
  if (!f.userAgent.trim()) e.userAgent = 'User-Agent is empty: servers refuse requests without one (RETSWorkbench/1.0 works where the MLS gave none)';
  if (f.type !== 'webapi' && !ProfileFields.shape.retsVersion.unwrap().safeParse(f.retsVersion).success) e.retsVersion = 'Pick a RETS version: 1.5, 1.7, 1.7.2 or 1.8';
  const rpm = wholeIn(f.rpm, 'Throttle', range(Throttle.shape.requestsPerMinute));
  if (rpm) e.rpm = rpm;
  const c = wholeIn(f.connectS, 'Connect timeout', range(Timeouts.shape.connectSeconds));
  if (c) e.connectS = c;
  const r = wholeIn(f.responseS, 'Response timeout', range(Timeouts.shape.responseSeconds));
  if (r) e.responseS = r;
  return e;
}
