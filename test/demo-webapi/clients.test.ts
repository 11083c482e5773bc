// The Demo MLS's Web API verified by clients we did not write: curl (token request, $metadata, a
// filtered page, nextLinks followed to the end), the npm OData client @odata/client (its own OAuth2
// client-credentials flow, queries, count, an entity by key), the OAuth library oauth4webapi (the
// three grants and an error), and every nextLink the server emits,
// with the $filter inside it, parsed by the independent odata-v4-parser (which predates 4.01: no
// `in (...)`, no `cast`, so those forms stay out of this cross-check).
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { OData } from '@odata/client';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';
import { parseCsdl } from '../../shared/odata/csdl';
import { allPages, bearer, clientToken, type Entity, query } from './helpers';

const require = createRequire(import.meta.url);
const peer = require('odata-v4-parser') as { query(q: string): { next: number }; filter(q: string): { next: number } };

let mls: DemoMls;
beforeAll(async () => { mls = await startDemoMls({ listings: 900, seed: 17 }); });
afterAll(async () => { await mls.close(); });

function curl(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('curl', ['--silent', '--show-error', '--fail-with-body', ...args], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`curl ${args.join(' ')} failed: ${stderr}${stdout}`)); else resolve(stdout);
    });
  });
}

const FILTER = "ListPrice ge 150000 and (StandardStatus eq 'Active' or StandardStatus eq 'Pending')";

describe('curl', () => {
  it('gets a token, reads $metadata as XML, and pages a filtered query to the end by nextLink', async () => {
    const token = JSON.parse(await curl(['--data', 'grant_type=client_credentials', '--data', 'scope=api', '--user', 'demo-client:demo-secret', mls.webApi.tokenUrl])) as Record<string, unknown>;
    expect(token).toMatchObject({ token_type: 'Bearer', scope: 'api' });
    const auth = ['--header', `Authorization: Bearer ${token.access_token as string}`];
    const csdl = parseCsdl(await curl([...auth, '--header', 'Accept: application/xml', `${mls.webApi.serviceRoot}/$metadata`]));
    expect(csdl.schemas[0].entityTypes.find((t) => t.name === 'Property')!.key).toEqual(['ListingKey']);

    const keys: string[] = [];
    let count = -1;
    let pages = 0;
    let next: string | undefined;
    const first = ['--get', '--data-urlencode', `$filter=${FILTER}`, '--data-urlencode', '$select=ListingKey,ListPrice', '--data-urlencode', '$count=true', `${mls.webApi.serviceRoot}/Property`];
    for (let args = first; args.length; args = next ? [next] : []) {
      const page = JSON.parse(await curl([...auth, '--header', 'Prefer: odata.maxpagesize=60', ...args])) as { value: Entity[]; '@odata.count': number; '@odata.nextLink'?: string };
      pages++;
      count = page['@odata.count'];
      for (const r of page.value) { expect(r.ListPrice as number).toBeGreaterThanOrEqual(150000); keys.push(r.ListingKey as string); }
      next = page['@odata.nextLink'];
    }
    expect(count).toBeGreaterThan(120);
    expect(keys.length).toBe(count);
    expect(new Set(keys).size).toBe(count);
    expect(pages).toBe(Math.ceil(count / 60));
    const ours = await allPages(query(mls.webApi.serviceRoot, 'Property', { $filter: FILTER, $select: 'ListingKey' }), bearer(await clientToken(mls)));
    expect(keys).toEqual(ours.rows.map((r) => r.ListingKey));
  });
});

describe('@odata/client', () => {
  const client = () => OData.New4({
    serviceEndpoint: `${mls.webApi.serviceRoot}/`,
    credential: { tokenUrl: mls.webApi.tokenUrl, clientId: 'demo-client', clientSecret: 'demo-secret', scope: 'api' },
  });

  it('fetches its own client-credentials token and queries with filter, select, orderby and top', async () => {
    const c = client();
    const rows = await c.getEntitySet<Entity>('Property').query(c.newParam().filter('ListPrice gt 300000').select(['ListingKey', 'ListPrice']).orderby('ListPrice', 'desc').top(4));
    const ours = await allPages(query(mls.webApi.serviceRoot, 'Property', { $filter: 'ListPrice gt 300000', $select: 'ListingKey,ListPrice', $orderby: 'ListPrice desc', $top: 4 }), bearer(await clientToken(mls)));
    expect(rows).toEqual(ours.rows);
    expect(rows.length).toBe(4);
  });

  it('counts, reads an entity by key and sees @odata.nextLink on a paged response', async () => {
    const c = client();
    const set = c.getEntitySet<Entity>('Property');
    const count = await set.count(c.newFilter().field('StandardStatus').eqString('Active'));
    const ours = await allPages(query(mls.webApi.serviceRoot, 'Property', { $filter: "StandardStatus eq 'Active'", $count: true, $top: 0 }), bearer(await clientToken(mls)));
    expect(count).toBe(ours.pages[0].body['@odata.count']);
    const one = await set.retrieve('500007', c.newParam().select(['ListingKey', 'City']));
    expect(one).toMatchObject({ ListingKey: '500007' });
    expect(typeof one.City).toBe('string');
    const paged = OData.New4({ serviceEndpoint: `${mls.webApi.serviceRoot}/`, commonHeaders: { Authorization: 'Bearer demo-static-token', Prefer: 'odata.maxpagesize=50' } });
    const page = await paged.newRequest<Entity>({ collection: 'Member', params: paged.newParam().select(['MemberKey']).count(true) });
    expect(page.value!.length).toBe(50);
    expect(page['@odata.count']).toBeGreaterThan(100);
    expect((page as Record<string, unknown>)['@odata.nextLink']).toMatch(/\/Member\?.*\$skiptoken=/);
  });
});

