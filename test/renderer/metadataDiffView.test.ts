// The diff view's pure parts: the fields snippets use (DMQL2 and $filter), the diff narrowed to
// them (their lookups' values kept), and the side-by-side rows (differences, and unchanged pairs
// when asked). On the Demo MLS's two metadata editions.
import { beforeAll, describe, expect, it } from 'vitest';
import { reviseMetadata } from '../../electron/demo/metadataRevision';
import type { Snippet } from '../../shared/contract';
import { diffMetadata, type MetadataDiff } from '../../shared/metadata/diff';
import { filterDiff } from '../../shared/metadata/diffFilter';
import { diffMarkdown } from '../../shared/metadata/diffRender';
import { parseSavedMetadata } from '../../shared/metadata/load';
import { snippetFields } from '../../renderer/src/diff/snippetFields';
import { viewRows } from '../../renderer/src/diff/viewRows';
import { fetchDemoMetadata } from '../metadata-diff/demo';

let d: MetadataDiff;
beforeAll(async () => {
  const one = parseSavedMetadata((await fetchDemoMetadata()).rets172).metadata;
  d = diffMetadata(one, reviseMetadata(one, 2));
}, 120_000);

const snippet = (s: Partial<Snippet>): Snippet => ({ id: 's', name: 's', resource: 'Property', class: 'RES', query: '', select: [], createdAt: '', updatedAt: '', ...s } as Snippet);

describe('fields my snippets use', () => {
  it('DMQL2 fields before "=", $filter property names, and Select lists', () => {
    const used = snippetFields([
      snippet({ query: '(L_Status=|A,AC),(L_ListPrice=200000+)', select: ['L_ListingKey'] }),
      snippet({ protocol: 'webapi', query: "StandardStatus eq 'Active' and contains(City, 'Oak') and ListPrice ge 5", select: [] }),
    ]);
    expect([...used].sort()).toEqual(['Property.City', 'Property.L_ListPrice', 'Property.L_ListingKey', 'Property.L_Status', 'Property.ListPrice', 'Property.StandardStatus']);
  });
});

describe('the diff narrowed to some fields', () => {
  it("keeps those fields' changes and their lookups' values, and nothing about other fields", () => {
    expect(d.fields.added.length).toBeGreaterThan(0);
    const status = filterDiff(d, { field: (_r, n) => n === 'L_Status', lookup: (_r, n) => n === 'STATUS' });
    expect(status.fields).toEqual({ added: [], removed: [], changed: [] });
    expect(status.values.renamed).toHaveLength(1);
    expect(status.pairs.every((p) => p.a === 'L_Status')).toBe(true);
    expect(status.same).toBe(false);
    const green = filterDiff(d, { field: (_r, n) => n === 'L_GreenVerification', lookup: () => false });
    expect(green.fields.added.every((f) => f.field === 'L_GreenVerification')).toBe(true);
    expect(green.values.renamed).toEqual([]);
    expect(diffMarkdown(green)).toContain('L_GreenVerification');
    expect(diffMarkdown(green)).not.toContain('Active Contingent');
    expect(filterDiff(d, { field: () => false, lookup: () => false }).same).toBe(true);
  });
});

describe('side-by-side rows', () => {
  it('a row per difference, each side in its column; unchanged pairs only when asked', () => {
    const diffs = viewRows(d, true);
    const added = diffs.find((r) => r.change === 'added')!;
    expect(added).toMatchObject({ kind: 'field', aName: '', bName: 'L_GreenVerification' });
    const renamed = diffs.find((r) => r.change === 'renamed')!;
    expect(renamed).toMatchObject({ aName: '', aValue: 'AC = Active Under Contract', bName: '', bValue: 'AC = Active Contingent' });
    expect(diffs.some((r) => r.change === 'same')).toBe(false);
    const all = viewRows(d, false);
    expect(all.length).toBe(diffs.length + d.pairs.length - d.fields.changed.length);
    expect(all.find((r) => r.change === 'same')).toMatchObject({ reason: 'system-name' });
  });
});
