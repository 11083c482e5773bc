// The connection doctor's plain-data shapes: steps, facts, diagnoses and the final report. They
// cross IPC unchanged (the app panel renders them live) and are printed by the CLI, so they hold
// only strings, numbers and booleans, and never a secret.

/** The probe's steps, in the order they run. */
export const DOCTOR_STEP_IDS = [
  'url', 'dns', 'tcp', 'tls', 'unauthenticated', 'login', 'uaAuth',
  'capabilities', 'metadata', 'search', 'object', 'logout',
] as const;

/** The Web API probe's steps, in the order they run (the network steps are the RETS ones). */
export const WEBAPI_DOCTOR_STEP_IDS = [
  'url', 'dns', 'tcp', 'tls', 'token', 'serviceDocument', 'odataMetadata', 'firstRecords', 'paging', 'media', 'rateLimit',
] as const;

export type DoctorStepId = (typeof DOCTOR_STEP_IDS)[number] | (typeof WEBAPI_DOCTOR_STEP_IDS)[number];

export type DoctorProtocol = 'rets' | 'webapi';

export const DOCTOR_STEP_TITLES: Record<DoctorStepId, string> = {
  url: 'Login URL',
  dns: 'DNS lookup',
  tcp: 'TCP connection',
  tls: 'TLS handshake',
  unauthenticated: 'Unauthenticated request',
  login: 'Login',
  uaAuth: 'User-Agent authentication',
  capabilities: 'Capabilities',
  metadata: 'System metadata',
  search: 'Count-only search',
  object: 'One object',
  logout: 'Logout',
  token: 'Token endpoint',
  serviceDocument: 'Service document',
  odataMetadata: '$metadata',
  firstRecords: '$top=1 on each resource',
  paging: 'Paging through nextLink',
  media: 'Media for one record',
  rateLimit: 'Rate-limit headers',
};

/** Titles a Web API probe gives differently from a RETS one. */
const WEBAPI_TITLES: Partial<Record<DoctorStepId, string>> = { url: 'Service root' };

/** A step's title in a probe of this protocol. */
export function stepTitle(id: DoctorStepId, protocol: DoctorProtocol = 'rets'): string {
  return (protocol === 'webapi' ? WEBAPI_TITLES[id] : undefined) ?? DOCTOR_STEP_TITLES[id];
}

/** A step's status, the one vocabulary of both doctors (RETS and Web API), the CLI, the contract and the panel. */
export const DOCTOR_STEP_STATUSES = ['pending', 'running', 'passed', 'failed', 'skipped', 'warning'] as const;
export type DoctorStepStatus = (typeof DOCTOR_STEP_STATUSES)[number];
/** How a step that ran ended. */
export type DoctorStepEnd = Exclude<DoctorStepStatus, 'pending' | 'running'>;
/** What a check found: fine, worth a look, or broken. */
export type DoctorFinding = Extract<DoctorStepStatus, 'passed' | 'warning' | 'failed'>;

/** One observation shown beside a step, e.g. { label: 'Addresses', value: '10.0.0.5, 10.0.0.6' }. */
export interface DoctorFact {
  label: string;
  value: string;
}

/** What went wrong (or looks wrong), in plain words, and what to do about it. */
export interface Diagnosis {
  /** One plain sentence, e.g. "Connection timed out after 10 s: the server did not answer." */
  summary: string;
  /** More about what was observed. */
  detail: string;
  /** The likely cause. */
  cause: string;
  /** What to do, most useful first. */
  actions: string[];
  replyCode?: number;
  replyText?: string;
  httpStatus?: number;
}

export interface DoctorStep {
  id: DoctorStepId;
  title: string;
  status: DoctorStepStatus;
  /** ISO-8601 time the step started (absent while pending). */
  startedAt?: string;
  durationMs?: number;
  facts: DoctorFact[];
  /** Present on 'failed' and 'warning' steps; 'skipped' steps may say why. */
  diagnosis?: Diagnosis;
}

export type DoctorVerdictStatus = 'passed' | 'warning' | 'failed' | 'cancelled';

export interface DoctorVerdict {
  status: DoctorVerdictStatus;
  /** One sentence for the top of the panel / last line of the CLI. */
  summary: string;
  /** The step that failed (or the first that warned). */
  stepId?: DoctorStepId;
  /** That step's diagnosis. */
  diagnosis?: Diagnosis;
}

/** What was tested, secrets left out. */
export interface DoctorTarget {
  /** Login URL without credentials or query string. */
  loginUrl: string;
  username: string;
  userAgent: string;
  retsVersion: string;
  authScheme: string;
  uaPasswordSet: boolean;
}

/** What a Web API probe tested, secrets left out. */
export interface WebApiDoctorTarget {
  protocol: 'webapi';
  /** Service root without credentials or query string. */
  serviceRoot: string;
  authKind: 'none' | 'bearer' | 'client-credentials' | 'password';
  tokenUrl?: string;
  clientId?: string;
  scope?: string;
  username?: string;
  userAgent: string;
}

export function isWebApiTarget(t: DoctorTarget | WebApiDoctorTarget): t is WebApiDoctorTarget {
  return (t as WebApiDoctorTarget).protocol === 'webapi';
}

export interface DoctorReport {
  target: DoctorTarget | WebApiDoctorTarget;
  startedAt: string;
  finishedAt: string;
  steps: DoctorStep[];
  /** The address the connection left from, as the MLS sees it unless a NAT/proxy is in between. */
  localAddress?: string;
  /** The server's address and port that answered. */
  remoteAddress?: string;
  verdict: DoctorVerdict;
}

/** Every step of a protocol's probe, pending, in probe order. */
export function pendingSteps(protocol: DoctorProtocol = 'rets'): DoctorStep[] {
  const ids: readonly DoctorStepId[] = protocol === 'webapi' ? WEBAPI_DOCTOR_STEP_IDS : DOCTOR_STEP_IDS;
  return ids.map((id) => ({ id, title: stepTitle(id, protocol), status: 'pending', facts: [] }));
}

/** The verdict a finished list of steps earns. */
export function verdictOf(steps: DoctorStep[], cancelled = false): DoctorVerdict {
  const failed = steps.find((s) => s.status === 'failed');
  if (failed) {
    return {
      status: 'failed', stepId: failed.id, diagnosis: failed.diagnosis,
      summary: failed.diagnosis?.summary ?? `${failed.title} failed.`,
    };
  }
  if (cancelled) return { status: 'cancelled', summary: 'The test was cancelled before it finished.' };
  const warned = steps.find((s) => s.status === 'warning');
  if (warned) {
    return {
      status: 'warning', stepId: warned.id, diagnosis: warned.diagnosis,
      summary: `The connection works, with a warning: ${warned.diagnosis?.summary ?? warned.title}`,
    };
  }
  return { status: 'passed', summary: 'Every step passed: the URL, network, credentials and server all work.' };
}
