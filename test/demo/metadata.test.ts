// GetMetadata: every type and ID form, both formats, the reply code for each mistake, and the
// version-specific shapes (1.5 dates and row names, 1.8 columns).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoMls, startDemoMls } from '../../electron/demo/index';
import { get, login, replyCode } from './helpers';

let mls: DemoMls;
let cookie: string;
beforeAll(async () => {
  mls = await startDemoMls({ listings: 100, seed: 3 });
  cookie = (await login(mls.loginUrl)).cookie;
});
afterAll(async () => { await mls.close(); });

async function md(type: string, id: string, format = 'COMPACT', c = cookie) {
  return get(`${mls.baseUrl}/rets/getMetadata?Type=${type}&ID=${encodeURIComponent(id)}&Format=${format}`, { Cookie: c });
}
const blocks = (text: string) => [...text.matchAll(/<(METADATA-[A-Z_]+)[ >]/g)].map((m) => m[1]);
const dataRows = (text: string) => (text.match(/<DATA>/g) ?? []).length;

describe('GetMetadata COMPACT', () => {
  it('SYSTEM 0 has SystemID, TimeZoneOffset and comments', async () => {
    const r = await md('METADATA-SYSTEM', '0');
    expect(replyCode(r.text)).toBe(0);
    expect(r.text).toMatch(/<METADATA-SYSTEM Version="01\.72\.10042" Date="2026-10-01T08:15:00Z">/);
    expect(r.text).toContain('<SYSTEM SystemID="DEMOMLS" SystemDescription="RETS Workbench Demo MLS" TimeZoneOffset="-06:00" />');
    expect(r.text).toContain('<COMMENTS>');
  });

  it('SYSTEM * is the whole tree: every resource, class table, lookup type, object, search help, edit mask, foreign keys', async () => {
    const r = await md('METADATA-SYSTEM', '*');
    const b = blocks(r.text);
    expect(b[0]).toBe('METADATA-SYSTEM');
    expect(b.filter((x) => x === 'METADATA-TABLE')).toHaveLength(10); // 6 Property classes + Agent, Office, OpenHouse, Media
    expect(b).toContain('METADATA-LOOKUP_TYPE');
    expect(b).toContain('METADATA-OBJECT');
    expect(b).toContain('METADATA-SEARCH_HELP');
    expect(b).toContain('METADATA-EDITMASK');
    expect(b).toContain('METADATA-FOREIGN_KEYS');
  });

  it('RESOURCE 0 lists five resources with key fields', async () => {
    const r = await md('METADATA-RESOURCE', '0');
    expect(dataRows(r.text)).toBe(5);
    expect(r.text).toMatch(/<DATA>\tProperty\tProperty\tProperty\tListings\tL_ListingKey\t6\t/);
  });

  it('CLASS by resource and for all resources', async () => {
    expect(dataRows((await md('METADATA-CLASS', 'Property')).text)).toBe(6);
    expect(blocks((await md('METADATA-CLASS', '0')).text).filter((x) => x === 'METADATA-CLASS')).toHaveLength(5);
  });

  it('TABLE Property:RES has about 135 fields, with cryptic SystemNames, StandardNames and lookups', async () => {
    const r = await md('METADATA-TABLE', 'Property:RES');
    expect(r.text).toContain('<METADATA-TABLE Resource="Property" Class="RES"');
    const cols = /<COLUMNS>\t(.*)\t<\/COLUMNS>/.exec(r.text)![1].split('\t');
    expect(cols.slice(0, 4)).toEqual(['MetadataEntryID', 'SystemName', 'StandardName', 'LongName']);
    expect(cols).toContain('InKeyIndex');
    expect(dataRows(r.text)).toBeGreaterThan(120);
    expect(r.text).toMatch(/<DATA>\t\w+\tL_ListPrice\tListPrice\tList Price\t/);
    expect(r.text).toMatch(/\tLIST_22\tDaysOnMarket\t/);
    expect(r.text).toMatch(/\tLFD_INTERIOR\tInteriorFeatures\t.*\tLookupMulti\t/);
  });

  it('TABLE with ID=Property (all classes) and Property:* ', async () => {
    expect(blocks((await md('METADATA-TABLE', 'Property')).text)).toHaveLength(6);
    expect(blocks((await md('METADATA-TABLE', 'Property:*')).text)).toHaveLength(6);
  });

  it('LOOKUP and LOOKUP_TYPE forms: 100+ areas, a status lookup with several codes', async () => {
    const l = await md('METADATA-LOOKUP', 'Property');
    expect(l.text).toMatch(/\tAREA\tArea\t/);
    const areas = await md('METADATA-LOOKUP_TYPE', 'Property:AREA');
    expect(dataRows(areas.text)).toBe(120);
    const status = await md('METADATA-LOOKUP_TYPE', 'Property:STATUS');
    expect(status.text).toContain('<DATA>\tSTATUS_1\tActive\tActive\tA\t</DATA>');
    const all = await md('METADATA-LOOKUP_TYPE', 'Property:0');
    expect(blocks(all.text).length).toBeGreaterThan(25);
    const withTypes = await md('METADATA-LOOKUP', 'Property:*');
    expect(blocks(withTypes.text)[0]).toBe('METADATA-LOOKUP');
    expect(blocks(withTypes.text)).toContain('METADATA-LOOKUP_TYPE');
  });

  it('OBJECT, SEARCH_HELP, EDITMASK, FOREIGN_KEYS', async () => {
    expect((await md('METADATA-OBJECT', 'Property')).text).toContain('\tPhoto\timage/png\t');
    expect((await md('METADATA-SEARCH_HELP', 'Property')).text).toContain('\tPRICE\t');
    expect((await md('METADATA-EDITMASK', 'Property')).text).toContain('\tZIP\t');
    expect(dataRows((await md('METADATA-FOREIGN_KEYS', '0')).text)).toBe(5);
  });

  it('answers the reply code for each mistake', async () => {
    expect(replyCode((await md('SYSTEM', '0')).text)).toBe(20501);
    expect(replyCode((await md('METADATA-NOPE', '0')).text)).toBe(20501);
    expect(replyCode((await md('METADATA-CLASS', 'Nope')).text)).toBe(20500);
    expect(replyCode((await md('METADATA-TABLE', 'Property:XYZ')).text)).toBe(20502);
    expect(replyCode((await md('METADATA-LOOKUP_TYPE', 'Property:NOPE')).text)).toBe(20502);
    expect(replyCode((await md('METADATA-SYSTEM', 'Property')).text)).toBe(20502);
    expect(replyCode((await md('METADATA-OBJECT', 'Agent')).text)).toBe(20503);
    expect(replyCode((await md('METADATA-UPDATE', 'Property')).text)).toBe(20503);
    expect(replyCode((await md('METADATA-CLASS', 'Property', 'CUSTOM')).text)).toBe(20513);
  });
});

