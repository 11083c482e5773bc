// The contract itself: schemas accept what the renderer sends and refuse the rest; the typed
// client routes calls and operation events through any transport.
import { describe, expect, it } from 'vitest';
import {
  callNames, calls, createHostClient, HostEvent, parseCallRequest, type CallName, type Envelope, type HostTransport,
} from '../../shared/contract';
import { isRetsError } from '../../shared/rets/errors';

/** A transport over a function: the same shape the bridge and HTTP transports have. */
function loopback(handle: (name: CallName, req: unknown, emit: (e: unknown) => void) => unknown): HostTransport & { sent: string[] } {
  const listeners = new Set<(e: unknown) => void>();
  const emit = (e: unknown) => { for (const l of listeners) l(e); };
  const sent: string[] = [];
  return {
    sent,
    async call(name, request) {
      sent.push(name);
      try { return { ok: true, data: await handle(name, request, emit) } as Envelope<unknown>; }
      catch (e) { return { ok: false, error: { kind: 'internal', transaction: 'Other', message: String(e) } }; }
    },
    subscribe(l) { listeners.add(l); return () => listeners.delete(l); },
  };
}

describe('contract schemas', () => {
  it('declares the calls the renderer needs, each with request and response schemas', () => {
    for (const n of ['profiles.list', 'profiles.create', 'profiles.test', 'session.connect', 'metadata.get', 'metadata.openFile',
      'search.start', 'search.cancel', 'objects.list', 'export.start', 'export.cancel', 'snippets.import', 'snippets.export',
      'history.list', 'trace.list', 'doctor.start', 'doctor.cancel']) {
      expect(callNames).toContain(n);
    }
    for (const n of callNames) {
      expect(typeof calls[n].request.safeParse).toBe('function');
      expect(typeof calls[n].response.safeParse).toBe('function');
    }
  });

  it('fills defaults on a profile and refuses a bad login URL with a readable message', () => {
    const ok = parseCallRequest('profiles.create', { name: 'Acme', loginUrl: 'https://rets.acme.test/login', username: 'u', password: 'p' });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.request).toMatchObject({ authScheme: 'auto', method: 'GET', retsVersion: 'RETS/1.7.2', throttle: { requestsPerMinute: 0 } });
    const bad = parseCallRequest('profiles.create', { name: 'Acme', loginUrl: 'not a url', username: 'u' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.kind).toBe('input');
      expect(bad.error.message).toContain('loginUrl');
    }
    const unknown = parseCallRequest('profiles.steal', {});
    expect(unknown.ok).toBe(false);
  });

  it('never returns secrets in a profile', () => {
    const shape = calls['profiles.get'].response.parse({
      profile: { id: 'p1', name: 'A', loginUrl: 'http://x.test/login', username: 'u', hasPassword: true, hasUaPassword: false,
        secretStorage: 'keychain', createdAt: 'now', updatedAt: 'now', password: 'leak' },
    });
    expect(JSON.stringify(shape)).not.toContain('leak');
  });

  it('parses search events as one union', () => {
    const e = HostEvent.parse({ type: 'search.rows', operationId: 'op-1', start: 0, count: 1, width: 2, text: '1\tA', sep: '\t', ends: [3] });
    expect(e.type).toBe('search.rows');
    expect(HostEvent.safeParse({ type: 'search.rows', operationId: 'op 1', start: 0, count: 0, width: 0, text: '', ends: [] }).success).toBe(false);
    // The host's form: the rows as UTF-8 bytes; a batch carries text or bytes, never both nor neither.
    const rows = { type: 'search.rows', operationId: 'op-1', start: 0, count: 1, width: 2, sep: '\t', ends: [3] };
    expect(HostEvent.safeParse({ ...rows, bytes: new TextEncoder().encode('1\tA') }).success).toBe(true);
    expect(HostEvent.safeParse(rows).success).toBe(false);
    expect(HostEvent.safeParse({ ...rows, text: '1\tA', bytes: new Uint8Array(3) }).success).toBe(false);
    expect(HostEvent.safeParse({ ...rows, bytes: [49, 9, 65] }).success).toBe(false);
  });
});

describe('createHostClient', () => {
  it('calls by namespace and turns error envelopes into RetsError', async () => {
    const t = loopback((name) => {
      if (name === 'profiles.list') return { profiles: [] };
      throw new Error('boom');
    });
    const host = createHostClient(t);
    expect(await host.profiles.list()).toEqual({ profiles: [] });
    const err = await host.history.clear({}).catch((e: unknown) => e);
    expect(isRetsError(err)).toBe(true);
    expect(t.sent).toEqual(['profiles.list', 'history.clear']);
  });

  it('refuses an invalid request before sending it', async () => {
    const t = loopback(() => ({}));
    const host = createHostClient(t);
    // @ts-expect-error: a number is not a profile id
    const err = await host.profiles.get({ id: 5 }).catch((e: unknown) => e);
    expect(isRetsError(err) && err.info.kind).toBe('input');
    expect(t.sent).toEqual([]);
  });

  it('delivers an operation\'s events, ends on done, and cancels by id', async () => {
    let cancelled = '';
    const t = loopback((name, req, emit) => {
      const r = req as { operationId: string };
      if (name === 'search.start') {
        queueMicrotask(() => {
          emit({ type: 'search.columns', operationId: r.operationId, columns: ['ID'] });
          emit({ type: 'search.rows', operationId: 'someone-else', start: 0, count: 1, width: 1, text: 'x', ends: [1] });
          emit({ type: 'search.rows', operationId: r.operationId, start: 0, count: 2, width: 1, text: '12', ends: [1, 2] });
          emit({ type: 'search.done', operationId: r.operationId, rows: 2, maxrows: false, elapsedMs: 3, cancelled: false, warnings: [] });
        });
        return { operationId: r.operationId };
      }
      if (name === 'search.cancel') { cancelled = r.operationId; return { cancelled: true }; }
      return {};
    });
    const host = createHostClient(t, { validateIncoming: true });
    const seen: string[] = [];
    const op = await host.operation('search.start', { profileId: 'demo', resource: 'Property', class: 'RES', query: '(Status=A)' }, (e) => {
      seen.push(e.type + (e.type === 'search.rows' ? `:${e.count}` : ''));
    });
    const last = await op.done;
    expect(last.type).toBe('search.done');
    expect(seen).toEqual(['search.columns', 'search.rows:2', 'search.done']);
    await op.cancel();
    expect(cancelled).toBe(op.operationId);
  });
});
