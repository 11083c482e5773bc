// The connection doctor as a long operation: step events as each step runs, then one done event
// with the copyable report (the runner in electron/doctor does the probing).
import type { z } from 'zod';
import type { DoctorStartRequest, DoctorStep } from '../../shared/contract';
import type { Outcome, OperationRunner, RunningOperation } from './operations';
import { connectionFor } from './profileTest';
import type { ProfileConnection, ProfileStore } from './profiles';

type Req = z.output<typeof DoctorStartRequest>;

export interface DoctorRunResult {
  ok: boolean;
  steps: DoctorStep[];
  report: string;
  cancelled: boolean;
  /** The one-sentence verdict (status passed/warning/failed/cancelled, summary, diagnosis). */
  verdict?: { status: string; summary: string } & Record<string, unknown>;
}

export type DoctorRunner = (conn: ProfileConnection, opts: { signal: AbortSignal; onStep: (step: DoctorStep) => void }) => Promise<DoctorRunResult>;

export class DoctorService {
  constructor(
    private readonly profiles: ProfileStore,
    private readonly ops: OperationRunner,
    private readonly runner?: () => Promise<DoctorRunner>,
  ) {}

  start(req: Req): { operationId: string } {
    return this.ops.start('doctor', req.operationId, (op) => this.run(op, req));
  }

  cancel(operationId: string): boolean {
    return this.ops.cancel(operationId, 'doctor');
  }

  /** A throw becomes the doctor's error event in the runner. */
  private async run(op: RunningOperation, req: Req): Promise<Outcome<'doctor'>> {
    const { id: operationId, signal } = op;
    if (!this.runner) throw new Error('The connection doctor is not part of this build.');
    const conn = await connectionFor(req, this.profiles);
    const run = await this.runner();
    const result = await run(conn, { signal, onStep: (step) => op.emit({ type: 'doctor.step', operationId, step }) });
    return {
      event: {
        type: 'doctor.done', operationId, ok: result.ok, steps: result.steps, report: result.report, cancelled: result.cancelled || signal.aborted,
        ...(result.verdict ? { verdict: result.verdict } : {}),
      },
    };
  }
}
