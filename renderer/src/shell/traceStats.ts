// The status bar's request figures, taken from the same trace entries the log panel lists (one
// query, kept current by trace.entry events), so the two never disagree.
import type { TraceEntry } from '../../../shared/contract';

export interface TraceStats { requests: number; lastMs?: number }

export function traceStats(entries: readonly TraceEntry[] | undefined): TraceStats {
  const list = entries ?? [];
  for (let i = list.length - 1; i >= 0; i -= 1) {
    const d = list[i].durationMs;
    if (d !== undefined) return { requests: list.length, lastMs: d };
  }
  return { requests: list.length };
}
