// runDoctor against endpoints on 127.0.0.1 that each fail one way; each ends in the right diagnosis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../electron/doctor';
import type { DoctorReport, DoctorStep } from '../../shared/doctor';
import { makeCerts, type TestCerts } from './certs';
import { basicOnly, versionRefusing, closedPort, resettingEndpoint, httpEndpoint, httpsEndpoint, settings, silentEndpoint, type Endpoint } from './servers';

const T = 1500;
const step = (r: DoctorReport, id: DoctorStep['id']) => r.steps.find((s) => s.id === id)!;

let certs: TestCerts;
const open: Endpoint[] = [];
async function track(e: Promise<Endpoint>): Promise<Endpoint> {
  const ep = await e;
  open.push(ep);
  return ep;
}

beforeAll(() => { certs = makeCerts(); });
afterAll(async () => {
  await Promise.all(open.map((e) => e.close()));
  certs.cleanup();
});

describe('network failures', () => {
  it('a malformed URL stops at the URL step', async () => {
    const r = await runDoctor(settings('rets.example.com/login'), { timeoutMs: T });
    expect(r.verdict).toMatchObject({ status: 'failed', stepId: 'url' });
    expect(step(r, 'dns').status).toBe('skipped');
  });

  it('a closed port is refused', async () => {
    const port = await closedPort();
    const seen: string[] = [];
    const r = await runDoctor(settings(`http://127.0.0.1:${port}/rets/login`), { timeoutMs: T, onStep: (s) => seen.push(`${s.id}:${s.status}`) });
    expect(r.verdict.stepId).toBe('tcp');
    expect(r.verdict.summary).toBe(`Connection refused by 127.0.0.1:${port}: nothing is listening on that port.`);
    expect(seen.slice(0, 4)).toEqual(['url:running', 'url:passed', 'dns:running', 'dns:passed']);
    expect(step(r, 'dns').facts).toEqual([{ label: 'Addresses', value: '127.0.0.1' }]);
  });

  it('a port that accepts and never answers times out, with the local address to send the MLS', async () => {
    const ep = await track(silentEndpoint());
    const r = await runDoctor(settings(ep.url), { timeoutMs: 300 });
    expect(step(r, 'tcp').status).toBe('passed');
    expect(r.verdict.stepId).toBe('unauthenticated');
    expect(r.verdict.summary).toBe('The server accepted the connection but sent no HTTP answer within 0.3 s.');
    expect(r.verdict.diagnosis?.cause).toContain('whitelisted; send them the address below');
    expect(r.localAddress).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('a connection reset right after it opens', async () => {
    const ep = await track(resettingEndpoint());
    const r = await runDoctor(settings(ep.url), { timeoutMs: T });
    // The reset lands during the connect check, or (on a slow machine) on the first request.
    expect(['tcp', 'unauthenticated']).toContain(r.verdict.stepId);
    expect(r.verdict.summary).toBe(`The connection to 127.0.0.1:${ep.port} was reset by the server.`);
  });

  it('a host name that does not resolve fails at DNS', async () => {
    const r = await runDoctor(settings('http://no-such-host.invalid/rets/login'), { timeoutMs: T });
    expect(r.verdict.stepId).toBe('dns');
    expect(r.verdict.summary).toContain('no-such-host.invalid');
  });
});

describe('TLS failures', () => {
  it('a self-signed certificate', async () => {
    const ep = await track(httpsEndpoint(certs.selfSigned, (_q, s) => s.end()));
    const r = await runDoctor(settings(ep.url), { timeoutMs: T });
    expect(r.verdict.stepId).toBe('tls');
    expect(r.verdict.summary).toBe('The server\'s TLS certificate is self-signed: no trusted authority vouches for it.');
    expect(step(r, 'tls').facts.find((f) => f.label === 'Subject')?.value).toBe('CN=127.0.0.1');
  });

  it('an expired certificate', async () => {
    const ep = await track(httpsEndpoint(certs.expired, (_q, s) => s.end()));
    const r = await runDoctor(settings(ep.url), { timeoutMs: T, ca: [certs.ca] });
    expect(r.verdict.stepId).toBe('tls');
    expect(r.verdict.summary).toBe('The server\'s TLS certificate expired on Feb  1 00:00:00 2020 GMT.');
    expect(step(r, 'tls').facts.find((f) => f.label === 'Protocol')?.value).toMatch(/^TLSv1\.[23]$/);
  });

  it('a certificate for another host name', async () => {
    const ep = await track(httpsEndpoint(certs.otherName, (_q, s) => s.end()));
    const r = await runDoctor(settings(ep.url), { timeoutMs: T, ca: [certs.ca] });
    expect(r.verdict.summary).toBe('The server\'s TLS certificate is not for 127.0.0.1 (name mismatch).');
    expect(step(r, 'tls').facts.find((f) => f.label === 'Host name match')?.value).toBe('no');
  });

  it('plain http on an https URL', async () => {
    const ep = await track(httpEndpoint((_q, s) => s.end()));
    const r = await runDoctor(settings(ep.url.replace('http:', 'https:')), { timeoutMs: T });
    expect(r.verdict.stepId).toBe('tls');
    expect(r.verdict.summary).toBe('The server does not speak TLS on this port: it looks like plain HTTP.');
  });
});

describe('HTTP answers before login', () => {
  it('an HTML 403 block page', async () => {
    const ep = await track(httpEndpoint((_q, s) => { s.writeHead(403, { 'Content-Type': 'text/html' }); s.end('<html><title>Access Denied</title><body>Blocked</body></html>'); }));
    const r = await runDoctor(settings(ep.url), { timeoutMs: T });
    expect(r.verdict.stepId).toBe('unauthenticated');
    expect(r.verdict.summary).toBe('The server refused access before any login (HTTP 403): this address is blocked.');
    expect(r.verdict.diagnosis?.detail).toContain('Access Denied');
  });

  it('a 404 path', async () => {
    const ep = await track(httpEndpoint((_q, s) => { s.writeHead(404, { 'Content-Type': 'text/html', Server: 'nginx' }); s.end('<html><title>404 Not Found</title></html>'); }));
    const r = await runDoctor(settings(ep.url), { timeoutMs: T });
    expect(r.verdict.summary).toBe('The login URL\'s path does not exist on this server (HTTP 404).');
    expect(step(r, 'unauthenticated').facts).toContainEqual({ label: 'Server', value: 'nginx' });
  });

  it('an HTML page where RETS was expected', async () => {
    const ep = await track(httpEndpoint((_q, s) => { s.writeHead(200, { 'Content-Type': 'text/html' }); s.end('<!DOCTYPE html><html><title>MLS Portal</title></html>'); }));
    const r = await runDoctor(settings(ep.url), { timeoutMs: T });
    expect(r.verdict.summary).toBe('The login URL answers with a web page, not RETS: the path is probably wrong.');
  });

  it('a Basic-only server with a Digest profile', async () => {
    const ep = await track(httpEndpoint(basicOnly));
    const r = await runDoctor(settings(ep.url, { authScheme: 'digest' }), { timeoutMs: T });
    expect(step(r, 'unauthenticated')).toMatchObject({ status: 'warning' });
    expect(step(r, 'unauthenticated').facts).toContainEqual({ label: 'Auth offered', value: 'basic (realm "Basic RETS")' });
    expect(r.verdict.stepId).toBe('login');
    expect(r.verdict.summary).toBe('The server does not offer Digest authentication (it offers Basic), but the profile is set to Digest.');
    expect(r.verdict.diagnosis?.actions[0]).toBe('Set the authentication scheme to Basic in the profile.');
  });

  it('a server that refuses the RETS version', async () => {
    const ep = await track(httpEndpoint(versionRefusing));
    const r = await runDoctor(settings(ep.url, { retsVersion: 'RETS/1.8' }), { timeoutMs: T });
    expect(r.verdict.stepId).toBe('login');
    expect(r.verdict.summary).toBe('The server refuses the RETS version RETS/1.8.');
    expect(r.verdict.diagnosis).toMatchObject({ httpStatus: 400, replyCode: 20036 });
  });

  it('the same Basic-only server logs in with Auto and warns about missing capabilities', async () => {
    const ep = await track(httpEndpoint(basicOnly));
    const r = await runDoctor(settings(ep.url), { timeoutMs: T });
    expect(step(r, 'login').status).toBe('passed');
    expect(step(r, 'capabilities')).toMatchObject({ status: 'warning', diagnosis: { summary: 'The login response lists no Search, GetMetadata, GetObject URLs.' } });
    expect(r.verdict.stepId).toBe('metadata');
    expect(step(r, 'logout').status).toBe('passed');
  });
});

describe('cancel', () => {
  it('a cancelled run ends cancelled, not failed', async () => {
    const ep = await track(silentEndpoint());
    const controller = new AbortController();
    const r = await runDoctor(settings(ep.url), {
      timeoutMs: 20_000, signal: controller.signal,
      onStep: (s) => { if (s.id === 'unauthenticated' && s.status === 'running') setTimeout(() => controller.abort(), 50); },
    });
    expect(r.verdict.status).toBe('cancelled');
    expect(step(r, 'unauthenticated')).toMatchObject({ status: 'skipped', facts: [{ label: 'Cancelled', value: 'the test was cancelled here' }] });
    expect(step(r, 'login').status).toBe('skipped');
  });
});
