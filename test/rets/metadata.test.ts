import { describe, expect, it } from 'vitest';
import { isRetsError } from '../../shared/rets/errors';
import { detectMetadataFormat, mergeMetadata, parseMetadata } from '../../shared/rets/metadata/index';
import { findClass, findLookup, findResource, isLookupField, type RetsMetadata } from '../../shared/rets/metadata/model';
import { decodeBody } from '../../shared/rets/text';
import { sample } from '../samples/corpus';

const PH = 'troydavisson__PHRETS/tests/Integration/Fixtures/';
const FLEX = PH + 'Http/get/retsgw.flexmls.com/rets2_1_GetMetadata/';
const LIB = 'NationalAssociationOfRealtors__libRETS/project/librets/';
const textOf = (file: string, index = 0) => { const s = sample(file, index); return decodeBody(s.body, s.contentType); };
const md = (file: string, index = 0) => parseMetadata(textOf(file, index));
const cls = (m: RetsMetadata, res: string, name: string) => findClass(findResource(m, res)!, name)!;

function thrown(fn: () => unknown) {
  try { fn(); } catch (e) { if (isRetsError(e)) return e.info; throw e; }
  throw new Error('expected a RetsError');
}

describe('COMPACT metadata', () => {
  it('Variman full dump (libRETS raw-metadata): every level assembled', () => {
    const m = md(LIB + 'test/src/resources/raw-metadata');
    expect(m.system).toMatchObject({ systemId: 'CRT_RETS', description: 'Center for REALTOR Technology', version: '100.00.001', comments: 'The reference implementation of a RETS Server' });
    expect(m.resources.map((r) => r.id)).toEqual(['Agent', 'ActiveAgent', 'Office', 'Property']);
    const prop = findResource(m, 'Property')!;
    expect(prop.keyField).toBe('LN');
    expect(prop.classes.map((c) => c.name)).toEqual(['MOB', 'MUL', 'LND', 'CommercialProperty', 'ResidentialProperty', 'CON']);
    expect(cls(m, 'Property', 'ResidentialProperty').fields).toHaveLength(27);
    expect(prop.lookups.map((l) => `${l.name}:${l.values.length}`)).toContain('EFT:60');
    expect(prop.objects).toHaveLength(6);
    expect(m.tables.some((t) => t.type === 'METADATA-VALIDATION_EXPRESSION')).toBe(true);
  });

  it('NTREIS (rets4r): blocks on one line, FOREIGNKEYS, lowercase column names, ragged row, UPDATE_TYPE', () => {
    const m = md('josephholsten__rets4r/test/fixtures/metadata.xml');
    expect(m.system?.systemId).toBe('NTREIS');
    expect(m.system?.comments).toBe('This is a comment line');
    expect(m.tables.filter((t) => t.type === 'METADATA-FOREIGN_KEYS')).toHaveLength(1);
    expect(m.tables.find((t) => t.type === 'METADATA-FOREIGN_KEYS')!.rows).toHaveLength(9);
    const vew = cls(m, 'Property', 'RES').fields.find((f) => f.systemName === 'VEW')!;
    expect(vew).toMatchObject({ dataType: 'Long', interpretation: 'LookupBitmask', lookupName: 'VEW', maximumLength: 10, maxSelect: 1, searchable: true });
    const add = cls(m, 'Property', 'RES').updates.find((u) => u.name === 'Add')!;
    expect(add.description).toBe('Add a new Residential Listing');
    expect(add.types).toHaveLength(4);
    expect(m.warnings.some((w) => /METADATA-RESOURCE did not have 24 values/.test(w))).toBe(true);
  });

  it('Matrix (refindly): MetadataEntryID first, LookupMulti field, &#xD;&#xA; in StandardName', () => {
    const m = md('refindlyllc__rets/tests/rets_responses/COMPACT-DECODED/GetMetadata_table.xml');
    const res = cls(m, 'Property', 'RES');
    expect(res.fields).toHaveLength(208);
    const amen = res.fields.find((f) => f.systemName === 'Amenities')!;
    expect(amen).toMatchObject({ dataType: 'Character', interpretation: 'LookupMulti', lookupName: 'Amenities', maximumLength: 1000, maxSelect: 100, dbName: 'R601' });
    expect(isLookupField(amen)).toBe(true);
    const c = md('refindlyllc__rets/tests/rets_responses/COMPACT-DECODED/GetMetadata_classes_single.xml');
    const listing = cls(c, 'Property', 'Listing');
    expect(listing.standardName).toBe('Residential');
    expect(listing.raw.StandardName).toBe('Residential\r\n');
    const lk = md('refindlyllc__rets/tests/rets_responses/COMPACT-DECODED/GetMetadata_lookup.xml');
    expect(findLookup(findResource(lk, 'Property')!, 'Amenities')!.values).toHaveLength(61);
  });

  it('Variman network recordings: CLASS with empty StandardName, LOOKUP_TYPE with &apos;, empty LOOKUP level', () => {
    const c = md(LIB + 'test-network/src/resources/metadata-class.4');
    expect(findResource(c, 'Property')!.classes).toHaveLength(6);
    const eft = md(LIB + 'test-network/src/resources/metadata-lookup-type.4');
    const values = findLookup(findResource(eft, 'Property')!, 'EFT')!.values;
    expect(values).toHaveLength(60);
    expect(values.some((v) => v.longValue.includes("'"))).toBe(true);
    const empty = md(LIB + 'test-network/src/resources/metadata-lookup.3');
    expect(empty.resources.every((r) => r.lookups.length === 0)).toBe(true);
    const table9 = cls(md(LIB + 'test-network/src/resources/metadata-table.9'), 'Property', 'ResidentialProperty');
    expect(table9.fields).toHaveLength(27);
    expect(table9.fields.some((f) => f.units === 'SqFt')).toBe(true);
    expect(table9.fields.some((f) => f.editMaskId !== '')).toBe(true);
  });

  it('estately: indented tags, &#x2019; entity, ModTimeStamp as first column', () => {
    const m = md('estately__rets/test/fixtures.rb__SAMPLE_COMPACT_2.xml');
    const fields = m.resources[0]!.classes[0]!.fields;
    expect(fields).toHaveLength(15);
    expect(fields.map((f) => f.longName)).toContain('Office\u2019s Name');
    expect(m.tables[0]!.columns[0]).toBe('ModTimeStamp');
  });

  it('a fragment without <RETS>, ISO-8859-1 bytes without charset, CRLF and a pipe DELIMITER', () => {
    expect(findResource(md(LIB + 'test/src/resources/metadata-class.xml'), 'Property')!.classes.map((c) => c.name)).toEqual(['CON', 'RES']);
    expect(cls(md(LIB + 'test/src/resources/metadata-extended-char.xml'), 'Property', 'RES').description).toBe('N\u0153\u2013ez');
    const piped = parseMetadata('\uFEFF<RETS ReplyCode="0" ReplyText="OK">\r\n<DELIMITER value="7C"/>\r\n<METADATA-CLASS Resource="Property" Version="1" Date="d">\r\n' +
      '<COLUMNS>|ClassName|VisibleName|</COLUMNS>\r\n<DATA>|RES|Homes &amp; Land|</DATA>\r\n<DATA>CND|Condos</DATA>\r\n</METADATA-CLASS>\r\n</RETS>\r\n');
    expect(findResource(piped, 'Property')!.classes.map((c) => [c.name, c.visibleName])).toEqual([['RES', 'Homes & Land'], ['CND', 'Condos']]);
  });

  it('keeps unknown METADATA types and RETS-STATUS inside ReplyCode 0 as a warning', () => {
    const m = parseMetadata('<RETS ReplyCode="0"><METADATA-X_VENDOR Resource="P"><COLUMNS>\tA\tB\t</COLUMNS><DATA>\t1\t2\t</DATA></METADATA-X_VENDOR>' +
      '<RETS-STATUS ReplyCode="20503" ReplyText="No Metadata Found"/></RETS>');
    expect(m.tables).toEqual([{ type: 'METADATA-X_VENDOR', attributes: { Resource: 'P' }, columns: ['A', 'B'], rows: [{ A: '1', B: '2' }] }]);
    expect(m.resources).toEqual([]);
    expect(m.warnings).toEqual(['The server ended the metadata with RETS-STATUS 20503 "No Metadata Found".']);
  });
});

