// `rets-workbench translate` both ways, against files saved from the Demo MLS over HTTP: the RETS
// metadata (the workbench's JSON cache form), the Web API's $metadata (CSDL XML) and its Lookup
// pages. The translated filter and query are run against the Demo to check they return the same.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli';
import { allPages, bearer, request } from '../demo-webapi/helpers';
import { type DemoSides, retsKeys, startSides, webKeys } from './demoSides';

let sides: DemoSides;
let dir: string;
const files = { rets: '', csdl: '', lookups: '', mapping: '' };

/** `translate ARGS` as a user runs it, with its own data folder. */
const cli = (args: string[]) => runCli(['translate', ...args], { home: join(dir, 'home') });

beforeAll(async () => {
  sides = await startSides(300, 5);
  dir = mkdtempSync(join(tmpdir(), 'translate-cli-'));
  files.rets = join(dir, 'rets-metadata.json');
  writeFileSync(files.rets, JSON.stringify(sides.metadata));
  const root = sides.mls.webApi.serviceRoot;
  files.csdl = join(dir, 'metadata.xml');
  writeFileSync(files.csdl, (await request(`${root}/$metadata`, { headers: { Authorization: `Bearer ${sides.token}`, Accept: 'application/xml' } })).text);
  const { pages } = await allPages(`${root}/Lookup`, bearer(sides.token));
  expect(pages).toHaveLength(1);
  files.lookups = join(dir, 'lookup.json');
  writeFileSync(files.lookups, pages[0].text);
  files.mapping = join(dir, 'mapping.json');
  writeFileSync(files.mapping, JSON.stringify({ resource: 'Property', entitySet: 'Property', fields: [{ source: 'L_ListPrice', target: 'ListPrice' }], classField: { field: 'PropertyType', values: { CND: 'CND' } } }));
}, 120_000);
afterAll(async () => { await sides.close(); rmSync(dir, { recursive: true, force: true }); });

describe('rets-workbench translate', () => {
  it('turns a DMQL2 query into a $filter (JSON) that returns the same listings, and back', async () => {
    const query = '(L_Status=|A,P),(L_ListPrice=150000-600000),(L_AddressStreet=*a*)';
    const r = await cli([query, '--from', 'dmql', '--to', 'odata', '--metadata', files.rets, '--resource', 'Property', '--class', 'RES', '--target-metadata', files.csdl, '--lookups', files.lookups, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { text: string; complete: boolean; notes: { code: string; message: string }[] };
    expect(out.text).toBe("PropertyType eq 'RES' and StandardStatus in ('Active', 'Pending') and ListPrice ge 150000 and ListPrice le 600000 and contains(tolower(StreetName), 'a')");
    expect(out.complete).toBe(true);
    expect(out.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['class', 'case-insensitive', 'mapping-assumed']));
    const keys = await retsKeys(sides, 'RES', query);
    expect(keys.length).toBeGreaterThan(3);
    expect(await webKeys(sides, sides.mls.webApi.serviceRoot, out.text)).toEqual(keys);

    const back = await cli([out.text, '--from', 'odata', '--to', 'dmql', '--metadata', files.csdl, '--lookups', files.lookups, '--resource', 'Property', '--target-metadata', files.rets]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toBe('(L_Status=|A,P),(L_ListPrice=150000+),(L_ListPrice=600000-),(L_AddressStreet=*a*)\n');
    expect(back.stderr).toContain('class Property:RES');
    expect(await retsKeys(sides, 'RES', back.stdout.trim())).toEqual(keys);
  }, 120_000);

  it('exits 1 and names what a mapping file leaves out; 2 on a usage error', async () => {
    const r = await cli(["PropertyType eq 'CND' and ListPrice gt 100000 and City eq 'Chicago'", '--from', 'odata', '--to', 'dmql', '--metadata', files.csdl, '--resource', 'Property', '--target-metadata', files.rets, '--mapping', files.mapping]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('(L_ListPrice=100001+)\n');
    expect(r.stderr).toContain('class Property:CND');
    expect(r.stderr).toMatch(/error at columns 51-54 \[unmapped-field\]: City has no counterpart in Property/);
    const usage = await cli(['(A=1)', '--from', 'dmql', '--to', 'sql']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--to must be dmql, odata');
  }, 120_000);
});
