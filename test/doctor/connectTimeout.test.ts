// The doctor against a 127.0.0.1 port that drops SYNs (full accept queue): the TCP step times
// out and the diagnosis is the firewall-drop one, with the configured timeout in its words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../electron/doctor';
import { droppingEndpoint } from './droppingEndpoint';
import { settings, type Endpoint } from './servers';

let ep: Endpoint;
beforeAll(async () => { ep = await droppingEndpoint(); });
afterAll(async () => { await ep?.close(); });

describe('connect timeout', () => {
  it('diagnoses a silently dropped connection at the TCP step, using the profile\'s connect timeout', async () => {
    const r = await runDoctor(settings(ep.url, { connectTimeoutMs: 1000 }), { signal: AbortSignal.timeout(10_000) });
    expect(r.verdict).toMatchObject({ status: 'failed', stepId: 'tcp', summary: 'Connection timed out after 1 s: the server did not answer.' });
    const tcp = r.steps.find((s) => s.id === 'tcp')!;
    expect(tcp.diagnosis).toMatchObject({
      detail: `No answer from 127.0.0.1:${ep.port} within 1 s.`,
      cause: expect.stringContaining('A firewall is silently dropping the connection.'),
    });
    expect(tcp.diagnosis?.actions[0]).toContain('whitelist your public IP address');
    expect(r.steps.filter((s) => s.id === 'unauthenticated' || s.id === 'login').map((s) => s.status)).toEqual(['skipped', 'skipped']);
  }, 15_000);
});
