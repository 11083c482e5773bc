// Vendors' rate-limit headers, read into one shape: Bridge's Burst-RateLimit-*, Trestle's
// Minute-Quota-* / Hour-Quota-* (Available = remaining, ResetTime), the common X-RateLimit-* and
// the IETF draft's RateLimit-*. Every header that names a limit or quota is also kept raw, so a
// vendor we do not know still shows.

export interface QuotaWindow {
  /** 'burst', 'minute', 'hour', 'day', 'x-ratelimit' or 'ratelimit'. */
  window: string;
  limit?: number;
  remaining?: number;
  /** As sent: seconds, an epoch or a date, depending on the vendor. */
  reset?: string;
}

export interface QuotaInfo {
  windows: QuotaWindow[];
  /** Every rate-limit or quota header as sent (lower-case names). */
  raw: Record<string, string>;
}

// Header name prefix -> window, and the suffixes each family uses.
const FAMILIES: { prefix: string; window: string }[] = [
  { prefix: 'burst-ratelimit-', window: 'burst' },
  { prefix: 'minute-quota-', window: 'minute' },
  { prefix: 'hour-quota-', window: 'hour' },
  { prefix: 'day-quota-', window: 'day' },
  { prefix: 'x-ratelimit-', window: 'x-ratelimit' },
  { prefix: 'ratelimit-', window: 'ratelimit' },
];
const LIMIT = new Set(['limit']);
const REMAINING = new Set(['remaining', 'available']);
const RESET = new Set(['reset', 'resettime', 'reset-time']);

function isQuotaHeader(name: string): boolean {
  return name.includes('ratelimit') || name.includes('rate-limit') || name.includes('quota');
}

function numberOf(v: string): number | undefined {
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

/** The quota headers of an answer, or undefined when it has none. */
export function parseQuotaHeaders(headers: Record<string, string | string[] | undefined>): QuotaInfo | undefined {
  const raw: Record<string, string> = {};
  const byWindow = new Map<string, QuotaWindow>();
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const name = key.toLowerCase();
    if (!isQuotaHeader(name)) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    raw[name] = text;
    const family = FAMILIES.find((f) => name.startsWith(f.prefix));
    if (!family) continue;
    const suffix = name.slice(family.prefix.length);
    let w = byWindow.get(family.window);
    if (!w) { w = { window: family.window }; byWindow.set(family.window, w); }
    if (LIMIT.has(suffix)) w.limit = numberOf(text);
    else if (REMAINING.has(suffix)) w.remaining = numberOf(text);
    else if (RESET.has(suffix)) w.reset = text.trim();
  }
  if (Object.keys(raw).length === 0) return undefined;
  return { windows: [...byWindow.values()], raw };
}
