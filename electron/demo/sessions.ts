// RETS sessions: the RETS-Session-ID cookie, idle timeout, and per-account request windows for
// the rate-limit account.
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

export class Sessions {
  private readonly byId = new Map<string, Session>();
  private readonly hits = new Map<string, number[]>();

  create(account: DemoAccount, timeoutSeconds: number): Session {
    const id = randomBytes(12).toString('hex').toUpperCase();
    const now = Date.now();
    const s: Session = { id, account, started: now, lastSeen: now, timeoutSeconds, askedObjects: new Set() };
    this.byId.set(id, s);
    return s;
  }

  /** The live session for a cookie value; 'expired' if it was ours but timed out or logged out. */
  find(id: string | undefined): Session | 'expired' | undefined {
    if (!id) return undefined;
    const s = this.byId.get(id);
    if (!s) return 'expired';
    const now = Date.now();
    if (now - s.lastSeen > s.timeoutSeconds * 1000) {
      this.byId.delete(id);
      return 'expired';
    }
    s.lastSeen = now;
    return s;
  }

  end(id: string): Session | undefined {
    const s = this.byId.get(id);
    this.byId.delete(id);
    return s;
  }

  /** Counts one request for the account; true when it is over `perMinute` in the last 60 s. */
  overLimit(username: string, perMinute: number): { over: boolean; retryAfter: number } {
    const now = Date.now();
    const list = (this.hits.get(username) ?? []).filter((t) => now - t < 60_000);
    list.push(now);
    this.hits.set(username, list);
    return { over: list.length > perMinute, retryAfter: Math.max(1, Math.ceil((60_000 - (now - list[0])) / 1000)) };
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
