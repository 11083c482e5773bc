// The connection form's checks, field by field, with what to write instead. The ranges come from
// the contract's schemas (shared/contract/profiles.ts), the ones the host enforces on save.
import { ProfileFields, Throttle, Timeouts } from '../../../shared/contract';

export interface ProfileForm {
  name: string; loginUrl: string; username: string; userAgent: string; retsVersion: string;
  rpm: string; connectS: string; responseS: string;
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

/** Why the login URL cannot be used, or undefined. */
export function loginUrlProblem(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return 'Login URL is empty: paste the one your MLS sent (it often ends in /Login or login.ashx)';
  let u: URL;
  try { u = new URL(t); } catch { return 'Login URL is not a web address: it starts with https:// (or http://), e.g. https://rets.example-mls.com/rets/login'; }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `Login URL must start with https:// or http://, not ${u.protocol}//`;
  if (!u.hostname) return 'Login URL has no server name';
  if (!ProfileFields.shape.loginUrl.safeParse(t).success) return 'Login URL is not a valid web address';
  return undefined;
}

export function validateProfileForm(f: ProfileForm): FormErrors {
  const e: FormErrors = {};
  if (!f.name.trim()) e.name = 'Name is empty: give the connection a name you will recognise';
  else if (!ProfileFields.shape.name.safeParse(f.name).success) e.name = 'Name is too long (200 characters at most)';
  const url = loginUrlProblem(f.loginUrl);
  if (url) e.loginUrl = url;
  if (!f.username.trim()) e.username = 'Username is empty: the MLS sends one with the login URL';
  if (!f.userAgent.trim()) e.userAgent = 'User-Agent is empty: servers refuse requests without one (RETSWorkbench/1.0 works where the MLS gave none)';
  if (!ProfileFields.shape.retsVersion.unwrap().safeParse(f.retsVersion).success) e.retsVersion = 'Pick a RETS version: 1.5, 1.7, 1.7.2 or 1.8';
  const rpm = wholeIn(f.rpm, 'Throttle', range(Throttle.shape.requestsPerMinute));
  if (rpm) e.rpm = rpm;
  const c = wholeIn(f.connectS, 'Connect timeout', range(Timeouts.shape.connectSeconds));
  if (c) e.connectS = c;
  const r = wholeIn(f.responseS, 'Response timeout', range(Timeouts.shape.responseSeconds));
  if (r) e.responseS = r;
  return e;
}
