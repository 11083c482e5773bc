// The status bar's words for a Web API server's quota (its rate-limit headers) and a running
// Retry-After wait. Pure, so the wording is unit-tested.
import type { SessionQuota } from '../../../shared/contract';

type Window = SessionQuota['windows'][number];

/** The window closest to running out (lowest share left), among those with a limit and a remaining count. */
export function tightestWindow(q: SessionQuota | undefined): Window | undefined {
  const known = (q?.windows ?? []).filter((w) => w.limit !== undefined && w.remaining !== undefined && w.limit > 0);
  return known.reduce<Window | undefined>((best, w) => (!best || w.remaining! / w.limit! < best.remaining! / best.limit! ? w : best), undefined);
}

/** A reset as the vendor sent it: seconds from now, an epoch (s or ms), or a date. */
export function resetText(reset: string | undefined, at: string): string | undefined {
  if (!reset) return undefined;
  const n = Number(reset);
  const base = Date.parse(at);
  let when: number | undefined;
  if (Number.isFinite(n) && reset.trim() !== '') {
    if (n < 1e9) return `resets in ${Math.round(n)} s`;
    when = n < 1e12 ? n * 1000 : n;
  } else {
    const d = Date.parse(reset);
    if (Number.isFinite(d)) when = d;
  }
  if (when === undefined || !Number.isFinite(base)) return `resets ${reset}`;
  return `resets ${new Date(when).toISOString().slice(11, 16)} UTC`;
}

/** "quota 118/120 (burst) · resets in 42 s", or undefined when the server sent no quota. */
export function quotaText(q: SessionQuota | undefined): string | undefined {
  const w = tightestWindow(q);
  if (!w || !q) return undefined;
  const reset = resetText(w.reset, q.at);
  return `quota ${w.remaining!.toLocaleString('en-US')}/${w.limit!.toLocaleString('en-US')} left (${w.window})${reset ? ` · ${reset}` : ''}`;
}

/** "Retry-After: waiting 30 s" while a wait runs. */
export function waitingText(waitingMs: number | undefined, waitingUntil: string | undefined, now: number): string | undefined {
  if (!waitingMs) return undefined;
  const until = waitingUntil ? Date.parse(waitingUntil) : NaN;
  const left = Number.isFinite(until) ? Math.max(0, until - now) : waitingMs;
  return `Retry-After: waiting ${Math.ceil(left / 1000)} s`;
}
