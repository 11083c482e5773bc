// RETS sessions: the RETS-Session-ID cookie, idle timeout, and per-account request windows for
// the rate-limit account. Sessions nobody comes back to are dropped once past their timeout,
// swept at most once a SWEEP_EVERY_MS at a login, so a stream of logins cannot grow the map.
import { randomBytes } from 'node:crypto';
import type { DemoAccount } from './accounts';

export interface Session {
  id: string;
  account: DemoAccount;
  started: number;
  lastSeen: number;
  /** Idle seconds after which the session is gone. */
  timeoutSeconds: number;
  /** For flaky photos: objects already asked for once. */
  askedObjects: Set<string>;
}

/** How often logins sweep out expired sessions (each sweep visits every session once). */
export const SWEEP_EVERY_MS = 60_000;

export class Sessions {
  private readonly byId = new Map<string, Session>();
  private readonly hits = new Map<string, number[]>();
  private nextSweep = 0;

  /** `now`: milliseconds since the epoch (tests drive it). */
  constructor(private readonly now: () => number = Date.now) {}

  /** Sessions held (live, or expired and not yet swept). */
  get size(): number {
    return this.byId.size;
  }

  create(account: DemoAccount, timeoutSeconds: number): Session {
    const id = randomBytes(12).toString('hex').toUpperCase();
    const now = this.now();
    if (now >= this.nextSweep) this.sweep(now);
    const s: Session = { id, account, started: now, lastSeen: now, timeoutSeconds, askedObjects: new Set() };
    this.byId.set(id, s);
    return s;
  }

  /** The live session for a cookie value; 'expired' if it was ours but timed out or logged out. */
  find(id: string | undefined): Session | 'expired' | undefined {
    if (!id) return undefined;
    const s = this.byId.get(id);
    if (!s) return 'expired';
    const now = this.now();
    if (expired(s, now)) {
      this.byId.delete(id);
      return 'expired';
    }
    s.lastSeen = now;
    return s;
  }

  private sweep(now: number): void {
    this.nextSweep = now + SWEEP_EVERY_MS;
    for (const [id, s] of this.byId) if (expired(s, now)) this.byId.delete(id);
  }

  end(id: string): Session | undefined {
    const s = this.byId.get(id);
    this.byId.delete(id);
    return s;
  }

  /** Counts one request for the account; true when it is over `perMinute` in the last 60 s. */
  overLimit(username: string, perMinute: number): { over: boolean; retryAfter: number; remaining: number } {
    const now = this.now();
    const list = (this.hits.get(username) ?? []).filter((t) => now - t < 60_000);
    list.push(now);
    this.hits.set(username, list);
    return { over: list.length > perMinute, retryAfter: Math.max(1, Math.ceil((60_000 - (now - list[0])) / 1000)), remaining: Math.max(0, perMinute - list.length) };
  }
}

function expired(s: Session, now: number): boolean {
  return now - s.lastSeen > s.timeoutSeconds * 1000;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
