// The Web API doctor's diagnosis rules on their own: quota arithmetic, the $metadata shape, $top,
// paging, token lifetime and host, key facts, OData errors in the doctor's shape.
import { describe, expect, it } from 'vitest';
import {
  countIsQuoted, diagnoseMetadataShape, diagnoseODataFailure, diagnosePaging, diagnoseQuota, diagnoseTokenLifetime, diagnoseTop, fullPullRequests,
  keyFieldFact, metadataShape, quotaFacts, quotaMeaning, tokenHostFact,
} from '../../shared/doctor';

describe('rate-limit headers in words', () => {
  it('says what a quota means for a full pull', () => {
    expect(quotaMeaning([{ window: 'hour', limit: 7200, remaining: 7100 }], { records: 48_000, pageSize: 1000, resource: 'Property' }))
      .toEqual(['7,200 requests an hour: a full pull of 48,000 Property records at 1,000 a page is 48 requests.']);
    expect(quotaMeaning([{ window: 'minute', limit: 10 }], { records: 48_000, pageSize: 1000, resource: 'Property' }))
      .toEqual(['10 requests a minute: a full pull of 48,000 Property records at 1,000 a page is 48 requests, more than one window allows: at least 5 windows of waiting.']);
    expect(quotaMeaning([{ window: 'day', limit: 5000 }], { pageSize: 500, resource: 'Property' }))
      .toEqual(['5,000 requests a day: a full pull of Property at 500 a page takes one request a page (the record count is unknown).']);
    expect(fullPullRequests({ records: 0, pageSize: 1000, resource: 'Property' })).toBe(1);
    expect(quotaFacts([{ window: 'burst', limit: 10, remaining: 3, reset: '42' }])).toEqual([{ label: 'Quota (burst)', value: 'limit 10 per burst window, 3 left, resets 42' }]);
  });

  it('warns only when a window is nearly used up', () => {
    const s = { records: 100, pageSize: 1000, resource: 'Property' };
    expect(diagnoseQuota([{ window: 'hour', limit: 7200, remaining: 7000 }], s)).toBeUndefined();
    const d = diagnoseQuota([{ window: 'minute', limit: 60, remaining: 5, reset: '30' }], s)!;
    expect(d.summary).toBe('Only 5 of 60 requests a minute are left after this test.');
    expect(d.detail).toContain('The window resets in 30 s.');
    expect(d.actions[0]).toBe('Set the profile\'s throttle to at most 60 requests a minute.');
  });
});

describe('answers of a working service', () => {
  it('$metadata: XML passes, JSON warns, HTML fails', () => {
    expect(metadataShape('\uFEFF  <?xml version="1.0"?><edmx:Edmx', 'application/xml')).toBe('xml');
    expect(metadataShape('{"$Version":"4.0"}', 'application/json')).toBe('json');
    expect(metadataShape('<!DOCTYPE html><html>', 'text/html')).toBe('html');
    expect(metadataShape('oops', 'text/plain')).toBe('other');
    expect(diagnoseMetadataShape('xml', 'application/xml')).toBeUndefined();
    expect(diagnoseMetadataShape('json', 'application/json')?.status).toBe('warning');
    expect(diagnoseMetadataShape('html', 'text/html', 'Maintenance')).toMatchObject({ status: 'failed', diagnosis: { summary: '$metadata answered with an HTML page ("Maintenance"), not CSDL.' } });
  });

  it('@odata.count quoted or not', () => {
    expect(countIsQuoted('{"@odata.context":"x","@odata.count": "1234","value":[]}')).toBe(true);
    expect(countIsQuoted('{"@odata.count":1234,"value":[]}')).toBe(false);
    expect(countIsQuoted('{"value":[]}')).toBe(false);
    expect(countIsQuoted('{"@odata.count"')).toBe(false);
  });

  it('$top: applied, taken as the page size, or ignored', () => {
    expect(diagnoseTop(3, 3, false)).toBeUndefined();
    expect(diagnoseTop(3, 2, false)).toBeUndefined();
    expect(diagnoseTop(3, 3, true)?.summary).toBe('$top acts as the page size: $top=3 brought 3 rows and a nextLink to more.');
    expect(diagnoseTop(3, 1000, true)?.summary).toBe('The server ignores $top: $top=3 brought 1000 rows on the first page.');
  });

  it('paging: a missing nextLink, and keys repeated across pages', () => {
    expect(diagnosePaging({ pages: [100, 100], nextLink: true, duplicates: [], count: 200, pageSizeAsked: 100 })).toBeUndefined();
    expect(diagnosePaging({ pages: [100], nextLink: false, duplicates: [], count: 100, pageSizeAsked: 100 })).toBeUndefined();
    expect(diagnosePaging({ pages: [100], nextLink: false, duplicates: [], count: 5000, pageSizeAsked: 100 })?.summary)
      .toBe('Page 1 held 100 of 5,000 records and no nextLink: the rest cannot be reached by paging.');
    expect(diagnosePaging({ pages: [100, 100], nextLink: true, duplicates: ['7', '9'], count: 5000, pageSizeAsked: 100 })?.summary)
      .toBe('Page 2 repeats 2 keys of page 1 (e.g. 7, 9).');
  });

  it('token lifetime, token host, key field', () => {
    expect(diagnoseTokenLifetime(3600)).toBeUndefined();
    expect(diagnoseTokenLifetime(30)?.summary).toBe('The access token lives only 30 s.');
    expect(tokenHostFact('https://api.x/token', 'https://api.x/odata')).toBeUndefined();
    expect(tokenHostFact('https://id.x/token', 'https://api.x/odata')).toBe('id.x, another host than the service root (api.x)');
    expect(keyFieldFact('Property', 'ListingId')).toMatch(/^Property: ListingId \(the MLS number agents see/);
    expect(keyFieldFact('Property', '')).toBe('Property: none declared');
  });

  it('an OData error keeps its words; the server\'s quote moves to the detail', () => {
    const d = diagnoseODataFailure({
      kind: 'auth', operation: 'Token', httpStatus: 401, serverCode: 'invalid_client', serverMessage: 'bad secret',
      message: 'The token endpoint rejected the client id or client secret (invalid_client). The server said: "bad secret".', cause: 'c', hint: 'h',
    });
    expect(d).toEqual({ summary: 'The token endpoint rejected the client id or client secret (invalid_client).', detail: 'The server said: "bad secret" (code invalid_client).', cause: 'c', actions: ['h'], httpStatus: 401 });
  });
});
