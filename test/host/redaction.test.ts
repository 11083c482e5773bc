// The doctor's report through the host, against the Demo MLS: secrets are removed where they
// stand as values, so a username equal to the password and advice words equal to it stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostEvent, Profile } from '../../shared/contract';
import { call, runOperation, startHarness, type Harness } from './hostHarness';

let h: Harness;
beforeAll(async () => { h = await startHarness({ listings: 300 }); });
afterAll(async () => { await h?.close(); });

type Done = Extract<HostEvent, { type: 'doctor.done' }>;

async function doctor(profileId: string): Promise<Done> {
  const { last } = await runOperation(h.host, 'doctor.start', { profileId });
  expect(last.type).toBe('doctor.done');
  return last as Done;
}

describe('redaction in the doctor report', () => {
  it('demo/demo: the member name and the username stay visible', async () => {
    const done = await doctor('demo');
    expect(done.verdict?.status).toBe('passed');
    expect(done.report).toContain('Member: Demo User (demo)');
    expect(done.report).toContain('- Username: demo');
    expect(done.report).not.toContain('********');
  });

  it('a wrong password `expired` leaves the word in the advice, and appears nowhere as a value', async () => {
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', { name: 'Expired', loginUrl: h.host.demo!.loginUrl, username: 'demo', password: 'expired' });
    const done = await doctor(profile.id);
    expect(done.ok).toBe(false);
    expect(done.report).toMatch(/wrong or expired/);
    expect(done.report).not.toContain('********');
    expect(done.report).not.toMatch(/password\s*[=:]\s*expired/i);
  });
});
