// The rate-limit headers a Web API sent, in words, with what they mean for a sync: "7,200 requests
// an hour: a full pull of 48,000 records at 1,000 a page is 48 requests". A quota nearly used up
// warns, with the throttle to set.
import type { Diagnosis, DoctorFact } from './types';

/** One rate-limit window as the Web API client reads it (electron/odata/quota.ts QuotaWindow). */
export interface QuotaWindowFacts {
  /** 'burst', 'minute', 'hour', 'day', 'x-ratelimit' or 'ratelimit'. */
  window: string;
  limit?: number;
  remaining?: number;
  reset?: string;
}

const n = (x: number) => x.toLocaleString('en-US');

const PER: Record<string, string> = { minute: 'a minute', hour: 'an hour', day: 'a day' };

/** "a minute", or for windows whose length the headers do not name, "per <name> window". */
function per(window: string): string {
  return PER[window] ?? `per ${window === 'burst' ? 'burst' : 'rate-limit'} window`;
}

export interface SyncFigures {
  /** Records of the main resource (@odata.count), when known. */
  records?: number;
  /** Rows a page brings. */
  pageSize: number;
  resource: string;
}

/** Requests a full pull takes, undefined when the record count is unknown. */
export function fullPullRequests(s: SyncFigures): number | undefined {
  return s.records === undefined ? undefined : Math.max(1, Math.ceil(s.records / Math.max(1, s.pageSize)));
}

/** One sentence per window with a limit: the limit and what a full pull costs against it. */
export function quotaMeaning(windows: readonly QuotaWindowFacts[], s: SyncFigures): string[] {
  const requests = fullPullRequests(s);
  const pull = requests === undefined
    ? `a full pull of ${s.resource} at ${n(s.pageSize)} a page takes one request a page (the record count is unknown)`
    : `a full pull of ${n(s.records!)} ${s.resource} records at ${n(s.pageSize)} a page is ${n(requests)} request${requests > 1 ? 's' : ''}`;
  return windows.filter((w) => w.limit !== undefined && w.limit > 0).map((w) => {
    const over = requests !== undefined && requests > w.limit! ? `, more than one window allows: at least ${n(Math.ceil(requests / w.limit!))} windows of waiting` : '';
    return `${n(w.limit!)} requests ${per(w.window)}: ${pull}${over}.`;
  });
}

export function quotaFacts(windows: readonly QuotaWindowFacts[]): DoctorFact[] {
  return windows.map((w) => ({
    label: `Quota (${w.window})`,
    value: [
      w.limit !== undefined ? `limit ${n(w.limit)} ${per(w.window)}` : '',
      w.remaining !== undefined ? `${n(w.remaining)} left` : '',
      w.reset ? `resets ${w.reset}` : '',
    ].filter(Boolean).join(', ') || 'sent without figures',
  }));
}

/** A warning when a window has (nearly) nothing left after the probe; undefined otherwise. */
export function diagnoseQuota(windows: readonly QuotaWindowFacts[], s: SyncFigures): Diagnosis | undefined {
  const low = windows.find((w) => w.limit !== undefined && w.remaining !== undefined && w.remaining <= Math.max(1, Math.floor(w.limit / 10)));
  if (!low) return undefined;
  const meaning = quotaMeaning(windows, s);
  const perMinute = low.window === 'minute' || low.window === 'burst';
  return {
    summary: `Only ${n(low.remaining!)} of ${n(low.limit!)} requests ${per(low.window)} are left after this test.`,
    detail: `${meaning.join(' ')}${low.reset ? ` The window resets ${/^\d+$/.test(low.reset) ? `in ${low.reset} s` : `at ${low.reset}`}.` : ''}`,
    cause: `The account's rate limit is small: this test alone used most of it; a sync that does not pace itself will be refused (HTTP 429) until the window resets.`,
    actions: [
      perMinute ? `Set the profile's throttle to at most ${n(low.limit!)} requests a minute.` : 'Spread syncs so they stay under the limit, and set a throttle in the profile.',
      'Ask for large pages (odata.maxpagesize) so a sync makes fewer requests.',
    ],
  };
}
