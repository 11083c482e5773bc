// The explorer's tree model and filter (renderer/src/explorer): what rows show with and without a
// filter, and that narrowing from kept matches gives exactly what a fresh search gives.
import { describe, expect, it } from 'vitest';
import type { MetadataField, RetsMetadata } from '../../shared/rets/metadata/model';
import { buildIndex, flatten, splitMatches } from '../../renderer/src/explorer/treeModel';
import { createTreeFilter } from '../../renderer/src/explorer/treeFilter';
import { syntheticMetadata } from '../../renderer/src/bench/synthetic';

const field = (systemName: string, standardName: string, longName: string): MetadataField => ({
  systemName, standardName, longName, dbName: '', shortName: '', dataType: 'Character', interpretation: '', lookupName: '',
  searchable: true, units: '', required: false, editMaskId: '', searchHelpId: '', raw: {},
});

const md: RetsMetadata = {
  tables: [], warnings: [],
  resources: [
    {
      id: 'Property', standardName: 'Property', visibleName: 'Property', description: '', keyField: 'L_ListingID', raw: {},
      searchHelps: [], editMasks: [],
      classes: [
        { name: 'RE_1', standardName: 'Residential', visibleName: 'Residential', description: '', updates: [], raw: {},
          fields: [field('L_ListPrice', 'ListPrice', 'List Price'), field('L_Status', 'StandardStatus', 'Status'), field('LM_Int1_3', 'GarageSpaces', 'Garage Spaces')] },
        { name: 'LD_2', standardName: 'Land', visibleName: 'Land', description: '', updates: [], raw: {},
          fields: [field('L_ListPrice', 'ListPrice', 'List Price'), field('LM_Acres', 'LotSizeAcres', 'Acres')] },
      ],
      lookups: [
        { name: 'Status', visibleName: 'Listing Status', raw: {}, values: [
          { value: 'A', shortValue: 'Act', longValue: 'Active', raw: {} },
          { value: 'T', shortValue: 'TOM', longValue: 'Temporarily Off Market', raw: {} },
        ] },
      ],
      objects: [{ objectType: 'Photo', mimeType: 'image/jpeg', visibleName: 'Photo', description: '', raw: {} }],
    },
    {
      id: 'Agent', standardName: 'Member', visibleName: 'Agents', description: '', keyField: 'U_AgentID', raw: {},
      searchHelps: [], editMasks: [], lookups: [], objects: [],
      classes: [{ name: 'Agent', standardName: '', visibleName: 'Agents', description: '', updates: [], raw: {}, fields: [field('U_UserFirstName', 'MemberFirstName', 'First Name')] }],
    },
  ],
};

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('explorer tree model', () => {
  const index = buildIndex(md);

  it('shows only resources until a branch is expanded, then its classes, lookups and object types', () => {
    expect(index.fieldCount).toBe(6);
    expect(ids(flatten(index, new Set()))).toEqual(['r:Property', 'r:Agent']);
    expect(ids(flatten(index, new Set(['r:Property', 'c:Property:LD_2', 'g:Property:lookups', 'l:Property:Status', 'g:Property:objects'])))).toEqual([
      'r:Property', 'c:Property:RE_1', 'c:Property:LD_2', 'f:Property:LD_2:L_ListPrice', 'f:Property:LD_2:LM_Acres',
      'g:Property:lookups', 'l:Property:Status', 'v:Property:Status:0', 'v:Property:Status:1',
      'g:Property:objects', 'o:Property:Photo', 'r:Agent',
    ]);
  });

  it('filters SystemName, StandardName and LongName across every class, keeping the ancestors with match counts', () => {
    const rows = createTreeFilter(index)('  LIST pr ');
    expect(ids(rows)).toEqual(['r:Property', 'c:Property:RE_1', 'f:Property:RE_1:L_ListPrice', 'c:Property:LD_2', 'f:Property:LD_2:L_ListPrice']);
    expect(rows.filter((r) => r.kind === 'class').map((r) => (r as { count: number }).count)).toEqual([1, 1]);
    expect(ids(createTreeFilter(index)('garagespaces'))).toEqual(['r:Property', 'c:Property:RE_1', 'f:Property:RE_1:LM_Int1_3']);
    expect(ids(createTreeFilter(index)('first name'))).toEqual(['r:Agent', 'c:Agent:Agent', 'f:Agent:Agent:U_UserFirstName']);
  });

  it('finds lookup values under their lookup and the Lookups group, and lookups by name', () => {
    expect(ids(createTreeFilter(index)('temporarily off'))).toEqual(['r:Property', 'g:Property:lookups', 'l:Property:Status', 'v:Property:Status:1']);
    const byName = createTreeFilter(index)('listing status');
    expect(ids(byName)).toEqual(['r:Property', 'g:Property:lookups', 'l:Property:Status']);
    expect(byName.map((r) => (r as { count?: number }).count)).toEqual([2, 1, 0]);
  });

  it('keeps a class or resource whose own name matches, and shows nothing for no match', () => {
    expect(ids(createTreeFilter(index)('ld_2'))).toEqual(['r:Property', 'c:Property:LD_2']);
    expect(ids(createTreeFilter(index)('agent'))).toEqual(['r:Agent', 'c:Agent:Agent']);
    expect(createTreeFilter(index)('zzz')).toEqual([]);
  });

  it('gives leaf rows the same identity with and without a filter, so memoized rows survive keystrokes', () => {
    const all = flatten(index, new Set(['r:Property', 'c:Property:RE_1']));
    const filtered = createTreeFilter(index)('status');
    const a = all.find((r) => r.id === 'f:Property:RE_1:L_Status');
    expect(a).toBeDefined();
    expect(filtered.find((r) => r.id === 'f:Property:RE_1:L_Status')).toBe(a);
  });

  it('narrowing from kept matches (typing on, Backspace, a new word) gives what a fresh search gives', () => {
    const big = buildIndex(syntheticMetadata(5_000));
    const typed = createTreeFilter(big);
    const steps = ['g', 'ga', 'gar', 'garage', 'garage 1', 'garage', 'gara', 'v', 'v7', 'v7_', 'v7', 'school', 'ool', 'o', ''];
    for (const q of steps) {
      if (!q) continue;
      const fresh = createTreeFilter(big)(q);
      expect(ids(typed(q)), q).toEqual(ids(fresh));
      expect(fresh.length, q).toBeGreaterThan(0);
    }
  });
});

describe('splitMatches', () => {
  it('splits around every case-insensitive match', () => {
    expect(splitMatches('List Price list', 'LIST')).toEqual([
      { text: 'List', hit: true }, { text: ' Price ', hit: false }, { text: 'list', hit: true },
    ]);
    expect(splitMatches('Acres', '')).toEqual([{ text: 'Acres', hit: false }]);
  });
});
