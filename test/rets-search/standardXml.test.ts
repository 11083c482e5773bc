// STANDARD-XML parser: records flattened to columns, streaming, bad input.
import { describe, expect, it } from 'vitest';
import { collectSearch, createSearchParser } from '../../shared/rets/search/index';
import { isRetsError } from '../../shared/rets/errors';
import { bytes, splitAt } from './helpers';

const doc = `<?xml version="1.0"?>
<RETS ReplyCode="0" ReplyText="OK">
<COUNT Records="3"/>
<REData><Listings>
  <Listing><ListingID>L1</ListingID><Address><City>Chicago</City><Zip/></Address><Remarks><![CDATA[a <b> & c]]></Remarks></Listing>
  <!-- a comment -->
  <Listing><ListingID>L2</ListingID><Price>250000</Price><Address><City>Smith &amp; Co &#xE9;</City></Address></Listing>
</Listings></REData>
<MAXROWS/>
</RETS>`;

describe('STANDARD-XML', () => {
  it('flattens leaf elements in order of first appearance and re-sends columns when new ones appear', () => {
    const p = createSearchParser('STANDARD-XML');
    const events = [...p.push(bytes(doc)), ...p.end()];
    const columns = events.filter((e) => e.kind === 'columns').map((e) => (e as { columns: string[] }).columns);
    expect(columns).toEqual([['ListingID', 'City', 'Zip', 'Remarks'], ['ListingID', 'City', 'Zip', 'Remarks', 'Price']]);
    expect(events.map((e) => e.kind)).toEqual(['status', 'count', 'columns', 'rows', 'columns', 'rows', 'maxrows']);
    const r = collectSearch(bytes(doc));
    expect(r.rows).toEqual([['L1', 'Chicago', '', 'a <b> & c', ''], ['L2', 'Smith & Co é', '', '', '250000']]);
    expect(r.count).toBe(3);
    expect(r.maxRows).toBe(true);
  });

  it('is sniffed by auto and invariant to chunk splits', () => {
    const body = bytes(doc);
    const whole = collectSearch(body, 'auto');
    expect(whole.rows).toHaveLength(2);
    const differing: number[] = [];
    for (let cut = 1; cut < body.length; cut++) if (JSON.stringify(collectSearch(splitAt(body, [cut]), 'auto')) !== JSON.stringify(whole)) differing.push(cut);
    expect(differing).toEqual([]);
  });

  it('a truncated body is a typed parse error', () => {
    let err: unknown;
    try { collectSearch(bytes(doc.slice(0, doc.indexOf('<Listing><ListingID>L2'))), 'STANDARD-XML'); } catch (e) { err = e; }
    expect(isRetsError(err) && err.info.kind === 'parse' && /cut off after 1 records/.test(err.message)).toBe(true);
  });

  it('malformed XML (mismatched end tags) is tolerated with a warning', () => {
    const r = collectSearch(bytes('<RETS ReplyCode="0" ReplyText="OK"><REData><L><R><A>1</B></A></R></L></REData></RETS>'), 'STANDARD-XML');
    expect(r.rows).toEqual([['1']]);
    expect(r.warnings.join(' ')).toMatch(/Stray <\/B>/);
  });

  it('an HTML page is a typed parse error', () => {
    expect(() => collectSearch(bytes('<html><head><title>Login</title></head></html>'), 'STANDARD-XML')).toThrow(/HTML page \("Login"\)/);
  });
});
