// The offline RESO Web API commands on saved responses (fixtures/: a small RESO $metadata, a Lookup
// resource page, a Property page as a `curl -i` capture and bare, an HTTP 400 capture with an OData
// error body). A few runs are subprocesses of bin/rets-workbench.cjs, as a user runs it (each pays
// seconds of tsx start-up on a loaded machine); the rest call the same command modules' run() in
// this process with stdout and stderr captured.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as inspectRun } from '../../electron/cli/inspect';
import { run as odataRun } from '../../electron/cli/odata';
import { RESO_CSDL_JSON } from '../odata-csdl/fixtures';

interface Run { code: number | null; out: string; err: string }

const repoRoot = path.resolve(__dirname, '..', '..');
const F = (name: string) => path.join(__dirname, 'fixtures', name);
const tmp = mkdtempSync(path.join(tmpdir(), 'odata-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repoRoot, 'bin', 'rets-workbench.cjs'), ...args], { cwd: repoRoot, maxBuffer: 16 << 20, timeout: 60_000 }, (e, out, err) => {
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, out, err });
    });
  });
}

/** A command module's run() in this process, its output captured. */
async function inProcess(command: 'inspect' | 'odata', ...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((chunk: string) => { out.push(chunk); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => { err.push(chunk); return true; }) as typeof process.stderr.write;
  try {
    const code = await (command === 'inspect' ? inspectRun : odataRun)(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

function saved(name: string, text: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

const PROPERTY = ['--metadata', F('metadata.xml'), '--entity-set', 'Property', '--lookups', F('lookup.json')];

describe('rets-workbench inspect --kind odata-metadata', () => {
  it('summarizes a saved $metadata; --full prints a JSON CSDL capture whole; a data page is not $metadata (exit 1)', async () => {
    const jsonCapture = saved('metadata-json.http', `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${RESO_CSDL_JSON}`);
    const summary = await cli('inspect', F('metadata.xml'), '--kind', 'odata-metadata');
    const full = await inProcess('inspect', jsonCapture, '--kind=odata-metadata', '--full');
    const notMetadata = await inProcess('inspect', F('property-page.json'), '--kind', 'odata-metadata');
    expect(summary.err).toBe('');
    expect(summary.code).toBe(0);
    const s = JSON.parse(summary.out) as {
      version: string; format: string; entitySets: { name: string; key: string[]; properties: number; navigationProperties: string[] }[];
      enumTypes: { name: string; members: number }[]; lookupNames: Record<string, number>; warnings: string[];
    };
    expect([s.format, s.version]).toEqual(['xml', '4.0']);
    expect(s.entitySets.map((e) => `${e.name} ${e.key.join(',')} ${e.properties}`)).toEqual(['Property ListingKey 17', 'Member MemberKey 5', 'Media MediaKey 4', 'Lookup LookupKey 6']);
    expect(s.entitySets[0]!.navigationProperties).toEqual(['Media', 'ListAgent']);
    expect(s.enumTypes).toEqual([expect.objectContaining({ name: 'org.reso.metadata.enums.Country', members: 2 })]);
    expect(s.lookupNames).toEqual({ StandardStatus: 1, PropertyType: 1, Appliances: 1 });
    expect(s.warnings).toEqual([]);

    expect(full.code).toBe(0);
    const doc = JSON.parse(full.out) as { format: string; version: string; schemas: { namespace: string; entityTypes: { name: string; key: string[] }[] }[] };
    expect([doc.format, doc.version]).toEqual(['json', '4.01']);
    expect(doc.schemas[0]!.entityTypes.map((t) => `${t.name}:${t.key.join(',')}`)).toEqual(['Property:ListingKey', 'Media:MediaKey']);

    expect(notMetadata.code).toBe(1);
    expect(notMetadata.out).toBe('');
    expect(notMetadata.err).toContain('is not OData $metadata');
    expect(notMetadata.err).toContain('$metadata');
  });
});

describe('rets-workbench inspect --kind odata', () => {
  it('a curl -i capture of a Property page: context, count (sent as a string), nextLink, columns and rows as objects', async () => {
    const r = await cli('inspect', F('property-page.http'), '--kind', 'odata');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out) as { context: string; count: number; nextLink: string; entity: boolean; columns: string[]; rowCount: number; rows: Record<string, unknown>[] };
    expect(p.context).toMatch(/\$metadata#Property\(ListingKey,/);
    expect(p.count).toBe(1842);
    expect(p.nextLink).toContain('$skiptoken=DEMO-1003');
    expect(p.entity).toBe(false);
    expect(p.columns).toEqual(['ListingKey', 'ListPrice', 'StandardStatus', 'City', 'BedroomsTotal', 'Appliances', 'WaterfrontYN', 'ModificationTimestamp', 'Media']);
    expect(p.rowCount).toBe(3);
    expect(p.rows[1]).toEqual({
      ListingKey: 'DEMO-1002', ListPrice: 1250000, StandardStatus: 'Active Under Contract', City: 'Shelbyville \u201cNorth\u201d', BedroomsTotal: null,
      Appliances: [], WaterfrontYN: true, ModificationTimestamp: '2026-11-30T15:40:00Z', Media: [],
    });
    expect((p.rows[0]!.Media as { MediaURL: string }[]).map((m) => m.MediaURL)).toEqual(['https://media.example-mls.test/DEMO-1001/1.jpg', 'https://media.example-mls.test/DEMO-1001/2.jpg']);
    expect(p.rows[2]!.City).toBe("O'Fallon");
  });

  it('OData error bodies, captured with their status or bare, exit 1 with the server\'s words and what to do', async () => {
    const bare = saved('error.json', JSON.stringify({ error: { code: '1020', message: 'The $top value 5000 exceeds the maximum of 200.', target: '$top' } }));
    const captured = await cli('inspect', F('error-400.http'), '--kind', 'odata');
    const bareRun = await inProcess('inspect', bare, '--kind', 'odata');
    expect(captured.code).toBe(1);
    expect(captured.out).toBe('');
    expect(captured.err).toContain("The query failed with HTTP 400: Could not find a property named 'listprice'");
    expect(captured.err).toContain('Server code InvalidFilter (target $filter).');
    expect(captured.err).toContain('case-sensitive');
    expect(bareRun.code).toBe(1);
    expect(bareRun.err).toContain('The saved body is an error the server sent: The $top value 5000 exceeds the maximum of 200.');
    expect(bareRun.err).toContain('Server code 1020 (target $top).');
  });
});

describe('rets-workbench odata', () => {
  it('check against $metadata and the Lookup page: diagnostics with positions and fixes, exit 1; a valid filter exits 0', async () => {
    const filter = "ListPrice gt 300000 and StandardStatus eq 'Actve' and city eq 'Springfield'";
    const bad = await cli('odata', 'check', filter, ...PROPERTY, '--json');
    const text = await inProcess('odata', 'check', filter, ...PROPERTY);
    const good = await inProcess('odata', 'check', "(StandardStatus eq 'Active' or StandardStatus eq 'Pending') and Appliances/any(a: a eq 'Dryer') and Country eq org.reso.metadata.enums.Country'US'", ...PROPERTY);
    const in40 = await inProcess('odata', 'check', "StandardStatus in ('Active', 'Pending')", ...PROPERTY);
    expect(bad.code).toBe(1);
    const json = JSON.parse(bad.out) as { ok: boolean; diagnostics: { code: string; range: { start: number; end: number }; message: string; fix?: { title: string } }[] };
    expect(json.ok).toBe(false);
    expect(json.diagnostics.map((d) => d.code)).toEqual(['unknown-lookup-value', 'field-case']);
    expect(filter.slice(json.diagnostics[0]!.range.start, json.diagnostics[0]!.range.end)).toBe("'Actve'");
    expect(json.diagnostics[0]!.message).toContain("Did you mean 'Active'?");
    expect(json.diagnostics[1]!.fix?.title).toBe('Write City');
    expect(text.code).toBe(1);
    expect(text.out).toContain('error at columns 55-58 [field-case]');
    expect(text.out).toContain(`  ${' '.repeat(54)}^^^^\n  fix: Write City`);
    expect(good.err).toBe('');
    expect(good.out).toBe('ok (checked against Property, OData 4.0)\n');
    expect(good.code).toBe(0);
    // `in` is OData 4.01; this $metadata says 4.0.
    expect(in40.code).toBe(1);
    expect(in40.out).toContain('[in-on-4.0]');
    expect(in40.out).toContain('fix: Rewrite with or');
  });

  it('check without --metadata reads the syntax; format prints the canonical filter; complete and hover use the metadata', async () => {
    const formatted = await cli('odata', 'format', "ListPrice   gt 300000 AND (City eq 'O''Fallon')");
    const syntax = await inProcess('odata', 'check', "ListPrice gt 300000 and (City eq 'X'");
    const values = await inProcess('odata', 'complete', "StandardStatus eq 'Act", ...PROPERTY, '--json');
    const hover = await inProcess('odata', 'hover', 'ListPrice gt 1', '--offset', '3', ...PROPERTY);
    expect(syntax.code).toBe(1);
    expect(syntax.out).toContain('[missing-paren]');
    expect(syntax.out).toContain('fix: Add `)`');
    expect(formatted.code).toBe(0);
    expect(formatted.out).toBe("ListPrice gt 300000 and (City eq 'O''Fallon')\n");
    expect(values.code).toBe(0);
    const labels = (JSON.parse(values.out) as { items: { label: string; kind: string }[] }).items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['Active', 'Active Under Contract']));
    expect(labels).not.toContain('Residential');
    expect(hover.code).toBe(0);
    expect(hover.out).toContain('**ListPrice** — List Price');
    expect(hover.out).toContain('Edm.Decimal');
  });

  it('--lookups repeated: the Lookup resource saved page by page', async () => {
    const rows = (JSON.parse(readFileSync(F('lookup.json'), 'utf8')) as { value: { LookupName: string }[] }).value;
    const page = (name: string, keep: (r: { LookupName: string }) => boolean) => saved(name, JSON.stringify({ value: rows.filter(keep) }));
    const first = page('lookup-1.json', (r) => r.LookupName === 'StandardStatus');
    const second = page('lookup-2.json', (r) => r.LookupName !== 'StandardStatus');
    const r = await inProcess('odata', 'check', "StandardStatus eq 'Actve' or PropertyType eq 'Lnd'", '--metadata', F('metadata.xml'), '--entity-set', 'Property', '--lookups', first, '--lookups', second, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { diagnostics: { code: string; message: string }[] };
    expect(json.diagnostics.map((d) => `${d.code} ${/Did you mean '([^']+)'/.exec(d.message)?.[1]}`)).toEqual(['unknown-lookup-value Active', 'unknown-lookup-value Land']);
  });

  it('usage: --help exits 0; a missing --entity-set, an unknown entity set or --full on data exit 2 naming what is wrong', async () => {
    const noSet = await cli('odata', 'check', 'A eq 1', '--metadata', F('metadata.xml'));
    const help = await inProcess('odata', '--help');
    const unknownSet = await inProcess('odata', 'complete', 'A', '--metadata', F('metadata.xml'), '--entity-set', 'Properties');
    const full = await inProcess('inspect', F('property-page.json'), '--kind', 'odata', '--full');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/usage:\s+rets-workbench odata check FILTER/);
    expect(noSet.code).toBe(2);
    expect(noSet.err).toContain('--metadata needs --entity-set NAME (entity sets: Property, Member, Media, Lookup)');
    expect(unknownSet.code).toBe(2);
    expect(unknownSet.err).toContain('entity set "Properties" is not in the metadata');
    expect(full.code).toBe(2);
    expect(full.err).toContain('--full goes with --kind odata-metadata.');
  });
});
