// The doctor's warnings on how data arrives, rehearsed by the Demo MLS's accounts: `slow` (every
// answer waits, then trickles) warns with the step's time and what it means for a sync; `dropper`
// (bodies cut after a few KB) says how many bytes came and, after two repeats, that the cut falls
// at the same place; `ratelimit` (its answers carry RateLimit headers) skips the repeats and says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMls, type DemoMls } from '../../electron/demo';
import { DROP_AFTER_BYTES } from '../../electron/demo/faults';
import { runDoctor } from '../../electron/doctor';
import { DEFAULT_SETTINGS, type ConnectionSettings } from '../../electron/rets/types';
import { renderReportMarkdown, type DoctorReport, type DoctorStep } from '../../shared/doctor';

let demo: DemoMls;
let metered: DemoMls;
const T = 15_000;
const step = (r: DoctorReport, id: DoctorStep['id']) => r.steps.find((s) => s.id === id)!;
const cut = DROP_AFTER_BYTES.toLocaleString('en-US');

function account(m: DemoMls, username: string): ConnectionSettings {
  const a = m.accounts.find((x) => x.username === username)!;
  return { ...DEFAULT_SETTINGS, loginUrl: m.loginUrl, username, password: a.password };
}

beforeAll(async () => {
  demo = await startDemoMls({ listings: 50 });
  metered = await startDemoMls({ listings: 50, tuning: { rateLimitPerMinute: 100, rateLimitDropAfterBytes: DROP_AFTER_BYTES } });
});
afterAll(async () => {
  await demo.close();
  await metered.close();
});

describe('slowness', () => {
  it('the slow account: the count-only search (four answers that each wait 1.5 s) warns with its time and what it means for a sync', async () => {
    const r = await runDoctor(account(demo, 'slow'), { timeoutMs: T });
    const s = step(r, 'search');
    expect(s.status).toBe('warning');
    expect(s.diagnosis!.summary).toMatch(/^Count-only search took \d+(\.\d)? s, over the 3 s the doctor expects\.$/);
    expect(s.diagnosis!.detail).toMatch(/^At this pace a sync that makes 100 such requests spends about \d+ min waiting on the server, and a large search or the full metadata may come near the response timeout\.$/);
    expect(s.diagnosis!.actions[0]).toBe('Page with a larger Limit so a sync makes fewer requests, and run syncs off-peak.');
    expect(r.verdict.status).toBe('warning');
    expect(r.steps.some((x) => x.status === 'failed')).toBe(false);
    expect(renderReportMarkdown(r)).toContain('## Count-only search: warning');
  });
});

describe('truncation', () => {
  it('the dropper account: bytes before the cut, and two repeats cut at the same place', async () => {
    const r = await runDoctor(account(demo, 'dropper'), { timeoutMs: T });
    const s = step(r, 'metadata');
    expect(s.status).toBe('failed');
    expect(s.diagnosis!.summary).toBe(`The GetMetadata response was cut off after ${cut} bytes: the connection closed before the body was complete.`);
    expect(s.diagnosis!.detail).toBe(`Repeated twice: cut at the same place each time (bytes received: ${cut}, ${cut}, ${cut}).`);
    expect(s.diagnosis!.cause).toMatch(/fixed point/);
    expect(s.facts).toContainEqual({ label: 'Received before the cut', value: `${cut} bytes` });
    expect(s.facts).toContainEqual({ label: 'Repeats', value: `cut after ${cut} bytes; cut after ${cut} bytes` });
    expect(r.verdict.summary).toBe(s.diagnosis!.summary);
  });

  it('the ratelimit account: the repeats are skipped, with a word on why', async () => {
    const r = await runDoctor(account(metered, 'ratelimit'), { timeoutMs: T });
    const s = step(r, 'metadata');
    expect(s.status).toBe('failed');
    expect(s.diagnosis!.summary).toBe(`The GetMetadata response was cut off after ${cut} bytes: the connection closed before the body was complete.`);
    expect(s.diagnosis!.detail).toMatch(/^Not repeated: the server has sent rate-limit signals \(RateLimit-Remaining: \d+\); repeating would spend requests the account may not have, so whether the cut falls at the same place is unknown\.$/);
    expect(s.facts.find((f) => f.label === 'Repeats')?.value).toMatch(/^skipped: the server has sent rate-limit signals/);
  });
});
