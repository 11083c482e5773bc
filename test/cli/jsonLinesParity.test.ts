// One JSON Lines writer: `rets-workbench search --jsonl` (a subprocess, as a user runs it) and the
// app's export (the host) write the same bytes for the same Web API query against one Demo MLS
// over HTTP: the same keys in the same order, numbers as numbers, collections and expanded Media
// as JSON.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { call, runOperation, startHarness, type Harness } from '../host/hostHarness';
import { runCli } from './runCli';

let h: Harness;
let work: string;
let collectionField: string;

beforeAll(async () => {
  h = await startHarness({ listings: 60 });
  work = mkdtempSync(path.join(tmpdir(), 'rw-jsonl-'));
  const metadata = (await call<{ metadata: RetsMetadata }>(h.host, 'metadata.get', { profileId: 'demo-webapi' })).metadata;
  collectionField = metadata.resources.find((r) => r.id === 'Property')!.classes[0]!.fields.find((f) => f.odata?.collection)!.systemName;
});
afterAll(async () => {
  await h?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

function cli(args: string[]) {
  const w = h.host.demo!.webApi;
  const flags = ['--service-root', w.serviceRoot, '--token-url', w.tokenUrl, '--client-id', 'demo-client', '--scope', 'api'];
  return runCli([...args, ...flags], { home: path.join(work, 'home'), cwd: work, env: { RESO_CLIENT_SECRET: 'demo-secret' } });
}

async function appExport(filter: string, select: string[], orderby: string, expand: string): Promise<string> {
  const { last, operationId } = await runOperation(h.host, 'export.start', {
    profileId: 'demo-webapi', protocol: 'webapi', resource: 'Property', class: 'Property', query: filter, select,
    odata: { orderby, expand }, destination: { kind: 'download', fileName: 'listings.jsonl' }, options: { format: 'jsonl' },
  });
  expect(last.type).toBe('export.done');
  return readFileSync(h.host.download(operationId)!.path, 'utf8');
}

describe('JSON Lines from the CLI and from the app', () => {
  it('are the same lines for the same Web API search', async () => {
    const select = ['ListingKey', 'ListPrice', 'StandardStatus', collectionField];
    const filter = 'ListPrice gt 0';
    const out = path.join(work, 'cli.jsonl');
    const r = await cli(['search', 'Property', filter, '--select', select.join(','), '--orderby', 'ListingKey', '--expand', 'Media', '--jsonl', out]);
    expect(r.code, r.stderr).toBe(0);
    const fromCli = readFileSync(out, 'utf8');
    const fromApp = await appExport(filter, select, 'ListingKey', 'Media');
    const lines = fromApp.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual([...select, 'Media']);
    expect(typeof first.ListPrice).toBe('number');
    expect(Array.isArray(first[collectionField])).toBe(true);
    expect(fromCli).toBe(fromApp);
  });
});
