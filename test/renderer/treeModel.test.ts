// The explorer's tree model, filter and keyboard rules (renderer/src/explorer): what rows show with
// and without a filter, that narrowing from kept matches gives exactly what a fresh search gives,
// and what each key does on the flattened tree (the WAI-ARIA tree pattern).
import { describe, expect, it } from 'vitest';
import type { MetadataField, RetsMetadata } from '../../shared/rets/metadata/model';
import { buildIndex, flatten, splitMatches } from '../../renderer/src/explorer/treeModel';
import { createTreeFilter } from '../../renderer/src/explorer/treeFilter';
import { ariaLevel, parentIndex, siblingIndexes, siblingPlaces, siblingPosition, treeKeyAction, typeAhead, type NavState } from '../../renderer/src/explorer/treeNav';
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

describe('tree keyboard (treeNav)', () => {
  const index = buildIndex(md);
  const open = new Set(['r:Property', 'c:Property:LD_2', 'g:Property:lookups', 'l:Property:Status']);
  const rows = flatten(index, open);
  // r:Property, c:RE_1, c:LD_2, f:LD_2:L_ListPrice, f:LD_2:LM_Acres, g:lookups, l:Status, v:0, v:1, g:objects, r:Agent
  const at = (id: string) => rows.findIndex((r) => r.id === id);
  const state = (id: string, over: Partial<NavState> = {}): NavState =>
    ({ rows, at: at(id), isOpen: (n) => open.has(n.id), filtering: false, page: 4, ...over });
  const key = (k: string, id: string, over?: Partial<NavState>) => treeKeyAction(k, state(id, over));
  const moveTo = (id: string) => ({ type: 'move', to: at(id) });

  it('gives each row the level it hangs at, and finds its parent', () => {
    expect(rows.map((r) => ariaLevel(r))).toEqual([1, 2, 2, 3, 3, 2, 3, 4, 4, 2, 1]);
    expect(parentIndex(rows, at('f:Property:LD_2:LM_Acres'))).toBe(at('c:Property:LD_2'));
    expect(parentIndex(rows, at('v:Property:Status:1'))).toBe(at('l:Property:Status'));
    expect(parentIndex(rows, at('c:Property:RE_1'))).toBe(at('r:Property'));
    expect(parentIndex(rows, at('r:Agent'))).toBe(-1);
  });

  it('counts each row among its siblings (the virtual list cannot say it)', () => {
    const places = siblingPlaces(rows);
    const place = (id: string) => siblingPosition(places, at(id));
    expect(place('r:Property')).toEqual({ pos: 1, size: 2 });
    expect(place('r:Agent')).toEqual({ pos: 2, size: 2 });
    // A resource's classes and its Lookups and Object types groups are siblings.
    expect(place('c:Property:RE_1')).toEqual({ pos: 1, size: 4 });
    expect(place('g:Property:objects')).toEqual({ pos: 4, size: 4 });
    expect(place('f:Property:LD_2:LM_Acres')).toEqual({ pos: 2, size: 2 });
    expect(place('v:Property:Status:0')).toEqual({ pos: 1, size: 2 });
    expect(place('l:Property:Status')).toEqual({ pos: 1, size: 1 });
    // With a filter: the matches under each class.
    const filtered = createTreeFilter(index)('list pr');
    const fp = siblingPlaces(filtered);
    expect(filtered.map((_, i) => siblingPosition(fp, i))).toEqual([
      { pos: 1, size: 1 }, { pos: 1, size: 2 }, { pos: 1, size: 1 }, { pos: 2, size: 2 }, { pos: 1, size: 1 },
    ]);
  });

  it('moves with Up, Down, Home, End and the page keys, within the rows', () => {
    expect(key('ArrowDown', 'c:Property:RE_1')).toEqual(moveTo('c:Property:LD_2'));
    expect(key('ArrowUp', 'c:Property:LD_2')).toEqual(moveTo('c:Property:RE_1'));
    expect(key('ArrowDown', 'r:Agent')).toEqual(moveTo('r:Agent'));
    expect(key('Home', 'v:Property:Status:0')).toEqual(moveTo('r:Property'));
    expect(key('End', 'r:Property')).toEqual(moveTo('r:Agent'));
    expect(key('PageDown', 'r:Property')).toEqual({ type: 'move', to: 4 });
    expect(key('PageDown', 'g:Property:objects')).toEqual(moveTo('r:Agent'));
    expect(key('PageUp', 'c:Property:LD_2')).toEqual({ type: 'move', to: 0 });
    // Up from the first row goes back to the filter box.
    expect(key('ArrowUp', 'r:Property')).toEqual({ type: 'leave' });
  });

  it('opens a closed branch with Right and enters an open one; Right on a leaf does nothing', () => {
    expect(key('ArrowRight', 'c:Property:RE_1')).toEqual({ type: 'expand', at: at('c:Property:RE_1') });
    expect(key('ArrowRight', 'c:Property:LD_2')).toEqual(moveTo('f:Property:LD_2:L_ListPrice'));
    expect(key('ArrowRight', 'l:Property:Status')).toEqual(moveTo('v:Property:Status:0'));
    expect(key('ArrowRight', 'f:Property:LD_2:LM_Acres')).toBeUndefined();
    expect(key('ArrowRight', 'r:Agent')).toEqual({ type: 'expand', at: at('r:Agent') });
  });

  it('closes an open branch with Left, else goes to the parent; a top row stays', () => {
    expect(key('ArrowLeft', 'c:Property:LD_2')).toEqual({ type: 'collapse', at: at('c:Property:LD_2') });
    expect(key('ArrowLeft', 'f:Property:LD_2:LM_Acres')).toEqual(moveTo('c:Property:LD_2'));
    expect(key('ArrowLeft', 'c:Property:RE_1')).toEqual(moveTo('r:Property'));
    expect(key('ArrowLeft', 'v:Property:Status:1')).toEqual(moveTo('l:Property:Status'));
    expect(key('ArrowLeft', 'r:Agent')).toBeUndefined();
  });

  it('with a filter on, branches neither open nor close: Left goes to the parent, Right enters', () => {
    const filtered = createTreeFilter(index)('list pr');
    const f = (k: string, i: number) => treeKeyAction(k, { rows: filtered, at: i, isOpen: () => true, filtering: true, page: 4 });
    expect(ids(filtered)).toEqual(['r:Property', 'c:Property:RE_1', 'f:Property:RE_1:L_ListPrice', 'c:Property:LD_2', 'f:Property:LD_2:L_ListPrice']);
    expect(f('ArrowLeft', 3)).toEqual({ type: 'move', to: 0 });
    expect(f('ArrowRight', 3)).toEqual({ type: 'move', to: 4 });
    expect(f('ArrowLeft', 4)).toEqual({ type: 'move', to: 3 });
  });

  it('`*` opens the closed branches among the active row\'s siblings, and nothing with a filter on', () => {
    expect(siblingIndexes(rows, at('c:Property:LD_2')).map((i) => rows[i].id)).toEqual(['c:Property:RE_1', 'c:Property:LD_2', 'g:Property:lookups', 'g:Property:objects']);
    expect(key('*', 'f:Property:LD_2:LM_Acres')).toBeUndefined(); // fields are leaves
    expect(key('*', 'c:Property:LD_2')).toEqual({ type: 'expandMany', at: [at('c:Property:RE_1'), at('g:Property:objects')] });
    expect(key('*', 'r:Agent')).toEqual({ type: 'expandMany', at: [at('r:Agent')] });
    expect(key('*', 'c:Property:LD_2', { filtering: true })).toBeUndefined();
  });

  it('type-ahead finds the next row whose name starts with the letters typed, wrapping', () => {
    const ta = (id: string, typed: string) => rows[typeAhead(rows, at(id), typed)]?.id;
    expect(ta('r:Property', 'l')).toBe('c:Property:LD_2');
    expect(ta('c:Property:LD_2', 'l')).toBe('f:Property:LD_2:L_ListPrice'); // the same letter again: the next one
    expect(ta('c:Property:LD_2', 'll')).toBe('f:Property:LD_2:L_ListPrice');
    expect(ta('f:Property:LD_2:L_ListPrice', 'LM')).toBe('f:Property:LD_2:LM_Acres');
    expect(ta('f:Property:LD_2:L_ListPrice', 'l_l')).toBe('f:Property:LD_2:L_ListPrice'); // typing on keeps the row
    expect(ta('r:Agent', 'p')).toBe('r:Property'); // wraps to the top
    expect(ta('r:Property', 't')).toBe('v:Property:Status:1'); // lookup values by code
    expect(typeAhead(rows, at('r:Property'), 'zz')).toBe(-1);
    expect(rows[typeAhead(rows, -1, 'a')].id).toBe('v:Property:Status:0'); // no active row: from the top
    expect(rows[typeAhead(rows, -1, 'ag')].id).toBe('r:Agent');
  });

  it('Enter acts on the active row; with no active row a move lands on the first (End on the last)', () => {
    expect(key('Enter', 'f:Property:LD_2:LM_Acres')).toEqual({ type: 'activate', at: at('f:Property:LD_2:LM_Acres') });
    expect(treeKeyAction('ArrowDown', { ...state('r:Property'), at: -1 })).toEqual({ type: 'move', to: 0 });
    expect(treeKeyAction('End', { ...state('r:Property'), at: -1 })).toEqual({ type: 'move', to: rows.length - 1 });
    expect(treeKeyAction('Enter', { ...state('r:Property'), at: -1 })).toBeUndefined();
    expect(treeKeyAction('a', state('r:Property'))).toBeUndefined();
    expect(treeKeyAction('ArrowDown', { ...state('r:Property'), rows: [], at: -1 })).toBeUndefined();
  });
});
