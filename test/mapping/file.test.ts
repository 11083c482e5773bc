// The mapping file: a round trip keeps every entry and decision byte for byte; hostile or invalid
// files are refused with a message that says what is wrong, quoting at most a short start.
import { describe, expect, it } from 'vitest';
import { MappingFileError, parseMappingFile, serializeMapping, type MappingFile } from '../../shared/mapping/index';

const mapping: MappingFile = {
  format: 'rets-workbench-mapping',
  version: 1,
  profileId: 'demo',
  source: { name: 'Demo MLS (RETS)', kind: 'rets' },
  target: { name: 'Demo MLS (Web API)', kind: 'webapi-metadata', fields: { Property: ['ListPrice', 'StandardStatus', 'Township'] } },
  notes: ['No Data Dictionary file.'],
  fields: [
    { resource: 'Property', field: 'L_ListPrice', longName: 'List Price', targetResource: 'Property', target: 'ListPrice', reason: 'standard-name', why: "The MLS's StandardName is ListPrice.", confidence: 1, status: 'confirmed' },
    {
      resource: 'Property', field: 'L_Status', longName: 'Status', targetResource: 'Property', target: 'StandardStatus', reason: 'standard-name', why: '', confidence: 1, status: 'proposed',
      values: [
        { code: 'A', longValue: 'Active', target: 'Active', reason: 'display-name', confidence: 0.9, status: 'proposed' },
        { code: 'S', longValue: 'Sold', target: 'Closed', reason: 'user', confidence: 1, status: 'edited' },
      ],
    },
    { resource: 'Property', field: 'LIST_132', longName: 'Township', targetResource: 'Property', target: null, reason: 'none', why: '', confidence: 0, status: 'rejected' },
  ],
};

describe('the mapping file', () => {
  it('round-trips: the same text after parse and serialize, with a version field and one entry a line group', () => {
    const text = serializeMapping(mapping);
    expect(text.startsWith('{\n  "format": "rets-workbench-mapping",\n  "version": 1,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const back = parseMappingFile(text);
    expect(back).toEqual(mapping);
    expect(serializeMapping(back)).toBe(text);
    // A byte-order mark (a file saved by an editor on Windows) is accepted.
    expect(parseMappingFile(`\uFEFF${text}`)).toEqual(mapping);
  });

  it('refuses what is not a mapping, saying what is wrong', () => {
    const bad = (text: string) => { try { parseMappingFile(text); } catch (e) { expect(e).toBeInstanceOf(MappingFileError); return (e as Error).message; } throw new Error('accepted'); };
    expect(bad('<html>nope')).toBe('The mapping file is not valid JSON (it starts with "<html>nope").');
    expect(bad('[1,2]')).toMatch(/JSON but not an object/);
    expect(bad('{"snippets": []}')).toBe('The file is not a RETS Workbench mapping ("format" should be "rets-workbench-mapping").');
    expect(bad(JSON.stringify({ ...mapping, version: 2 }))).toBe('The mapping file has format version 2; this workbench reads version 1.');
    const wrongStatus = JSON.stringify({ ...mapping, fields: [{ ...mapping.fields[0], status: 'maybe', confidence: 7 }] });
    expect(bad(wrongStatus)).toMatch(/^The mapping file is not valid: fields\.0\.confidence: .+; fields\.0\.status: .+\.$/);
    expect(bad(JSON.stringify({ ...mapping, extra: '<script>' }))).toMatch(/not valid: \(top\): Unrecognized key/);
  });

  it('hostile input: a huge or deeply nested file is refused without echoing it', () => {
    const long = `{"format":"${'A'.repeat(200)}`;
    const msg = (() => { try { parseMappingFile(long); } catch (e) { return (e as Error).message; } return ''; })();
    expect(msg.length).toBeLessThan(120);
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    expect(() => parseMappingFile(deep)).toThrow(MappingFileError);
    expect(() => parseMappingFile(' '.repeat(33 * 1024 * 1024))).toThrow(/more than a mapping ever is/);
  });
});

describe('the translator\'s view of a mapping', () => {
  it('one resource\'s mapped fields and values; rejected ones left out; proposals named in the assumptions', async () => {
    const { translationMapping } = await import('../../shared/mapping/index');
    const t = translationMapping(mapping, 'Property');
    expect(t).toEqual({
      resource: 'Property', entitySet: 'Property',
      fields: [
        { source: 'L_ListPrice', target: 'ListPrice' },
        { source: 'L_Status', target: 'StandardStatus', values: { A: 'Active', S: 'Closed' } },
      ],
      assumptions: ['1 field pairings are proposals of the mapping "Demo MLS (RETS) → Demo MLS (Web API)" the user has not confirmed.'],
    });
    expect(translationMapping(mapping, 'Property', { confirmedOnly: true }).fields.map((f) => f.source)).toEqual(['L_ListPrice']);
  });
});
