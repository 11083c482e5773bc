// The metadata diff on the Demo MLS's real metadata: its RETS 1.5, 1.7.2 and 1.8 versions, edited
// copies (a field removed, a type changed, lookup values renamed) and its Web API $metadata,
// aligned by standard name; the Markdown and CSV renderings.
import { beforeAll, describe, expect, it } from 'vitest';
import { diffMetadata, normalizeName } from '../../shared/metadata/diff';
import { diffCsv, diffMarkdown, diffRows } from '../../shared/metadata/diffRender';
import { detectSavedMetadata, parseSavedMetadata } from '../../shared/metadata/load';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { parseCsv } from '../host/csv';
import { fetchDemoMetadata, type DemoMetadata } from './demo';

let saved: DemoMetadata;
beforeAll(async () => { saved = await fetchDemoMetadata(); }, 120_000);

const parse = (text: string): RetsMetadata => parseSavedMetadata(text).metadata;
const fieldCount = (md: RetsMetadata) => md.resources.reduce((n, r) => n + r.classes.reduce((m, c) => m + c.fields.length, 0), 0);

function resource(md: RetsMetadata, id: string) { return md.resources.find((r) => r.id === id)!; }
function cls(md: RetsMetadata, r: string, c: string) { return resource(md, r).classes.find((x) => x.name === c)!; }
function lookup(md: RetsMetadata, r: string, l: string) { return resource(md, r).lookups.find((x) => x.name === l)!; }

/** 1.8 with a field removed, a type changed, one value's long value and another's code changed. */
function edited(): RetsMetadata {
  const md = parse(saved.rets18);
  const res = cls(md, 'Property', 'RES');
  res.fields = res.fields.filter((f) => f.systemName !== 'LIST_41');
  res.fields.find((f) => f.systemName === 'L_ListPrice')!.dataType = 'Decimal';
  const status = lookup(md, 'Property', 'STATUS');
  status.values.find((v) => v.value === 'P')!.longValue = 'Pending Sale';
  status.values.find((v) => v.value === 'S')!.value = 'CL';
  return md;
}

describe('files are told apart', () => {
  it('RETS COMPACT is rets, $metadata (XML or JSON) is csdl', () => {
    expect(detectSavedMetadata(saved.rets172)).toBe('rets');
    expect(detectSavedMetadata(saved.webApi)).toBe('csdl');
    expect(detectSavedMetadata('  {"$Version":"4.01"}')).toBe('csdl');
  });
});

