// The same records through both doors: a real RETS search (RetsSession, COMPACT-DECODED, system
// names) mapped to Data Dictionary names through the RETS metadata's StandardName, against the
// Web API's rows for the same keys. Lookup values are the RETS LongValues; on the EnumType root
// they are the members the Lookup rows name as LegacyODataValue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';
import { RetsSession } from '../../electron/rets/session';
import { DEFAULT_SETTINGS } from '../../electron/rets/types';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { collect } from '../client/helpers';
import { allPages, bearer, clientToken, type Entity, query } from './helpers';

let mls: DemoMls;
let session: RetsSession;
let metadata: RetsMetadata;
let token: string;
beforeAll(async () => {
  mls = await startDemoMls({ listings: 400, seed: 12 });
  session = new RetsSession({ ...DEFAULT_SETTINGS, loginUrl: mls.loginUrl, username: 'demo', password: 'demo', userAgent: 'Workbench-Test/1.0', connectTimeoutMs: 5000, idleTimeoutMs: 10000 });
  await session.login();
  metadata = (await session.getMetadata({ type: 'METADATA-SYSTEM', id: '*', format: 'COMPACT' })).metadata;
  token = await clientToken(mls);
});
afterAll(async () => { await session.close(); await mls.close(); });

/** What a RETS COMPACT-DECODED cell is in the Web API's JSON, given the JSON value's kind. */
function expectSame(where: string, web: unknown, cell: string): void {
  if (Array.isArray(web)) return expect(web.join(','), where).toBe(cell);
  if (web === null) return expect(cell, where).toBe('');
  if (typeof web === 'number') return expect(web, where).toBe(Number(cell));
  if (typeof web === 'boolean') return expect(web, where).toBe(cell === '1');
  if (typeof web === 'string' && /^\d{4}-\d\d-\d\dT/.test(web)) return expect(web, where).toBe(`${cell}Z`);
  expect(web, where).toBe(cell);
}

const TARGETS: [string, string, string][] = [
  ['Property', 'RES', 'Property'], ['Property', 'CND', 'Property'], ['Property', 'LND', 'Property'], ['Property', 'COM', 'Property'], ['Property', 'RNT', 'Property'],
  ['Agent', 'Agent', 'Member'], ['Office', 'Office', 'Office'], ['OpenHouse', 'OpenHouse', 'OpenHouse'], ['Media', 'Media', 'Media'],
];

async function both(resource: string, cls: string, entitySet: string, root: string) {
  const res = metadata.resources.find((r) => r.id === resource)!;
  const fields = res.classes.find((c) => c.name === cls)!.fields;
  const key = fields.find((f) => f.systemName === res.keyField)!;
  const rets = await collect(session.search({ resource, class: cls, query: `(${key.systemName}=0+)`, format: 'COMPACT-DECODED', limit: 6 }));
  const keyAt = rets.columns.indexOf(key.systemName);
  const keys = rets.rows.map((r) => r[keyAt]);
  const { rows } = await allPages(query(root, entitySet, { $filter: keys.map((k) => `${key.standardName} eq '${k}'`).join(' or ') }), bearer(token));
  const web = new Map(rows.map((r) => [r[key.standardName] as string, r]));
  return { rets, fields, keys, web };
}

describe('the same records in RETS and the Web API', () => {
  it.each(TARGETS)('%s:%s has the same values under the StandardNames in %s', async (resource, cls, entitySet) => {
    const { rets, fields, keys, web } = await both(resource, cls, entitySet, mls.webApi.serviceRoot);
    expect(keys.length).toBeGreaterThanOrEqual(5);
    expect([...web.keys()].sort()).toEqual([...keys].sort());
    let compared = 0;
    rets.rows.forEach((row, n) => {
      const entity = web.get(keys[n])!;
      rets.columns.forEach((column, j) => {
        const std = fields.find((f) => f.systemName === column)?.standardName;
        if (!std) return expect(Object.keys(entity)).not.toContain(column);
        expect(entity, `${entitySet} ${keys[n]} lacks ${std}`).toHaveProperty(std);
        expectSame(`${entitySet} ${keys[n]} ${std} (${column})`, entity[std], row[j]);
        compared++;
      });
    });
    expect(compared).toBeGreaterThan(5 * 10);
  });

  it('gives lookup fields as enum members on the EnumType root', async () => {
    const { rows: lookupRows } = await allPages(`${mls.webApi.serviceRoot}/Lookup`, bearer(token));
    const legacy = new Map(lookupRows.map((r) => [`${r.LookupName as string}|${r.LookupValue as string}`, r.LegacyODataValue as string]));
    const plain = await both('Property', 'RES', 'Property', mls.webApi.serviceRoot);
    const enums = await both('Property', 'RES', 'Property', mls.webApi.enumServiceRoot);
    const toMember = (name: string, v: unknown) => (Array.isArray(v) ? v.map((x) => legacy.get(`${name}|${x as string}`)) : v === null ? null : legacy.get(`${name}|${v as string}`));
    let checked = 0;
    for (const key of plain.keys) {
      const a = plain.web.get(key)!;
      const b: Entity = enums.web.get(key)!;
      for (const name of ['StandardStatus', 'PropertySubType', 'Appliances', 'InteriorFeatures', 'City']) {
        expect(b[name], `${key} ${name}`).toEqual(toMember(name, a[name]));
        checked++;
      }
      expect(b.ListPrice).toBe(a.ListPrice);
    }
    expect(checked).toBe(30);
  });
});
