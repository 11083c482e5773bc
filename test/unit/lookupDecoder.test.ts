// The one lookup decoder (shared/metadata/lookupDecoder.ts) that the grid, the row details and the
// export read: codes to LongValue (ShortValue, then the code, when missing), multi-value cells one
// code at a time, columns by SystemName or StandardName, made once per metadata and class.
import { describe, expect, it } from 'vitest';
import type { MetadataField, RetsMetadata } from '../../shared/rets/metadata/model';
import { lookupDecoders } from '../../shared/metadata/lookupDecoder';

const field = (systemName: string, standardName: string, interpretation: string, lookupName: string): MetadataField => ({
  systemName, standardName, longName: systemName, dbName: '', shortName: '', dataType: 'Character', interpretation, lookupName,
  searchable: true, units: '', required: false, editMaskId: '', searchHelpId: '', raw: {},
});

function metadata(): RetsMetadata {
  return {
    tables: [], warnings: [],
    resources: [{
      id: 'Property', standardName: 'Property', visibleName: 'Property', description: '', keyField: 'L_ListingID', raw: {},
      searchHelps: [], editMasks: [], objects: [],
      classes: [{
        name: 'RES', standardName: 'Residential', visibleName: 'Residential', description: '', updates: [], raw: {},
        fields: [
          field('L_Status', 'StandardStatus', 'Lookup', 'Status'),
          field('L_Features', '', 'LookupMulti', 'Features'),
          field('L_Area', '', 'Lookup', 'NoSuchLookup'),
          field('L_Remarks', '', '', ''),
        ],
      }],
      lookups: [
        { name: 'Status', visibleName: 'Status', raw: {}, values: [
          { value: 'A', shortValue: 'Act', longValue: 'Active', raw: {} },
          { value: 'P', shortValue: 'Pend', longValue: '', raw: {} },
          { value: 'X', shortValue: '', longValue: '', raw: {} },
        ] },
        { name: 'Features', visibleName: 'Features', raw: {}, values: [
          { value: 'POOL', shortValue: '', longValue: 'Pool', raw: {} },
          { value: 'GAR', shortValue: '', longValue: 'Garage, attached', raw: {} },
        ] },
      ],
    }],
  } as unknown as RetsMetadata;
}

describe('lookupDecoders', () => {
  const md = metadata();
  const d = lookupDecoders(md, 'Property', 'RES');

  it('decodes a single lookup to its LongValue, else its ShortValue, else the code', () => {
    const status = d.get('L_Status')!;
    expect(status('A')).toBe('Active');
    expect(status('P')).toBe('Pend');
    expect(status('X')).toBe('X');
    expect(status('Q')).toBe('Q'); // a code the metadata does not know stays as sent
    expect(status('')).toBe('');
  });

  it('answers to the StandardName too (searches with StandardNames=1)', () => {
    expect(d.get('StandardStatus')).toBe(d.get('L_Status'));
  });

  it('decodes a multi-value cell one trimmed code at a time', () => {
    const features = d.get('L_Features')!;
    expect(features('POOL,GAR')).toBe('Pool, Garage, attached');
    expect(features('POOL, SPA')).toBe('Pool, SPA');
    expect(features('')).toBe('');
  });

  it('has no decoder for a field that is not a lookup or whose lookup is missing', () => {
    expect(d.has('L_Remarks')).toBe(false);
    expect(d.has('L_Area')).toBe(false);
    expect([...d.keys()].sort()).toEqual(['L_Features', 'L_Status', 'StandardStatus']);
  });

  it('is empty without metadata, resource or class, or for an unknown class', () => {
    expect(lookupDecoders(undefined, 'Property', 'RES').size).toBe(0);
    expect(lookupDecoders(md, 'Property', '').size).toBe(0);
    expect(lookupDecoders(md, 'Property', 'LND').size).toBe(0);
    expect(lookupDecoders(md, 'Agent', 'RES').size).toBe(0);
  });

  it('is made once per metadata and class: the same map each time, a new one for new metadata', () => {
    expect(lookupDecoders(md, 'Property', 'RES')).toBe(d);
    const other = metadata();
    const again = lookupDecoders(other, 'Property', 'RES');
    expect(again).not.toBe(d);
    expect(again.get('L_Status')!('A')).toBe('Active');
  });
});
