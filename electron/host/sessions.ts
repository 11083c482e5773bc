// One RETS session per profile, reused across calls; D's session re-logs in by itself when the
// server says the session expired. The pool also keeps each profile's request log (secrets were
// removed by the trace) in its on-disk ring and tells the renderer about state changes.
import type { LoginInfo, SessionStatus, TraceEntry } from '../../shared/contract';
import type { RetsErrorInfo } from '../../shared/rets/errors';
import { SharedRun } from '../rets/sharedRun';
import type { TraceEntry as WireEntry } from '../rets/trace';
import type { EventBus } from './events';
import { toErrorInfo } from './hostError';
import type { ProfileStore } from './profiles';
import type { SessionFactory, SessionLike } from './sessionTypes';
import { toRecord } from './traceRecord';
import { traceSummary, type ProfileRing, type TraceRing } from './traceRing';

/** The quota and a wait still running, as the status carries them. */
function activityOf(session: SessionLike): Pick<SessionStatus, 'quota' | 'waitingMs' | 'waitingUntil'> {
  const a = session.activity?.();
  if (!a) return {};
  return { ...(a.quota ? { quota: a.quota } : {}), ...(a.waitingMs !== undefined && a.waitingUntil ? { waitingMs: a.waitingMs, waitingUntil: a.waitingUntil } : {}) };
}

interface Slot {
  session: SessionLike;
  login?: LoginInfo;
  loggingIn?: SharedRun<LoginInfo>;
  connectedAt?: string;
  error?: RetsErrorInfo;
  requests: number;
  lastRequestMs?: number;
  lastRequestAt?: number;
  throttle: number;
  unsubscribe: () => void;
  ring: ProfileRing;
}

export class SessionPool {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly profiles: ProfileStore, private readonly factory: SessionFactory, private readonly bus: EventBus, readonly traces: TraceRing) {}

  private async slot(profileId: string): Promise<Slot> {
    let s = this.slots.get(profileId);
    if (s) return s;
    const conn = await this.profiles.connection(profileId);
    const ring = await this.traces.open(profileId);
    const session = await this.factory(conn);
    // The log's ids go on across sessions and runs, so an error can name its entry.
    session.trace.idsFrom?.(() => this.traces.nextId(ring));
    const created: Slot = { session, requests: 0, throttle: conn.throttle.requestsPerMinute, unsubscribe: () => {}, ring };
    const offTrace = session.trace.subscribe((entry, event) => { if (event === 'end') this.record(profileId, created, entry); });
    // Quota headers and Retry-After waits (Web API) show in the status bar as they change.
    const offActivity = session.onActivity?.(() => { if (this.slots.get(profileId) === created) this.changed(profileId, created); });
    created.unsubscribe = () => { offTrace(); offActivity?.(); };
    s = this.slots.get(profileId);
    if (s) { created.unsubscribe(); return s; } // another call raced us here
    this.slots.set(profileId, created);
    return created;
  }

  private record(profileId: string, slot: Slot, e: Readonly<WireEntry<string>>): void {
    slot.requests += 1;
    slot.lastRequestAt = Date.now();
    if (e.timing.end !== undefined) slot.lastRequestMs = e.timing.end - e.timing.start;
    // Taken now: the trace lets go of the capture once its listeners return.
    const { record, body } = toRecord(profileId, e, e.capture?.result());
    void this.traces.add(slot.ring, record, body).then(() => this.bus.emit({ type: 'trace.entry', entry: traceSummary(record.entry) }));
  }

  /** A logged-in session for the profile (logging in once, even for concurrent callers). */
  async session(profileId: string, signal?: AbortSignal): Promise<SessionLike> {
    const s = await this.slot(profileId);
    if (!s.login || !s.session.loggedIn) await this.login(profileId, s, signal);
    return s.session;
  }

  /** One login per slot at a time, with its own signal: a caller's cancel only ends its own wait. */
  private login(profileId: string, s: Slot, signal?: AbortSignal): Promise<LoginInfo> {
    s.loggingIn ??= new SharedRun(async (own) => {
      this.changed(profileId, s, 'connecting');
      try {
        s.login = await s.session.login(own);
        s.connectedAt = new Date().toISOString();
        s.error = undefined;
        this.changed(profileId, s);
        return s.login;
      } catch (err) {
        s.login = undefined;
        s.error = toErrorInfo(err, 'Login');
        this.changed(profileId, s);
        throw err;
      } finally {
        s.loggingIn = undefined;
      }
    }, 'Login');
    return s.loggingIn.join(signal);
  }

  async connect(profileId: string): Promise<SessionStatus> {
    const s = await this.slot(profileId);
    if (!s.login || !s.session.loggedIn) {
      try { await this.login(profileId, s); } catch { /* the status carries the error */ }
    }
    return this.statusOf(profileId, s);
  }

  async disconnect(profileId: string): Promise<SessionStatus> {
    const s = this.slots.get(profileId);
    if (s) {
      this.slots.delete(profileId);
      s.unsubscribe();
      s.loggingIn?.abort();
      if (s.login) await s.session.logout().catch(() => undefined);
      await s.session.close().catch(() => undefined);
    }
    const status: SessionStatus = { profileId, state: 'disconnected', requests: 0 };
    this.bus.emit({ type: 'session.changed', status });
    return status;
  }

  /** Drops a profile's session without logging out (its settings changed or it was deleted). */
  async forget(profileId: string): Promise<void> {
    const s = this.slots.get(profileId);
    if (!s) return;
    this.slots.delete(profileId);
    s.unsubscribe();
    s.loggingIn?.abort();
    await s.session.close().catch(() => undefined);
  }

  status(profileId: string): SessionStatus {
    const s = this.slots.get(profileId);
    return s ? this.statusOf(profileId, s) : { profileId, state: 'disconnected', requests: 0 };
  }

  private statusOf(profileId: string, s: Slot, override?: SessionStatus['state']): SessionStatus {
    let state: SessionStatus['state'] = override ?? (s.login && s.session.loggedIn ? 'connected' : s.error ? 'error' : 'disconnected');
    // Past the server's TimeoutSeconds without a request: the next call logs in again by itself.
    const timeout = s.login?.timeoutSeconds;
    if (state === 'connected' && timeout && s.lastRequestAt && Date.now() - s.lastRequestAt > timeout * 1000) state = 'expired';
    return {
      profileId, state, requests: s.requests,
      ...(s.login ? { login: s.login } : {}),
      ...(s.error ? { error: s.error } : {}),
      ...(s.connectedAt ? { connectedAt: s.connectedAt } : {}),
      ...(s.lastRequestMs !== undefined ? { lastRequestMs: s.lastRequestMs } : {}),
      ...(s.throttle ? { throttlePerMinute: s.throttle } : {}),
      ...activityOf(s.session),
    };
  }

  private changed(profileId: string, s: Slot, state?: SessionStatus['state']): void {
    this.bus.emit({ type: 'session.changed', status: this.statusOf(profileId, s, state) });
  }

  loginInfo(profileId: string): LoginInfo | undefined {
    return this.slots.get(profileId)?.login;
  }

  trace(profileId: string, afterId?: number): Promise<TraceEntry[]> {
    return this.traces.list(profileId, afterId);
  }

  clearTrace(profileId: string): Promise<void> {
    return this.traces.clear(profileId);
  }

  async closeAll(): Promise<void> {
    for (const id of [...this.slots.keys()]) await this.disconnect(id).catch(() => undefined);
  }
}
