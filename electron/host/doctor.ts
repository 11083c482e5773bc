// The connection doctor as a long operation: step events as each step runs, then one done event
// with the copyable report (the runner in electron/doctor does the probing).
import type { z } from 'zod';
import type { DoctorStartRequest, DoctorStep, HostEvent } from '../../shared/contract';
import type { EventBus } from './events';
import { toErrorInfo } from './hostError';
import type { OperationRegistry } from './operations';
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
    private readonly ops: OperationRegistry,
    private readonly bus: EventBus,
    private readonly runner?: () => Promise<DoctorRunner>,
  ) {}

  start(req: Req): { operationId: string } {
    return this.ops.launch('doctor', req.operationId, (id, signal) => this.run(id, req, signal));
  }

  cancel(operationId: string): boolean {
    return this.ops.cancel(operationId, 'doctor');
  }

  /** The terminal event: the operation leaves the registry first, so a late cancel says false. */
  private finish(event: HostEvent & { operationId: string }): void {
    this.ops.end(event.operationId);
    this.bus.emit(event);
  }

  private async run(operationId: string, req: Req, signal: AbortSignal): Promise<void> {
    try {
      if (!this.runner) throw new Error('The connection doctor is not part of this build.');
      const conn = await connectionFor(req, this.profiles);
      const run = await this.runner();
      const result = await run(conn, { signal, onStep: (step) => this.bus.emit({ type: 'doctor.step', operationId, step }) });
      this.finish({
        type: 'doctor.done', operationId, ok: result.ok, steps: result.steps, report: result.report, cancelled: result.cancelled || signal.aborted,
        ...(result.verdict ? { verdict: result.verdict } : {}),
      });
    } catch (err) {
      this.finish({ type: 'doctor.error', operationId, error: toErrorInfo(err, 'Login') });
    }
  }
}
