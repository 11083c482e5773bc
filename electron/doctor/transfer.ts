// A response cut off mid-body, found from the session's trace (an entry that failed after body
// bytes arrived), and the check that repeats the request twice to see whether the cut falls at the
// same place, unless the server has sent rate-limit signals (then repeating would spend requests
// the account may not have).
import { diagnoseCut, type CutRepeat, type DoctorFact } from '../../shared/doctor';
import type { RetsTransaction } from '../../shared/rets/errors';
import type { RetsSession } from '../rets/session';
import type { TraceEntry } from '../rets/trace';
import type { StepOutcome } from './stepRunner';

const REPEATS = 2;
/** Headers by which servers say an account is metered (the IETF RateLimit fields and their common X- forms). */
const SIGNAL_HEADERS = ['Retry-After', 'RateLimit-Remaining', 'X-RateLimit-Remaining', 'RateLimit-Limit', 'X-RateLimit-Limit', 'RateLimit', 'RateLimit-Policy'];

/** The trace entry's id, so later entries can be told apart. */
export function lastTraceId(session: RetsSession): number {
  return session.trace.list().at(-1)?.id ?? -1;
}

/** Bytes received by the last request of the transaction after `afterId`, when it broke off mid-body. */
function cutAfter(session: RetsSession, transaction: RetsTransaction, afterId: number): number | undefined {
  const e = session.trace.list().filter((t) => t.id > afterId && t.transaction === transaction).at(-1);
  return e && e.error && e.bytes > 0 ? e.bytes : undefined;
}

function header(e: TraceEntry, name: string): string | undefined {
  for (const [k, v] of Object.entries(e.responseHeaders ?? {})) if (k.toLowerCase() === name) return v;
  return undefined;
}

/** The first rate-limit signal the server sent this session, in words; undefined when none. */
export function rateLimitSignal(session: RetsSession): string | undefined {
  for (const e of session.trace.list()) {
    if (e.status === 429) return 'HTTP 429 Too Many Requests';
    for (const name of SIGNAL_HEADERS) {
      const v = header(e, name.toLowerCase());
      if (v !== undefined) return `${name}: ${v}`;
    }
  }
  return undefined;
}

/**
 * When the step's request was cut mid-body: the outcome says how many bytes came, and what two
 * repeats of the request found. Any other failure is returned as it was.
 */
export async function checkCut(session: RetsSession, transaction: RetsTransaction, since: number, failed: StepOutcome, repeat: () => Promise<unknown>): Promise<StepOutcome> {
  const first = cutAfter(session, transaction, since);
  if (first === undefined) return failed;
  const facts: DoctorFact[] = [...(failed.facts ?? []), { label: 'Received before the cut', value: `${first.toLocaleString('en-US')} bytes` }];
  const signal = rateLimitSignal(session);
  let result: CutRepeat;
  if (signal) {
    result = { skipped: `the server has sent rate-limit signals (${signal})` };
    facts.push({ label: 'Repeats', value: `skipped: the server has sent rate-limit signals (${signal})` });
  } else {
    const repeats: (number | 'complete')[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const mark = lastTraceId(session);
      await repeat().catch(() => undefined);
      repeats.push(cutAfter(session, transaction, mark) ?? 'complete');
    }
    result = { repeats };
    facts.push({ label: 'Repeats', value: repeats.map((r) => (r === 'complete' ? 'complete' : `cut after ${r.toLocaleString('en-US')} bytes`)).join('; ') });
  }
  return { status: 'failed', facts, diagnosis: diagnoseCut(transaction, first, result) };
}
