// Runs the doctor's steps one after another: marks each running, times it, hands every change to
// onStep (the CLI prints it, the host sends it over IPC), and skips the rest after a failure.
import { DEFAULT_SLOW_STEP_MS, diagnoseSlow, pendingSteps, type DoctorFact, type DoctorProtocol, type Diagnosis, type DoctorStep, type DoctorStepEnd, type DoctorStepId } from '../../shared/doctor';

/** The steps that wait on the network: a slow one warns. */
const TIMED_STEPS = new Set<DoctorStepId>([
  'dns', 'tcp', 'tls', 'unauthenticated', 'login', 'metadata', 'search', 'object', 'logout',
  'token', 'serviceDocument', 'odataMetadata', 'firstRecords', 'paging', 'media',
]);

export interface StepOutcome {
  status: DoctorStepEnd;
  facts?: DoctorFact[];
  diagnosis?: Diagnosis;
}

export class StepRunner {
  readonly steps: DoctorStep[];
  stopped = false;

  constructor(private readonly onStep: (step: DoctorStep) => void = () => {}, private readonly signal?: AbortSignal, private readonly slowStepMs = DEFAULT_SLOW_STEP_MS, protocol: DoctorProtocol = 'rets') {
    this.steps = pendingSteps(protocol);
  }

  private title(id: DoctorStepId): string {
    return this.steps.find((s) => s.id === id)?.title ?? id;
  }

  private set(id: DoctorStepId, patch: Partial<DoctorStep>): DoctorStep {
    const i = this.steps.findIndex((s) => s.id === id);
    const next = { ...this.steps[i]!, ...patch };
    this.steps[i] = next;
    this.onStep(next);
    return next;
  }

  /** Run one step unless an earlier one failed; a throw becomes a failure with the error's words. */
  async run(id: DoctorStepId, body: () => Promise<StepOutcome>): Promise<StepOutcome | undefined> {
    if (this.stopped) return undefined;
    const started = Date.now();
    this.set(id, { status: 'running', startedAt: new Date(started).toISOString() });
    let outcome: StepOutcome;
    try {
      outcome = await body();
    } catch (e) {
      outcome = { status: 'failed', diagnosis: unexpected(this.title(id), e) };
    }
    // A cancel shows as a cancelled step, not as the failure the abort caused.
    if (this.signal?.aborted) outcome = { status: 'skipped', facts: [{ label: 'Cancelled', value: 'the test was cancelled here' }] };
    const durationMs = Date.now() - started;
    if (outcome.status === 'passed' && TIMED_STEPS.has(id) && durationMs > this.slowStepMs) {
      outcome = { status: 'warning', facts: outcome.facts, diagnosis: diagnoseSlow(this.title(id), durationMs, this.slowStepMs) };
    }
    this.set(id, { status: outcome.status, durationMs, facts: outcome.facts ?? [], diagnosis: outcome.diagnosis });
    if (outcome.status === 'failed' || this.signal?.aborted) this.stopped = true;
    return outcome;
  }

  /** Mark a step skipped (not needed, or nothing to try) without running it. */
  skip(id: DoctorStepId, why: string): void {
    if (this.stopped) return;
    this.set(id, { status: 'skipped', facts: [{ label: 'Skipped', value: why }] });
  }

  /** After a failure or a cancel, the steps never run are marked skipped. */
  finish(): void {
    for (const s of this.steps) if (s.status === 'pending' || s.status === 'running') this.set(s.id, { status: 'skipped' });
  }
}

function unexpected(title: string, e: unknown): Diagnosis {
  const message = e instanceof Error ? e.message : String(e);
  return {
    summary: `${title} failed unexpectedly: ${message}`,
    detail: message,
    cause: 'An error the doctor has no rule for.',
    actions: ['Retry; if it persists, send this report to the MLS support desk or to us.'],
  };
}
