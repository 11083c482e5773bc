// The per-account failure modes that shape a response body (the gate in server.ts handles the rest).
import type { BodyFaults } from './bodyWriter';
import type { Ctx } from './context';

export const DROP_AFTER_BYTES = 4096;

export function bodyFaults(ctx: Ctx): BodyFaults {
  const f = ctx.account?.failure;
  if (f === 'drop-connection') return { dropAfterBytes: DROP_AFTER_BYTES };
  if (f === 'slow') return { trickle: true };
  if (f === 'rate-limit' && ctx.state.tuning.rateLimitDropAfterBytes) return { dropAfterBytes: ctx.state.tuning.rateLimitDropAfterBytes };
  return {};
}
