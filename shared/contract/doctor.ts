// The connection doctor (its step types live in shared/doctor/): start, step events,
// a final report, cancel. Steps cross the contract as open objects with these fields at least.
import { z } from 'zod';
import { Id, OperationId, RetsErrorInfoSchema } from './common';
import { ProfileInput } from './profiles';
import { DOCTOR_STEP_STATUSES } from '../doctor/types';

export const DoctorStepStatus = z.enum(DOCTOR_STEP_STATUSES);
/** A failed or warning step's diagnosis (shared/doctor/types.ts Diagnosis): what the panel shows under the step. */
export const DoctorDiagnosis = z.object({
  summary: z.string(),
  detail: z.string(),
  cause: z.string(),
  actions: z.array(z.string()),
  replyCode: z.number().optional(),
  replyText: z.string().optional(),
  httpStatus: z.number().optional(),
});
export const DoctorStep = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: DoctorStepStatus,
  detail: z.string().optional(),
  durationMs: z.number().nonnegative().optional(),
  error: RetsErrorInfoSchema.optional(),
  diagnosis: DoctorDiagnosis.optional(),
});

export const DoctorStartRequest = z.union([
  z.object({ operationId: OperationId.optional(), profileId: Id }),
  z.object({ operationId: OperationId.optional(), draft: ProfileInput }),
]);

export const DoctorStepEvent = z.object({ type: z.literal('doctor.step'), operationId: OperationId, step: DoctorStep });
export const DoctorDoneEvent = z.object({
  type: z.literal('doctor.done'), operationId: OperationId,
  ok: z.boolean(),
  steps: z.array(DoctorStep),
  /** A copyable plain-text report, secrets removed. */
  report: z.string(),
  cancelled: z.boolean().default(false),
  /** The verdict in one sentence: status passed | warning | failed | cancelled, summary, diagnosis. */
  verdict: z.looseObject({ status: z.string(), summary: z.string() }).optional(),
});
export const DoctorErrorEvent = z.object({ type: z.literal('doctor.error'), operationId: OperationId, error: RetsErrorInfoSchema });

export type DoctorStep = z.infer<typeof DoctorStep>;
export type DoctorDiagnosis = z.infer<typeof DoctorDiagnosis>;
