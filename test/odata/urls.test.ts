// The one Web API URL builder (shared/odata/urls.ts) the host sends and the editor shows: the
// service root kept as given (versioned path, its own query options), each option encoded, the
// protocol-neutral search mapped onto $filter/$select/$orderby/$top/$skip/$count/$expand.
import { describe, expect, it } from 'vitest';
import { resolveNextLink, searchQueryOptions, searchUrl } from '../../shared/odata/urls';

describe('searchUrl', () => {
  it('maps a Web API tab\'s search onto the query options, in a fixed order, each value encoded', () => {
    const url = searchUrl('https://api.example.com/v2/odata', 'Property', {
      query: " StandardStatus eq 'Active' and ListPrice gt 500000 ", select: ['ListingKey', 'ListPrice'], limit: 50, count: 0,
      odata: { orderby: 'ListPrice desc,ListingKey', expand: 'Media', count: true, skip: 100 },
    });
    expect(url).toBe("https://api.example.com/v2/odata/Property?$filter=StandardStatus%20eq%20'Active'%20and%20ListPrice%20gt%20500000"
      + '&$select=ListingKey%2CListPrice&$orderby=ListPrice%20desc%2CListingKey&$top=50&$skip=100&$count=true&$expand=Media');
  });

  it('keeps the root\'s own query options and sends no $top for NONE', () => {
    expect(searchUrl('https://api.example.com/odata/test?access_token=abc', 'Member', { query: '', limit: 'NONE', count: 0 }))
      .toBe('https://api.example.com/odata/test/Member?access_token=abc');
  });

  it('reads RETS-style options when no odata part says otherwise: offset 1-based, count 2 = count only', () => {
    expect(searchQueryOptions({ query: '', limit: 10, offset: 21, count: 2 })).toEqual({ top: 0, skip: 20, count: true });
    expect(searchQueryOptions({ query: 'x', limit: 10, count: 1, odata: { count: false, skip: 0 } })).toEqual({ filter: 'x', top: 10 });
  });
});

describe('resolveNextLink', () => {
  it('resolves a relative link under the root and refuses another host', () => {
    expect(resolveNextLink('https://a.example/odata', 'Property?$skiptoken=p1')).toBe('https://a.example/odata/Property?$skiptoken=p1');
    expect(resolveNextLink('https://a.example/odata', 'https://b.example/odata/Property')).toBeUndefined();
  });
});