describe('STANDARD-XML metadata', () => {
  it('flexmls TABLE (248 KB): 313 fields of class A with their columns', () => {
    const m = md(FLEX + 'bbe857812f04d9e40c3508c212ab0ebe.txt');
    const a = cls(m, 'Property', 'A');
    expect(a.fields).toHaveLength(313);
    expect(a.table).toEqual({ version: '01.03.28598', date: '2014-07-08T20:10:20Z' });
    expect(a.fields[0]).toMatchObject({ systemName: 'LIST_0', longName: 'MLS Identifier', dbName: 'matechid', dataType: 'Character', maximumLength: 26, searchable: true });
    expect(a.fields[0]!.raw.MetadataEntryID).toBe('2e3a7b9fed6fca50668d8c0719540f0e');
    expect(a.fields.filter(isLookupField).length).toBeGreaterThan(50);
    expect(detectMetadataFormat(textOf(FLEX + 'bbe857812f04d9e40c3508c212ab0ebe.txt'))).toBe('STANDARD-XML');
  });

  it('SYSTEM: 1.7.2 attributes with TimeZoneOffset, and 1.5-style <System> children', () => {
    expect(md(FLEX + '3f61a38b92bfdb51eaf133bf516b2483.txt').system).toMatchObject({ systemId: 'demomls', description: 'flexmls Web Demo Database', timeZoneOffset: '-05:00', version: '01.03.28598' });
    expect(md(FLEX + '940a2bcb4240708a30ed3e4abd2a3056.txt').system?.date).toMatch(/GMT$/);
    expect(md('refindlyllc__rets/tests/rets_responses/STANDARD-XML/GetMetadata_system.xml').system).toMatchObject({ systemId: 'RETS', description: 'RETS System', version: '45.61.69081' });
  });

  it('LOOKUP_TYPE rows named <LookupType> (Matrix) and flexmls opaque lookups', () => {
    const status = findLookup(findResource(md('refindlyllc__rets/tests/rets_responses/STANDARD-XML/GetMetadata_lookup.xml'), 'Property')!, 'Status')!;
    expect(status.values.map((v) => v.value)).toEqual(['A', 'C', 'I', 'P', 'S', 'T', 'U', 'W', 'X']);
    expect(status.values[0]).toMatchObject({ longValue: 'A-Active', shortValue: 'A' });
    const flex = md(FLEX + '785c884c29c4c4d17deb0fcd89cd5282.txt').resources[0]!.lookups[0]!;
    expect(flex.name).toBe('20000426151013376279000000');
    expect(flex.values[0]).toMatchObject({ value: '5PSUX49PM1Q', longValue: 'Lake/Other' });
  });

  it('1.5-style swapped row names: <Lookup> rows inside METADATA-LOOKUP_TYPE', () => {
    const m = parseMetadata('<RETS ReplyCode="0"><METADATA><METADATA-LOOKUP_TYPE Resource="Property" Lookup="STATUS" Version="1" Date="d">' +
      '<Lookup><Value>A</Value><LongValue>Active</LongValue><ShortValue/></Lookup><Lookup><Value>S</Value><LongValue>Sold &amp; closed</LongValue><ShortValue>S</ShortValue></Lookup>' +
      '</METADATA-LOOKUP_TYPE></METADATA></RETS>');
    expect(findLookup(m.resources[0]!, 'STATUS')!.values.map((v) => [v.value, v.longValue, v.shortValue])).toEqual([['A', 'Active', ''], ['S', 'Sold & closed', 'S']]);
  });

  it('RESOURCE, CLASS and OBJECT from flexmls, RETS IQ and MRIS-style servers', () => {
    const res = md(FLEX + 'b3a4345b713492d24315d1f92665d7a6.txt');
    expect(res.resources).toHaveLength(9);
    expect(findResource(res, 'Property')!.keyField).toBe('LIST_1');
    expect(findResource(md(FLEX + '9ed93625ec4cad577e42158701ae7b44.txt'), 'Property')!.classes.map((c) => c.name)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    const objs = md(FLEX + '9d194ccfcc9edb5a93dea267d1f9c91d.txt').resources[0]!.objects;
    expect(objs).toHaveLength(9);
    expect(objs[0]).toMatchObject({ objectType: 'Photo', mimeType: 'image/jpeg' });
    const iq = md('retsr__rets.js/test/servers/fixtures/rets.server.com:9160-metadata-table.json');
    const laundry = cls(iq, 'Property', 'Residential').fields.find((f) => f.systemName === 'Laundry')!;
    expect(cls(iq, 'Property', 'Residential').fields).toHaveLength(345);
    expect(laundry).toMatchObject({ interpretation: 'LookupMulti', lookupName: 'LAUNDRY', maximumLength: 277, maxSelect: 21 });
    expect(md('retsr__rets.js/test/servers/fixtures/rets.server.com:9160-metadata-class.json').resources[0]!.classes).toHaveLength(7);
    expect(md('mslosarek__node-rets/test/data/metadata_resource.xml').resources).toHaveLength(8);
  });

  it('a TABLE without a Class attribute is kept under class "" with a warning', () => {
    const m = md(FLEX + 'df6c017842562b837dd77c23a95c5777.txt');
    expect(cls(m, 'Property', '').fields).toHaveLength(148);
    expect(m.warnings[0]).toMatch(/no Class attribute/);
  });
});

describe('drill-down merge', () => {
  it('RESOURCE, then CLASS, then TABLE responses combine into one model (PHRETS VCR)', () => {
    const f = PH + 'VCR/GetMetadata/property_classes_followed_by_table_1.7.2.json';
    const resources = md(PH + 'VCR/GetMetadata/resources_1.7.2.json', 1);
    const merged = [md(f, 1), md(f, 2)].reduce(mergeMetadata, resources);
    expect(merged.resources).toHaveLength(6);
    const prop = findResource(merged, 'Property')!;
    expect(prop.keyField).toBe('LIST_1');
    expect(prop.classes.map((c) => c.name)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(findClass(prop, 'A')!.fields).toHaveLength(326);
    expect(findClass(prop, 'A')!.visibleName).not.toBe('');
    // Fetching the same TABLE again replaces it rather than duplicating it.
    const again = mergeMetadata(merged, md(f, 2));
    expect(again.tables.filter((t) => t.type === 'METADATA-TABLE')).toHaveLength(1);
    expect(findClass(findResource(again, 'Property')!, 'A')!.fields).toHaveLength(326);
    // A RESOURCE answer for one resource does not drop the others.
    const one = parseMetadata('<RETS ReplyCode="0"><METADATA><METADATA-RESOURCE Version="2" Date="d"><Resource><ResourceID>Property</ResourceID><KeyField>LN</KeyField></Resource></METADATA-RESOURCE></METADATA></RETS>');
    const both = mergeMetadata(merged, one);
    expect(both.resources).toHaveLength(6);
    expect(findResource(both, 'Property')!.keyField).toBe('LN');
  });
});

describe('bad metadata input', () => {
  it('a non-zero reply code is a RETS error with the catalogue hint; 20503 is an empty model', () => {
    const e = thrown(() => md('refindlyllc__rets/tests/rets_responses/Errors/Error_InvalidFormat.xml'));
    expect(e).toMatchObject({ kind: 'rets', transaction: 'GetMetadata', replyCode: 20513 });
    expect(e.hint).toMatch(/STANDARD-XML/);
    expect(thrown(() => md('Homefinder__ruby-rets/spec/responses/get_metadata/error.txt'))).toMatchObject({ kind: 'rets', replyCode: 20000 });
    const none = md('NationalAssociationOfRealtors__variman/variman/trunk/project/rets-client/junit/org/realtors/rets/client/getMetadataResponse_noRecords.xml');
    expect(none.resources).toEqual([]);
    expect(none.warnings[0]).toMatch(/20503/);
  });
  it('an HTML error page, an empty body, plain text', () => {
    expect(thrown(() => md('estately__rets/test/fixtures.rb__HTML_AUTH_FAILURE.html')).message).toMatch(/HTML page instead of metadata: "Apache Tomcat/);
    expect(thrown(() => parseMetadata('  \r\n')).kind).toBe('parse');
    expect(thrown(() => parseMetadata('Service Unavailable')).message).toMatch(/not RETS metadata/);
  });
  it('malformed and truncated XML are parse errors with a line number', () => {
    const full = textOf(FLEX + 'bbe857812f04d9e40c3508c212ab0ebe.txt');
    const truncated = thrown(() => parseMetadata(full.slice(0, 100_000)));
    expect(truncated.kind).toBe('parse');
    expect(truncated.message).toMatch(/truncated|ends/);
    const bad = thrown(() => parseMetadata('<RETS ReplyCode="0"><METADATA><METADATA-CLASS Resource="P"><Class><ClassName>A</Class></METADATA-CLASS></METADATA></RETS>'));
    expect(bad.message).toMatch(/Expected <\/ClassName> but found <\/Class> \(line 1\)/);
    const compactCut = thrown(() => parseMetadata(textOf(LIB + 'test/src/resources/raw-metadata').slice(0, 20_000)));
    expect(compactCut.message).toMatch(/truncated/);
  });
});