describe('one server across versions', { timeout: 60_000 }, () => {
  it('the Demo RETS 1.5, 1.7.2 and 1.8 metadata describe the same fields and lookups', () => {
    const [m15, m172, m18] = [parse(saved.rets15), parse(saved.rets172), parse(saved.rets18)];
    for (const [a, b] of [[m15, m172], [m172, m18], [m15, m18]] as const) {
      const d = diffMetadata(a, b);
      expect(d.alignment).toBe('versions');
      expect(diffRows(d)).toEqual([]);
      expect(d.same).toBe(true);
      expect(d.pairs).toHaveLength(fieldCount(a));
      expect(d.pairs.every((p) => p.reason === 'system-name' && p.a === p.b)).toBe(true);
    }
    expect(fieldCount(m18)).toBeGreaterThan(500);
  });

  it('an edited copy: the field removed, the type changed and both kinds of value renames, and nothing else', () => {
    const d = diffMetadata(parse(saved.rets15), edited());
    expect(d.same).toBe(false);
    expect(d.fields.removed).toEqual([{ resource: 'Property', class: 'RES', field: 'LIST_41' }]);
    expect(d.fields.added).toEqual([]);
    expect(d.fields.changed).toEqual([{
      resource: 'Property', classA: 'RES', classB: 'RES', a: 'L_ListPrice', b: 'L_ListPrice', reason: 'system-name',
      changes: [{ property: 'dataType', a: 'Int', b: 'Decimal' }],
    }]);
    expect(d.values.renamed).toEqual([
      { resource: 'Property', lookup: 'STATUS', kind: 'long-value', a: { value: 'P', longValue: 'Pending' }, b: { value: 'P', longValue: 'Pending Sale' } },
      { resource: 'Property', lookup: 'STATUS', kind: 'code', a: { value: 'S', longValue: 'Closed' }, b: { value: 'CL', longValue: 'Closed' } },
    ]);
    expect(d.values.added).toEqual([]);
    expect(d.values.removed).toEqual([]);
    expect(d.resources).toEqual({ added: [], removed: [] });
    expect(d.classes).toEqual({ added: [], removed: [] });
    expect(d.lookups).toEqual({ added: [], removed: [] });
  });

  it('resources, classes, lookups and values added and removed; the reverse diff swaps them', () => {
    const a = parse(saved.rets172);
    const b = parse(saved.rets172);
    b.resources = b.resources.filter((r) => r.id !== 'OpenHouse');
    const prop = resource(b, 'Property');
    prop.classes = prop.classes.filter((c) => c.name !== 'LND');
    prop.lookups = prop.lookups.filter((l) => l.name !== 'COUNTY');
    const status = lookup(b, 'Property', 'STATUS');
    status.values.push({ value: 'ZZ', shortValue: 'ZZ', longValue: 'Withdrawn Twice', raw: {} });
    const d = diffMetadata(a, b);
    expect(d.resources.removed).toEqual(['OpenHouse']);
    expect(d.classes.removed).toEqual([{ resource: 'Property', class: 'LND' }]);
    expect(d.lookups.removed).toEqual([{ resource: 'Property', lookup: 'COUNTY' }]);
    expect(d.values.added).toEqual([{ resource: 'Property', lookup: 'STATUS', value: 'ZZ', longValue: 'Withdrawn Twice' }]);
    const back = diffMetadata(b, a);
    expect(back.resources.added).toEqual(['OpenHouse']);
    expect(back.classes.added).toEqual([{ resource: 'Property', class: 'LND' }]);
    expect(back.lookups.added).toEqual([{ resource: 'Property', lookup: 'COUNTY' }]);
    expect(back.values.removed).toEqual([{ resource: 'Property', lookup: 'STATUS', value: 'ZZ', longValue: 'Withdrawn Twice' }]);
  });

  it('Markdown and CSV list every difference, one row each', () => {
    const d = diffMetadata(parse(saved.rets15), edited());
    const md = diffMarkdown(d, { a: 'rets15.xml', b: 'edited.xml' });
    expect(md).toContain('# Metadata diff: rets15.xml → edited.xml');
    expect(md).toContain('| field | removed | Property | RES | LIST_41 |  |  |  |');
    expect(md).toContain('| field | changed dataType | Property | RES | L_ListPrice | Int | Decimal | system-name |');
    expect(md).toContain('| value | renamed | Property | STATUS | Closed | S = Closed | CL = Closed | same long value, new code |');
    const rows = parseCsv(diffCsv(d));
    expect(rows[0]).toEqual(['kind', 'change', 'resource', 'group', 'name', 'a', 'b', 'reason']);
    expect(rows.slice(1)).toHaveLength(4);
    expect(rows).toContainEqual(['value', 'renamed', 'Property', 'STATUS', 'P', 'P = Pending', 'P = Pending Sale', 'same code, new long value']);
    expect(diffMarkdown(diffMetadata(parse(saved.rets18), parse(saved.rets18)))).toContain('No differences.');
  });
});

