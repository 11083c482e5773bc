// Offline metadata files (recorded server responses) and the connection doctor as a long
// operation with step events, a verdict and a copyable report, through the host's calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostEvent, Profile } from '../../shared/contract';
import { call, runOperation, startHarness, type Harness } from './hostHarness';

const samples = join(__dirname, '..', '..', '..', 'shared', 'rets-samples');
let h: Harness;
beforeAll(async () => { h = await startHarness({ listings: 300 }); });
afterAll(async () => { await h?.close(); });

type Opened = { metadata: { resources: { id: string; classes: { name: string }[] }[] }; source: { name: string; format: string; bytes: number } };

describe('metadata.openFile', () => {
  const capture = join(samples, 'NationalAssociationOfRealtors__libRETS/project/librets/test-network/src/resources/metadata-class.4');

  it('reads a whole recorded HTTP response (status line, headers, COMPACT body) from a file picked in the open dialog, once', async () => {
    // What the desktop's open dialog hands the host: the renderer sees only the handle.
    const handle = h.host.files.issue(capture, 'metadata', 'read');
    const r = await call<Opened>(h.host, 'metadata.openFile', { handle });
    expect(r.source).toMatchObject({ name: 'metadata-class.4', format: 'COMPACT' });
    expect(r.metadata.resources[0].id).toBe('Property');
    expect(r.metadata.resources[0].classes.map((c) => c.name)).toEqual(['MOB', 'MUL', 'LND', 'CommercialProperty', 'ResidentialProperty', 'CON']);
    const again = await h.host.call('metadata.openFile', { handle });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/no longer valid/);
  });

  it('refuses a handle issued for another purpose', async () => {
    const handle = h.host.files.issue(capture, 'snippets-import', 'read');
    const r = await h.host.call('metadata.openFile', { handle });
    expect(r.ok).toBe(false);
  });

  it('reads a path through the host-internal API the CLI uses', async () => {
    const r = await h.host.local.openMetadataFile(capture);
    expect(r.source).toMatchObject({ name: 'metadata-class.4', format: 'COMPACT' });
  });

  it('reads STANDARD-XML sent as text (a browser upload)', async () => {
    const content = readFileSync(join(samples, 'refindlyllc__rets/tests/rets_responses/STANDARD-XML/GetMetadata_classes.xml'), 'utf8');
    const r = await call<Opened>(h.host, 'metadata.openFile', { name: 'GetMetadata_classes.xml', content });
    expect(r.source.format).toBe('STANDARD-XML');
    expect(r.metadata.resources[0].classes).toHaveLength(8);
  });

  it('says plainly when a file is not metadata', async () => {
    const r = await h.host.call('metadata.openFile', { name: 'notes.txt', content: 'hello' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('parse');
      expect(r.error.message).toContain('notes.txt');
      expect(r.error.hint).toMatch(/COMPACT or STANDARD-XML/);
    }
  });
});

describe('doctor', () => {
  it('runs every step against the Demo MLS with step events and a report without the password', async () => {
    const steps: string[] = [];
    const { last } = await runOperation(h.host, 'doctor.start', { profileId: 'demo' }, (e) => {
      if (e.type === 'doctor.step' && e.step.status !== 'running') steps.push(`${e.step.id}:${e.step.status}`);
    });
    expect(last.type).toBe('doctor.done');
    const done = last as Extract<HostEvent, { type: 'doctor.done' }>;
    expect(done.ok).toBe(true);
    expect(done.verdict?.status).toBe('passed');
    expect(steps).toEqual(expect.arrayContaining(['login:passed', 'metadata:passed', 'search:passed', 'logout:passed']));
    expect(done.report).toContain('Login');
    expect(done.report).not.toMatch(/password[^\n]*demo\b/i);
  });

  it('runs the Web API doctor for a Web API profile (Demo MLS (Web API)), step by step', async () => {
    const steps: string[] = [];
    const { last } = await runOperation(h.host, 'doctor.start', { profileId: 'demo-webapi' }, (e) => {
      if (e.type === 'doctor.step' && e.step.status !== 'running') steps.push(`${e.step.id}:${e.step.status}`);
    });
    expect(last.type).toBe('doctor.done');
    const done = last as Extract<HostEvent, { type: 'doctor.done' }>;
    expect(done.ok).toBe(true);
    expect(steps).toEqual(expect.arrayContaining(['token:passed', 'serviceDocument:passed', 'odataMetadata:passed']));
    expect(steps.some((s) => s.startsWith('login:'))).toBe(false);
    expect(done.report).not.toContain('demo-secret');
  });

  it('runs the Web API doctor on an unsaved Web API draft (the profile dialog\'s Doctor), ending in invalid_client', async () => {
    const { profile } = await call<{ profile: Profile & { webApi: { tokenUrl: string } } }>(h.host, 'profiles.get', { id: 'demo-webapi' });
    const draft = {
      name: 'Draft', type: 'webapi', loginUrl: profile.loginUrl, username: '',
      webApi: { auth: 'client-credentials', tokenUrl: profile.webApi.tokenUrl, clientId: 'rotated-client', scope: 'api' }, clientSecret: 'Draft-Secret-7',
    };
    const steps: string[] = [];
    const { last } = await runOperation(h.host, 'doctor.start', { draft }, (e) => {
      if (e.type === 'doctor.step' && e.step.status !== 'running') steps.push(`${e.step.id}:${e.step.status}`);
    });
    const done = last as Extract<HostEvent, { type: 'doctor.done' }>;
    expect(done.type).toBe('doctor.done');
    expect(done.ok).toBe(false);
    expect(steps).toContain('token:failed');
    expect(done.verdict?.summary).toContain('invalid_client');
    expect(done.report).not.toContain('Draft-Secret-7');
  });

  it('stops at the login step for a wrong password, with the diagnosis', async () => {
    const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', { name: 'Bad', loginUrl: h.host.demo!.loginUrl, username: 'badpass', password: 'Wrong-Secret-9' });
    const { last } = await runOperation(h.host, 'doctor.start', { profileId: profile.id });
    const done = last as Extract<HostEvent, { type: 'doctor.done' }>;
    expect(done.ok).toBe(false);
    const login = done.steps.find((s) => s.id === 'login');
    expect(login?.status).toBe('failed');
    expect(login?.detail).toBeTruthy();
    expect(done.report).not.toContain('Wrong-Secret-9');
  });
});
