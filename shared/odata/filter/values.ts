// Reading OData primitive values from their literal (and payload) forms: dates, DateTimeOffsets,
// times of day and durations. Each returns NaN / undefined for text that is not a real value, so
// the validator can say "not a real date" and the evaluator treats it as no match.

const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})$/;
const DATETIME = /^(-?\d{4,})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,12})?)?([Zz]|([+-])(\d{2}):(\d{2}))?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,12})?)?$/;
const DURATION = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const DAY_MS = 86400000;

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function dayNumber(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / DAY_MS);
}

/** Days since 1970-01-01 of an Edm.Date, or NaN. */
export function dateKey(s: string): number {
  const m = DATE.exec(s);
  return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : NaN;
}

/** A DateTimeOffset's instant and the wall-clock parts as written (functions read those). */
export interface DateTimeParts {
  /** Milliseconds since the epoch, with sub-millisecond fractions. */
  instant: number;
  year: number; month: number; day: number; hour: number; minute: number; second: number;
  /** Fraction of the second, 0 <= x < 1. */
  fraction: number;
  offsetMinutes: number;
  /** True when the text had no Z or offset (read as UTC). */
  noZone: boolean;
}

export function dateTimeParts(s: string): DateTimeParts | undefined {
  const m = DATETIME.exec(s);
  if (!m) {
    // A bare date compares as midnight UTC.
    const d = dateKey(s);
    if (Number.isNaN(d)) return undefined;
    const [y, mo, da] = s.split('-').map(Number);
    return { instant: d * DAY_MS, year: y, month: mo, day: da, hour: 0, minute: 0, second: 0, fraction: 0, offsetMinutes: 0, noZone: true };
  }
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((k) => Number(m[k]));
  const second = m[6] ? Number(m[6]) : 0;
  const fraction = m[7] ? Number(`0${m[7]}`) : 0;
  const dn = dayNumber(year, month, day);
  if (Number.isNaN(dn) || hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetMinutes = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) : 0;
  if (m[10] && (Number(m[10]) > 23 || Number(m[11]) > 59)) return undefined;
  const instant = dn * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + fraction * 1000;
  return { instant, year, month, day, hour, minute, second, fraction, offsetMinutes, noZone: !m[8] };
}

/** Milliseconds since the epoch of a DateTimeOffset (or a bare date at midnight UTC), or NaN. */
export function instantKey(s: string): number {
  return dateTimeParts(s)?.instant ?? NaN;
}

/** Milliseconds since midnight of an Edm.TimeOfDay, or NaN. */
export function timeKey(s: string): number {
  const m = TIME.exec(s);
  if (!m) return NaN;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const sec = m[3] ? Number(m[3]) : 0;
  if (h > 23 || mi > 59 || sec > 59) return NaN;
  return ((h * 60 + mi) * 60 + sec) * 1000 + (m[4] ? Number(`0${m[4]}`) * 1000 : 0);
}

/** Milliseconds of an Edm.Duration (`P1DT2H`, `-PT30M`), or NaN. */
export function durationKey(s: string): number {
  const m = DURATION.exec(s);
  if (!m || s === 'P' || s === '-P' || s.endsWith('T')) return NaN;
  const ms = ((Number(m[2] ?? 0) * 24 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 60000 + Number(m[5] ?? 0) * 1000;
  return m[1] ? -ms : ms;
}

/** The ISO form of a duration in milliseconds: P1DT2H3M4.5S. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const d = Math.floor(rest / DAY_MS); rest -= d * DAY_MS;
  const h = Math.floor(rest / 3600000); rest -= h * 3600000;
  const mi = Math.floor(rest / 60000); rest -= mi * 60000;
  const s = rest / 1000;
  const time = `${h ? `${h}H` : ''}${mi ? `${mi}M` : ''}${s ? `${s}S` : ''}`;
  return `${sign}P${d ? `${d}D` : ''}${time ? `T${time}` : d ? '' : 'T0S'}`;
}

/** The UTC ISO form of an instant. */
export function formatInstant(ms: number): string {
  return new Date(Math.floor(ms)).toISOString().replace('.000Z', 'Z');
}