describe('RETS vs Web API of the Demo MLS', { timeout: 60_000 }, () => {
  it('fields pair by StandardName first, each pair with its reason; lookups pair through their fields', () => {
    const rets = parse(saved.rets172);
    const web = parse(saved.webApi);
    const d = diffMetadata(rets, web);
    expect(d.alignment).toBe('servers');
    const byStandard = d.pairs.filter((p) => p.reason === 'standard-name');
    const webNames = new Set(web.resources.flatMap((r) => r.classes.flatMap((c) => c.fields.map((f) => f.systemName))));
    expect(byStandard.length).toBeGreaterThan(100);
    expect(d.pairs.find((p) => p.a === 'L_ListPrice')).toEqual({ resource: 'Property', classA: 'RES', classB: 'Property', a: 'L_ListPrice', b: 'ListPrice', reason: 'standard-name' });
    expect(d.pairs.find((p) => p.a === 'U_Status')).toMatchObject({ resource: 'Agent', classB: 'Member', b: 'MemberStatus', reason: 'standard-name' });
    const retsStandard = new Map(rets.resources.flatMap((r) => r.classes.flatMap((c) => c.fields.map((f) => [`${r.id}.${f.systemName}`, f.standardName] as const))));
    for (const p of byStandard) expect(retsStandard.get(`${p.resource}.${p.a}`)).toBe(p.b);
    // A RETS field whose StandardName the Web API publishes is left out only when another RETS
    // field of that StandardName took the pairing (CND's and RNT's PetsAllowed: one Web API property).
    const pairedB = new Set(d.pairs.map((p) => `${p.resource}.${p.b}`));
    const leftOut = d.fields.removed.filter((f) => webNames.has(retsStandard.get(`${f.resource}.${f.field}`) ?? ''));
    expect(leftOut.map((f) => f.field)).toEqual(['LIST_191']);
    for (const f of leftOut) expect(pairedB.has(`${f.resource}.${retsStandard.get(`${f.resource}.${f.field}`)!}`)).toBe(true);
    // Lookups with different names pair through their fields: codes become long values on the Web API.
    expect(d.lookups.removed.find((l) => l.lookup === 'STATUS')).toBeUndefined();
    expect(d.values.renamed).toContainEqual({ resource: 'Property', lookup: 'STATUS → StandardStatus', kind: 'code', a: { value: 'AC', longValue: 'Active Under Contract' }, b: { value: 'ActiveUnderContract', longValue: 'Active Under Contract' } });
    expect(d.same).toBe(false);
  });

  it('string lookups (values in the Lookup entity set, not in $metadata) are said to be left out', () => {
    const d = diffMetadata(parse(saved.rets172), parse(saved.webApiStrings));
    expect(d.notes).toHaveLength(1);
    expect(d.notes[0]).toMatch(/^B is a Web API \$metadata naming \d+ lookups whose values are rows of its Lookup entity set, not in \$metadata/);
    expect(d.values.renamed).toEqual([]);
    expect(diffMarkdown(d)).toContain(`> ${d.notes[0]}`);
    expect(diffMetadata(parse(saved.rets172), parse(saved.webApi)).notes).toEqual([]);
  });

  it('normalized names pair what has no StandardName, with that reason', () => {
    const a = parse(saved.rets172);
    const b = parse(saved.rets172);
    b.system!.systemId = 'OTHERMLS';
    // L_ListPrice is in every Property class: renamed and stripped of its StandardName in all of them.
    for (const c of resource(b, 'Property').classes) for (const f of c.fields) if (f.systemName === 'L_ListPrice') { f.systemName = 'l-listprice'; f.standardName = ''; }
    for (const c of resource(a, 'Property').classes) for (const f of c.fields) if (f.systemName === 'L_ListPrice') f.standardName = '';
    const d = diffMetadata(a, b);
    expect(d.alignment).toBe('servers');
    expect(normalizeName('L_ListPrice')).toBe('llistprice');
    expect(d.pairs.find((p) => p.a === 'L_ListPrice')).toMatchObject({ b: 'l-listprice', reason: 'normalized-name' });
  });

  it('a mapping pairs after StandardName and before names, with that reason', () => {
    const a = parse(saved.rets172);
    const b = parse(saved.rets172);
    b.system!.systemId = 'OTHERMLS';
    // B calls the list price AskingPrice and has no StandardName for it: names alone cannot pair it.
    for (const c of resource(b, 'Property').classes) for (const f of c.fields) if (f.systemName === 'L_ListPrice') { f.systemName = 'AskingPrice'; f.standardName = ''; f.longName = 'Asking Price'; }
    const asked: string[] = [];
    const pairing = (res: string, f: { systemName: string; standardName: string }) => {
      asked.push(`${res}.${f.systemName}`);
      return f.systemName === 'L_ListPrice' ? 'AskingPrice' : f.systemName === 'L_Status' ? 'L_City' : undefined;
    };
    const d = diffMetadata(a, b, { pairing });
    expect(d.pairs.find((p) => p.a === 'L_ListPrice')).toMatchObject({ b: 'AskingPrice', reason: 'mapping' });
    // StandardName came first: L_Status had paired already, so the mapping was not asked about it.
    expect(d.pairs.find((p) => p.a === 'L_Status')).toMatchObject({ b: 'L_Status', reason: 'standard-name' });
    expect(asked).toContain('Property.L_ListPrice');
    expect(asked).not.toContain('Property.L_Status');
    expect(diffMetadata(a, b).pairs.find((p) => p.a === 'L_ListPrice')).toBeUndefined();
  });
});
