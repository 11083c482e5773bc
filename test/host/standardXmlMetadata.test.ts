// A server that offers metadata in STANDARD-XML only answers 20514 to COMPACT (RETS-QUIRKS:
// python rets PR#106): the workbench asks again in STANDARD-XML and the explorer gets the same tree.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../electron/doctor';
import { createHost, type Host } from '../../electron/host/host';
import { DEFAULT_SETTINGS } from '../../electron/rets/types';
import { call } from './hostHarness';

type Md = { metadata: { resources: { id: string; classes: { name: string; fields: { systemName: string }[] }[] }[] }; cache: { fieldCount: number } };
type Trace = { entries: { transaction: string; url: string; status?: number; replyCode?: number }[] };

let dir: string;
let xmlOnly: Host;
let both: Host;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-xmlmeta-'));
  xmlOnly = await createHost({ dataDir: join(dir, 'a'), mode: 'browser', demo: { listings: 20, tuning: { standardXmlMetadataOnly: true } }, secrets: { disableKeychain: true } });
  both = await createHost({ dataDir: join(dir, 'b'), mode: 'browser', demo: { listings: 20 }, secrets: { disableKeychain: true } });
});
afterAll(async () => {
  await xmlOnly?.close();
  await both?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('metadata from a server that refuses COMPACT', () => {
  it('asks again in STANDARD-XML after 20514 and gets the tree the COMPACT server gives', async () => {
    const got = await call<Md>(xmlOnly, 'metadata.get', { profileId: 'demo' });
    const ref = await call<Md>(both, 'metadata.get', { profileId: 'demo' });
    expect(got.cache.fieldCount).toBe(ref.cache.fieldCount);
    const shape = (m: Md) => m.metadata.resources.map((r) => [r.id, r.classes.map((c) => [c.name, c.fields.map((f) => f.systemName).join(',')])]);
    expect(shape(got)).toEqual(shape(ref));
    const { entries } = await call<Trace>(xmlOnly, 'trace.list', { profileId: 'demo' });
    const md = entries.filter((e) => e.transaction === 'GetMetadata');
    expect(md.map((e) => new URL(e.url).searchParams.get('Format'))).toEqual(['COMPACT', 'STANDARD-XML']);
  });

  it('the doctor\'s metadata step passes and says the server answers in STANDARD-XML only', async () => {
    const r = await runDoctor({ ...DEFAULT_SETTINGS, loginUrl: xmlOnly.demo!.loginUrl, username: 'demo', password: 'demo' }, { timeoutMs: 5000 });
    const step = r.steps.find((x) => x.id === 'metadata')!;
    expect(step.status).toBe('passed');
    expect(step.facts[0]).toEqual({ label: 'Format', value: 'STANDARD-XML (COMPACT answered 20514)' });
  });
});
