// The explorer's tree for a Web API's metadata (a CSDL document mapped as the host maps it): an
// entity set's fields straight under it after its navigation and lookup groups, a Lookup-resource
// lookup standing as a note until its values are read, then its values; the one filter over
// annotation values; the tree levels assistive technology reads.
import { describe, expect, it } from 'vitest';
import { csdlToMetadata, parseCsdl } from '../../shared/odata/csdl';
import { lookupsFromRows } from '../../shared/odata/csdl/lookupRows';
import { buildIndex, flatten } from '../../renderer/src/explorer/treeModel';
import { createTreeFilter } from '../../renderer/src/explorer/treeFilter';
import { withLazyLookups, type LookupRead } from '../../renderer/src/explorer/lazyLookups';
import { mentionedLookupNames } from '../../shared/odata/lazyLookups';
import { ariaLevel } from '../../renderer/src/explorer/treeNav';

const CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="org.reso.metadata">
<EntityType Name="Property"><Key><PropertyRef Name="ListingKey"/></Key>
<Property Name="ListingKey" Type="Edm.String" Nullable="false" MaxLength="36"><Annotation Term="RESO.OData.Metadata.DisplayName" String="Listing Key"/></Property>
<Property Name="ListPrice" Type="Edm.Decimal" Precision="14" Scale="2"><Annotation Term="RESO.OData.Metadata.DisplayName" String="Asking Price"/></Property>
<Property Name="StandardStatus" Type="Edm.String"><Annotation Term="RESO.OData.Metadata.LookupName" String="StandardStatus"/></Property>
<NavigationProperty Name="Media" Type="Collection(org.reso.metadata.Media)"/>
</EntityType>
<EntityType Name="Media"><Key><PropertyRef Name="MediaKey"/></Key><Property Name="MediaKey" Type="Edm.String" Nullable="false"/></EntityType>
<EntityContainer Name="Default"><EntitySet Name="Property" EntityType="org.reso.metadata.Property"/><EntitySet Name="Media" EntityType="org.reso.metadata.Media"/></EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>`;

const md = csdlToMetadata(parseCsdl(CSDL));
const open = new Set(['r:Property', 'g:Property:navigation', 'g:Property:lookups', 'l:Property:StandardStatus']);
const ids = (reads: Map<string, LookupRead>, online = true) => flatten(buildIndex(withLazyLookups(md, reads, online)), open).map((n) => n.id);

describe('the explorer tree of a Web API', () => {
  it('lists an entity set\'s fields under it, after its navigation properties and lookups, with no class', () => {
    expect(ids(new Map())).toEqual([
      'r:Property', 'g:Property:navigation', 'n:Property:Media', 'g:Property:lookups', 'l:Property:StandardStatus', 'l:Property:StandardStatus:note',
      'f:Property:Property:ListingKey', 'f:Property:Property:ListPrice', 'f:Property:Property:StandardStatus', 'r:Media',
    ]);
    const rows = flatten(buildIndex(md), open);
    const field = rows.find((n) => n.id === 'f:Property:Property:ListingKey')!;
    expect(ariaLevel(field)).toBe(2);
    expect(field.kind === 'field' && field.field.odata?.key).toBe(true);
  });

  it('a lookup from the Lookup resource stands as a note until read, then shows its values', () => {
    const note = (reads: Map<string, LookupRead>, online = true) => {
      const n = flatten(buildIndex(withLazyLookups(md, reads, online)), open).find((x) => x.kind === 'note');
      return n?.kind === 'note' ? n.text : undefined;
    };
    expect(note(new Map())).toMatch(/^Open to read/);
    expect(note(new Map([['StandardStatus', { loading: true }]]))).toMatch(/^Reading/);
    expect(note(new Map([['StandardStatus', { loading: false, error: 'HTTP 500' }]]))).toBe('Could not read the values: HTTP 500');
    expect(note(new Map(), false)).toMatch(/connect to read them/);
    const lookup = lookupsFromRows([{ LookupName: 'StandardStatus', LookupValue: 'Active', LookupKey: 'S-A' }, { LookupName: 'StandardStatus', LookupValue: 'Closed', LookupKey: 'S-C' }]).get('StandardStatus')!;
    const loaded = ids(new Map([['StandardStatus', { loading: false, lookup }]]));
    expect(loaded.filter((id) => id.startsWith('v:Property:StandardStatus:'))).toHaveLength(2);
    expect(loaded).not.toContain('l:Property:StandardStatus:note');
  });

  it('one filter over names, annotation values and the values read', () => {
    const lookup = lookupsFromRows([{ LookupName: 'StandardStatus', LookupValue: 'Coming Soon', LookupKey: 'S-CS' }]).get('StandardStatus')!;
    const filter = createTreeFilter(buildIndex(withLazyLookups(md, new Map([['StandardStatus', { loading: false, lookup }]]), true)));
    expect(filter('asking').map((n) => n.id)).toEqual(['r:Property', 'f:Property:Property:ListPrice']);
    expect(filter('coming').map((n) => n.id)).toEqual(['r:Property', 'g:Property:lookups', 'l:Property:StandardStatus', 'v:Property:StandardStatus:0']);
    expect(filter('media').map((n) => n.id)).toEqual(['r:Property', 'g:Property:navigation', 'n:Property:Media', 'r:Media', 'f:Media:Media:MediaKey']);
  });

  it('the query tab reads a lookup only once its $filter names the field', () => {
    const property = md.resources.find((r) => r.id === 'Property')!;
    expect(mentionedLookupNames(property, '')).toEqual([]);
    expect(mentionedLookupNames(property, 'ListPrice gt 100000')).toEqual([]);
    expect(mentionedLookupNames(property, 'StandardStatusX eq 1')).toEqual([]);
    expect(mentionedLookupNames(property, "ListPrice gt 1 and StandardStatus eq 'Active'")).toEqual(['StandardStatus']);
  });
});
