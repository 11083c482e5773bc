// Both sides of the Demo MLS for translation tests, read over real HTTP: the RETS metadata (a
// RetsSession's GetMetadata), the Web API's $metadata and its Lookup resource, and helpers that
// run a DMQL2 search and a $filter query and return the record keys each gives.
import { type DemoMls, type DemoMlsOptions, startDemoMls } from '../../electron/demo/index';
import { RetsSession } from '../../electron/rets/session';
import { DEFAULT_SETTINGS } from '../../electron/rets/types';
import { csdlToFilterInput, lookupsFromRows, parseCsdl } from '../../shared/odata/csdl/index';
import { buildFilterModel, filterSchema, type FilterSchema } from '../../shared/odata/filter/index';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { collect } from '../client/helpers';
import { allPages, bearer, clientToken, query, request } from '../demo-webapi/helpers';

export interface DemoSides {
  mls: DemoMls;
  session: RetsSession;
  metadata: RetsMetadata;
  /** The Property entity set's schema on the lookup-resource root (values from /Lookup). */
  property: FilterSchema;
  /** The same on the EnumType root. */
  propertyEnum: FilterSchema;
  token: string;
  close(): Promise<void>;
}

async function schemaAt(root: string, token: string, withLookups: boolean): Promise<FilterSchema> {
  const md = await request(`${root}/$metadata`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/xml' } });
  if (md.status !== 200) throw new Error(`$metadata: ${md.status}`);
  const lookups = withLookups ? lookupsFromRows((await allPages(`${root}/Lookup`, bearer(token))).rows) : undefined;
  return filterSchema(buildFilterModel(csdlToFilterInput(parseCsdl(md.text), lookups)), 'Property');
}

export async function startSides(listings = 400, seed = 17): Promise<DemoSides> {
  const mls = await startDemoMls({ listings, seed });
  const session = new RetsSession({ ...DEFAULT_SETTINGS, loginUrl: mls.loginUrl, username: 'demo', password: 'demo', userAgent: 'Workbench-Test/1.0', connectTimeoutMs: 10000, idleTimeoutMs: 30000 });
  await session.login();
  const metadata = (await session.getMetadata({ type: 'METADATA-SYSTEM', id: '*', format: 'COMPACT' })).metadata;
  const token = await clientToken(mls);
  const property = await schemaAt(mls.webApi.serviceRoot, token, true);
  const propertyEnum = await schemaAt(mls.webApi.enumServiceRoot, token, false);
  return { mls, session, metadata, property, propertyEnum, token, close: async () => { await session.close(); await mls.close(); } };
}

/** The ListingKeys a RETS search returns (every row; the Demo caps at its maxRows, far above the test's size). */
export async function retsKeys(sides: DemoSides, cls: string, dmql: string): Promise<string[]> {
  const r = await collect(sides.session.search({ resource: 'Property', class: cls, query: dmql, format: 'COMPACT', select: 'L_ListingKey' }));
  const at = r.columns.indexOf('L_ListingKey');
  return r.rows.map((row) => row[at]).sort();
}

/** The ListingKeys a $filter returns on a service root, every page followed. */
export async function webKeys(sides: DemoSides, root: string, filter: string): Promise<string[]> {
  const { rows } = await allPages(query(root, 'Property', { $filter: filter, $select: 'ListingKey' }), bearer(sides.token));
  return rows.map((r) => String(r.ListingKey)).sort();
}

export interface RetsSide { mls: DemoMls; session: RetsSession; metadata: RetsMetadata; close(): Promise<void> }

/** One Demo MLS's RETS door, logged in, with its metadata (dialect b: the same listings under other names). */
export async function startRetsSide(opts: DemoMlsOptions): Promise<RetsSide> {
  const mls = await startDemoMls(opts);
  const session = new RetsSession({ ...DEFAULT_SETTINGS, loginUrl: mls.loginUrl, username: 'demo', password: 'demo', userAgent: 'Workbench-Test/1.0', connectTimeoutMs: 10000, idleTimeoutMs: 30000 });
  await session.login();
  const metadata = (await session.getMetadata({ type: 'METADATA-SYSTEM', id: '*', format: 'COMPACT' })).metadata;
  return { mls, session, metadata, close: async () => { await session.close(); await mls.close(); } };
}

/** The key field's values a RETS search returns, sorted. */
export async function keysOf(side: { session: RetsSession }, cls: string, dmql: string, keyField: string): Promise<string[]> {
  const r = await collect(side.session.search({ resource: 'Property', class: cls, query: dmql, format: 'COMPACT', select: keyField }));
  const at = r.columns.indexOf(keyField);
  return r.rows.map((row) => row[at]).sort();
}
