// A Web API tab's seams with RETS: Run is blocked when the active connection speaks the other
// protocol (a $metadata file opened under a RETS connection), and the editor's placeholder is a
// $filter built from the entity set's schema that the checker accepts.
import { describe, expect, it } from 'vitest';
import { csdlToMetadata, parseCsdl } from '../../shared/odata/csdl';
import { blockReason, gateRun, runTarget } from '../../renderer/src/query/runGate';
import { sampleFilter } from '../../renderer/src/query/sampleFilter';
import { odataSchemaFor } from '../../renderer/src/query/odataSchema';
import { newTab } from '../../renderer/src/state/tabs';
import { validateFilter } from '../../shared/odata/filter';

const csdl = (props: string) => `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="org.reso.metadata">
<EnumType Name="StandardStatus"><Member Name="Active" Value="0"/><Member Name="Pending" Value="1"/></EnumType>
<EntityType Name="Property"><Key><PropertyRef Name="ListingKey"/></Key>
<Property Name="ListingKey" Type="Edm.String" Nullable="false"/>${props}
</EntityType>
<EntityContainer Name="Default"><EntitySet Name="Property" EntityType="org.reso.metadata.Property"/></EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>`;

const md = csdlToMetadata(parseCsdl(csdl('<Property Name="StandardStatus" Type="org.reso.metadata.StandardStatus"/><Property Name="ListPrice" Type="Edm.Decimal"/><Property Name="BedroomsTotal" Type="Edm.Int32"/>')));
const tab = newTab({ protocol: 'webapi', resource: 'Property', cls: 'Property', odata: { orderby: [], expand: [], count: true, skip: 0 } });

describe('Run and the connection\'s protocol', () => {
  it('blocks a Web API tab under a RETS connection, with both names, and lets it run under a Web API one', () => {
    const rets = runTarget([{ id: 'demo', name: 'Demo MLS (RETS)', type: 'rets' }], 'demo');
    expect(rets).toEqual({ name: 'Demo MLS (RETS)', type: 'rets' });
    expect(blockReason(tab, md, 'demo', rets)).toMatch(/RESO Web API query .* “Demo MLS \(RETS\)” is a RETS connection: Run would send it to the wrong server/);
    expect(gateRun(tab, md, 'demo', rets).kind).toBe('blocked');
    expect(blockReason(tab, md, 'w', runTarget([{ id: 'w', name: 'W', type: 'webapi' }], 'w'))).toBeUndefined();
    // Profiles written before Web API ones have no type: RETS.
    expect(runTarget([{ id: 'old', name: 'Old' }], 'old')).toEqual({ name: 'Old', type: 'rets' });
  });
});

describe('the $filter placeholder', () => {
  it('a status value and a price, which the checker accepts', () => {
    const schema = odataSchemaFor(md, 'Property')!;
    const q = sampleFilter(schema)!;
    expect(q).toMatch(/^StandardStatus eq .*'Active' and ListPrice gt 0$/);
    expect(validateFilter(q, schema)).toEqual([]);
  });

  it('another number when there is no price, nothing when there is nothing to filter on', () => {
    const noPrice = csdlToMetadata(parseCsdl(csdl('<Property Name="BedroomsTotal" Type="Edm.Int32"/>')));
    expect(sampleFilter(odataSchemaFor(noPrice, 'Property'))).toBe('BedroomsTotal gt 0');
    expect(sampleFilter(odataSchemaFor(csdlToMetadata(parseCsdl(csdl(''))), 'Property'))).toBeUndefined();
    expect(sampleFilter(undefined)).toBeUndefined();
  });
});
