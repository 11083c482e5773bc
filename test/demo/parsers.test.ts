// The demo MLS read by the app's own parsers: metadata in both formats through parseMetadata
// (shared/rets/metadata) gives back the model the server was built from, and a search in each
// format through collectSearch (shared/rets/search) gives the same rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMetadata } from '../../shared/rets/metadata/index';
import { collectSearch } from '../../shared/rets/search/index';
import { buildCatalog } from '../../electron/demo/catalog';
import { createDataset } from '../../electron/demo/dataset';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';
import { buildMetadata } from '../../electron/demo/metadataModel';
import { get, login } from './helpers';

let mls: DemoMls;
let cookie: string;
beforeAll(async () => {
  mls = await startDemoMls({ listings: 1000, seed: 4 });
  cookie = (await login(mls.loginUrl)).cookie;
});
afterAll(async () => { await mls.close(); });

const served = () => buildMetadata(buildCatalog(createDataset(1000, 4), () => mls.baseUrl));

describe('metadata through parseMetadata', () => {
  for (const format of ['COMPACT', 'STANDARD-XML']) {
    it(`${format}: the whole tree comes back as the model the server publishes`, async () => {
      const r = await get(`${mls.baseUrl}/rets/getMetadata?Type=METADATA-SYSTEM&ID=*&Format=${format}`, { Cookie: cookie });
      const md = parseMetadata(r.text);
      const want = served();
      expect(md.system?.systemId).toBe('DEMOMLS');
      expect(md.resources.map((x) => x.id)).toEqual(want.resources.map((x) => x.id));
      for (const res of want.resources) {
        const got = md.resources.find((x) => x.id === res.id)!;
        expect(got.keyField).toBe(res.keyField);
        expect(got.classes.map((c) => c.name)).toEqual(res.classes.map((c) => c.name));
        for (const cls of res.classes) {
          const gc = got.classes.find((c) => c.name === cls.name)!;
          expect(gc.fields.map((f) => [f.systemName, f.standardName, f.dataType, f.interpretation, f.lookupName]))
            .toEqual(cls.fields.map((f) => [f.systemName, f.standardName, f.dataType, f.interpretation, f.lookupName]));
        }
        expect(got.lookups.map((l) => [l.name, l.values.map((v) => v.value).join(',')])).toEqual(res.lookups.map((l) => [l.name, l.values.map((v) => v.value).join(',')]));
        expect(got.objects.map((o) => o.objectType)).toEqual(res.objects.map((o) => o.objectType));
      }
      expect(md.warnings).toEqual([]);
    });
  }
});

describe('search through collectSearch', () => {
  it('COMPACT, COMPACT-DECODED and STANDARD-XML carry the same rows', async () => {
    const q = 'SearchType=Property&Class=RES&Query=(L_Status=|A,P)&Select=L_ListingKey,L_Status,L_ListPrice,LFD_HEATING&Limit=40&Count=1';
    const fetchAs = async (format: string) => collectSearch((await get(`${mls.baseUrl}/rets/search?${q}&Format=${format}`, { Cookie: cookie })).bytes);
    const compact = await fetchAs('COMPACT');
    const decoded = await fetchAs('COMPACT-DECODED');
    const xml = await fetchAs('STANDARD-XML');
    expect(compact.replyCode).toBe(0);
    expect(compact.columns).toEqual(['L_ListingKey', 'L_Status', 'L_ListPrice', 'LFD_HEATING']);
    expect(compact.rows).toHaveLength(40);
    expect(compact.count).toBeGreaterThan(40);
    expect(new Set(compact.rows.map((r) => r[1]))).toEqual(new Set(['A', 'P']));
    expect(decoded.rows.map((r) => r[0])).toEqual(compact.rows.map((r) => r[0]));
    expect(new Set(decoded.rows.map((r) => r[1]))).toEqual(new Set(['Active', 'Pending']));
    expect(xml.rows.map((r) => r[xml.columns.indexOf('L_ListingKey')])).toEqual(compact.rows.map((r) => r[0]));
    expect(xml.rows.map((r) => r[xml.columns.indexOf('LFD_HEATING')])).toEqual(decoded.rows.map((r) => r[3]));
  });
});
