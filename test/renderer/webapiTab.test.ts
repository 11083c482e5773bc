// A Web API query tab's state (renderer/src/state/tabs.ts, query/webapiQuery.ts): the tab follows
// the profile's protocol, its whole query survives a snippet or history round trip, RETS tabs save
// as they always did, and the URL shown is the one the host's builder makes.
import { describe, expect, it } from 'vitest';
import { newTab, protocolPatch, tabTitle } from '../../renderer/src/state/tabs';
import { orderbyText, parseOrderby, savedQueryOf, shownUrl, splitTopLevel, tabFromSaved } from '../../renderer/src/query/webapiQuery';

const sets = ['Property', 'Member', 'Media'];

describe('protocolPatch', () => {
  it('turns a RETS tab on Property/RES into a Web API tab on the Property entity set', () => {
    const tab = newTab({ resource: 'Property', cls: 'RES', query: '(Status=|A)' });
    const patch = protocolPatch(tab, 'webapi', sets)!;
    expect(patch).toMatchObject({ protocol: 'webapi', resource: 'Property', cls: 'Property', odata: { orderby: [], expand: [], count: true, skip: 0 } });
    const web = { ...tab, ...patch };
    expect(protocolPatch(web, 'webapi', sets)).toBeUndefined();
    expect(tabTitle(web)).toBe('Property');
  });

  it('picks an entity set the metadata has, and hands a Web API tab back to RETS without its class', () => {
    const tab = newTab({ resource: 'Agent', cls: 'Agent' });
    expect(protocolPatch(tab, 'webapi', ['Member', 'Office'])).toMatchObject({ resource: 'Member', cls: 'Member', select: [] });
    const web = newTab({ protocol: 'webapi', resource: 'Member', cls: 'Member' });
    expect(protocolPatch(web, 'rets', sets)).toMatchObject({ protocol: 'rets', cls: '' });
    expect(protocolPatch(newTab({ resource: 'Property', cls: 'RES' }), 'rets', sets)).toBeUndefined();
  });

  it('keeps each protocol\'s query: switching swaps the DMQL2 query and the $filter, never shows one as the other', () => {
    const rets = newTab({ resource: 'Property', cls: 'RES', query: '(Status=|A)' });
    const web = { ...rets, ...protocolPatch(rets, 'webapi', sets)! };
    expect(web).toMatchObject({ protocol: 'webapi', query: '', otherQuery: '(Status=|A)' });
    const typed = { ...web, query: "StandardStatus eq 'Active'" };
    const back = { ...typed, ...protocolPatch(typed, 'rets', sets)! };
    expect(back).toMatchObject({ protocol: 'rets', query: '(Status=|A)', otherQuery: "StandardStatus eq 'Active'" });
    const again = { ...back, ...protocolPatch({ ...back, cls: 'RES' }, 'webapi', sets)! };
    expect(again).toMatchObject({ protocol: 'webapi', query: "StandardStatus eq 'Active'", otherQuery: '(Status=|A)' });
    // Another entity set on the same protocol keeps the $filter.
    expect(protocolPatch({ ...again, resource: 'Gone' }, 'webapi', sets)).not.toHaveProperty('query');
  });
});

describe('saved queries', () => {
  const web = newTab({
    protocol: 'webapi', resource: 'Property', cls: 'Property', query: "StandardStatus eq 'Active'", select: ['ListingKey', 'ListPrice'], limit: 25,
    odata: { orderby: [{ field: 'ListPrice', desc: true }, { field: 'ListingKey', desc: false }], expand: ['Media'], count: true, skip: 50 },
  });

  it('a Web API tab saves its protocol and whole query, and comes back the same', () => {
    const saved = savedQueryOf(web);
    expect(saved).toEqual({
      protocol: 'webapi', resource: 'Property', class: 'Property', query: "StandardStatus eq 'Active'", select: ['ListingKey', 'ListPrice'],
      odata: { orderby: 'ListPrice desc,ListingKey', expand: 'Media', count: true, skip: 50 }, options: { limit: 25, count: 0 },
    });
    const back = tabFromSaved(saved);
    expect(back).toMatchObject({ protocol: 'webapi', resource: 'Property', cls: 'Property', query: web.query, select: web.select, limit: 25, odata: web.odata });
  });

  it('a RETS tab saves as before, and a record without a protocol opens as RETS', () => {
    const rets = newTab({ resource: 'Property', cls: 'RES', query: '(Status=|A)', limit: 'NONE', offset: 11, standardNames: true });
    const saved = savedQueryOf(rets);
    expect(saved).toEqual({ resource: 'Property', class: 'RES', query: '(Status=|A)', select: [], options: { limit: 'NONE', count: 1, format: 'COMPACT', offset: 11, standardNames: true } });
    expect(tabFromSaved(saved)).toMatchObject({ protocol: 'rets', cls: 'RES', offset: 11, standardNames: true, limit: 'NONE' });
  });

  it('$orderby and $expand text split at top-level commas only', () => {
    expect(splitTopLevel("Media($select=MediaURL,Order;$filter=x eq 'a,b'),Rooms")).toEqual(["Media($select=MediaURL,Order;$filter=x eq 'a,b')", 'Rooms']);
    expect(parseOrderby(' ListPrice  DESC , ListingKey')).toEqual([{ field: 'ListPrice', desc: true }, { field: 'ListingKey', desc: false }]);
    expect(orderbyText(parseOrderby('ModificationTimestamp desc,ListingKey'))).toBe('ModificationTimestamp desc,ListingKey');
  });

  it('the URL shown is the host builder\'s, with the limit as $top', () => {
    expect(shownUrl('http://127.0.0.1:8080/webapi/odata', web)).toBe(
      "http://127.0.0.1:8080/webapi/odata/Property?$filter=StandardStatus%20eq%20'Active'&$select=ListingKey%2CListPrice&$orderby=ListPrice%20desc%2CListingKey&$top=25&$skip=50&$count=true&$expand=Media",
    );
  });
});