describe('oauth4webapi', () => {
  it('gets tokens by client credentials, the password grant and a refresh, and reads the RFC 6749 errors', async () => {
    const as: oauth.AuthorizationServer = { issuer: mls.baseUrl, token_endpoint: mls.webApi.tokenUrl };
    const client: oauth.Client = { client_id: 'demo-client' };
    const http = { [oauth.allowInsecureRequests]: true };
    const cc = await oauth.processClientCredentialsResponse(as, client, await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretBasic('demo-secret'), new URLSearchParams({ scope: 'api' }), http));
    expect(cc).toMatchObject({ token_type: 'bearer', expires_in: 3600, scope: 'api' });
    const pw = await oauth.processGenericTokenEndpointResponse(as, client, await oauth.genericTokenEndpointRequest(as, client, oauth.ClientSecretPost('demo-secret'), 'password', new URLSearchParams({ username: 'agent1', password: 'demo' }), http));
    const refreshed = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, oauth.ClientSecretBasic('demo-secret'), pw.refresh_token!, http));
    for (const t of [cc.access_token, pw.access_token, refreshed.access_token]) {
      expect((await allPages(query(mls.webApi.serviceRoot, 'Office', { $top: 1 }), bearer(t))).rows.length).toBe(1);
    }
    const refused = await oauth.clientCredentialsGrantRequest(as, { client_id: 'scope-client' }, oauth.ClientSecretBasic('demo-secret'), new URLSearchParams(), http);
    await expect(oauth.processClientCredentialsResponse(as, { client_id: 'scope-client' }, refused)).rejects.toMatchObject({ error: 'invalid_scope', status: 400 });
  });
});

describe('odata-v4-parser reads every nextLink and $filter the server emits', () => {
  const FILTERS = [
    FILTER,
    'year(ListingContractDate) eq 2025 and month(ListingContractDate) le 6',
    'ModificationTimestamp gt 2026-01-01T00:00:00Z',
    "contains(PublicRemarks,'garage') or startswith(City,'Oak')",
    'Media/any(m: m/Order eq 3) and PhotosCount ge 3',
    "Appliances/any(a: a eq 'Washer') and not (BedroomsTotal lt 2)",
    "tolower(City) ne 'riverton' and ListPrice add 1000 gt 200000",
  ];

  it.each(FILTERS)('%s', async (filter) => {
    const { pages } = await allPages(query(mls.webApi.serviceRoot, 'Property', { $filter: filter, $select: 'ListingKey', $orderby: 'ListPrice desc,ListingKey', $count: true }), bearer('demo-static-token', { Prefer: 'odata.maxpagesize=40' }));
    const links = pages.map((p) => p.body['@odata.nextLink'] as string | undefined).filter((l): l is string => !!l);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const qs = link.slice(link.indexOf('?') + 1);
      expect(() => peer.query(qs), link).not.toThrow();
      expect(peer.query(qs).next, link).toBe(qs.length);
      const sent = new URL(link).searchParams.get('$filter')!;
      expect(sent).toBe(filter);
      expect(peer.filter(sent).next).toBe(sent.length);
    }
  });

  it('also reads the nextLinks of the EnumType root (enum literals) and of $expand', async () => {
    const enumLinks = await allPages(query(mls.webApi.enumServiceRoot, 'Property', { $filter: "StandardStatus has DemoMLS.Enums.StandardStatus'Closed'", $select: 'ListingKey' }), bearer('demo-static-token', { Prefer: 'odata.maxpagesize=100' }));
    const expandLinks = await allPages(query(mls.webApi.serviceRoot, 'Property', { $expand: 'Media', $select: 'ListingKey', $top: 120 }), bearer('demo-static-token', { Prefer: 'odata.maxpagesize=50' }));
    const links = [...enumLinks.pages, ...expandLinks.pages].map((p) => p.body['@odata.nextLink'] as string | undefined).filter((l): l is string => !!l);
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const link of links) {
      const qs = link.slice(link.indexOf('?') + 1);
      expect(peer.query(qs).next, link).toBe(qs.length);
    }
  });
});