describe('GetMetadata STANDARD-XML', () => {
  it('wraps blocks in METADATA with one element per row, children named after columns', async () => {
    const r = await md('METADATA-TABLE', 'Agent:Agent', 'STANDARD-XML');
    expect(r.text).toContain('<METADATA>\r\n<METADATA-TABLE Resource="Agent" Class="Agent"');
    expect(r.text).toMatch(/<Field><MetadataEntryID>\w+<\/MetadataEntryID><SystemName>U_AgentKey<\/SystemName><StandardName>MemberKey<\/StandardName>/);
    expect(r.text).toContain('<Precision />');
  });

  it('is the default format and writes SYSTEM with attributes and Comments', async () => {
    const r = await get(`${mls.baseUrl}/rets/getMetadata?Type=METADATA-SYSTEM&ID=0`, { Cookie: cookie });
    expect(r.text).toContain('<SYSTEM SystemID="DEMOMLS"');
    expect(r.text).toContain('<Comments>');
  });
});

describe('version-specific metadata', () => {
  it('1.5: RFC 1123 dates, no MetadataEntryID, swapped lookup row names, FOREIGNKEYS', async () => {
    const c = (await login(mls.loginUrl, 'rets15', 'demo')).cookie;
    const t = await md('METADATA-TABLE', 'Property:LND', 'COMPACT', c);
    expect(t.text).toContain('Date="Thu, 01 Oct 2026 08:15:00 GMT"');
    expect(t.text).toMatch(/<COLUMNS>\tSystemName\t/);
    const lt = await md('METADATA-LOOKUP_TYPE', 'Property:STATUS', 'STANDARD-XML', c);
    expect(lt.text).toContain('<Lookup><LongValue>Active</LongValue>');
    expect((await md('METADATA-FOREIGN_KEYS', '0', 'COMPACT', c)).text).toContain('<METADATA-FOREIGNKEYS');
    const sys = await md('METADATA-SYSTEM', '0', 'STANDARD-XML', c);
    expect(sys.text).toContain('<System><SystemID>DEMOMLS</SystemID>');
  });

  it('1.8: TABLE has the 1.8 columns', async () => {
    const c = (await login(mls.loginUrl, 'rets18', 'demo')).cookie;
    const t = await md('METADATA-TABLE', 'Property:RES', 'COMPACT', c);
    expect(t.text).toMatch(/\tFilterParentField\tDefaultSearchOrder\tCase\t<\/COLUMNS>/);
  });
});
