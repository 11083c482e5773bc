// A RESO-shaped service for the $filter tests: Property with string lookups (Lookup resource
// style), an EnumType with a vendor namespace, a flags enum, collections, and navigation to
// Member and Media. One model, read as an OData 4.01 and as a 4.0 service.
import { buildFilterModel, filterSchema, type FilterModelInput } from '../../shared/odata/filter';
import { pick, seeded as rng } from '../fuzz/rng';

export const input: FilterModelInput = {
  version: '4.01',
  entitySets: [
    { name: 'Property', entityType: 'org.reso.metadata.Property' },
    { name: 'Member', entityType: 'org.reso.metadata.Member' },
    { name: 'Media', entityType: 'org.reso.metadata.Media' },
  ],
  entityTypes: [
    {
      name: 'org.reso.metadata.Property',
      properties: [
        { name: 'ListingKey', type: 'Edm.String', maxLength: 255, nullable: false, description: 'A unique identifier for this record.' },
        { name: 'ListingId', type: 'Edm.String', maxLength: 10 },
        { name: 'ListPrice', type: 'Edm.Decimal', precision: 14, scale: 2, displayName: 'List Price' },
        { name: 'StandardStatus', type: 'Edm.String', lookupName: 'StandardStatus', annotations: { 'RESO.OData.Metadata.LookupName': 'StandardStatus' } },
        { name: 'City', type: 'Edm.String', maxLength: 50 },
        { name: 'PostalCode', type: 'Edm.String', maxLength: 10 },
        { name: 'BedroomsTotal', type: 'Edm.Int32' },
        { name: 'LivingArea', type: 'Edm.Double' },
        { name: 'ModificationTimestamp', type: 'Edm.DateTimeOffset' },
        { name: 'ListingContractDate', type: 'Edm.Date' },
        { name: 'ShowingStartTime', type: 'Edm.TimeOfDay' },
        { name: 'DaysOnMarketDuration', type: 'Edm.Duration' },
        { name: 'WaterfrontYN', type: 'Edm.Boolean' },
        { name: 'Appliances', type: 'Collection(Edm.String)', lookupName: 'Appliances' },
        { name: 'PropertyType', type: 'Odata.Models.PropertyType' },
        { name: 'InteriorFeatures', type: 'Collection(org.reso.metadata.enums.InteriorFeatures)' },
        { name: 'Utilities', type: 'org.reso.metadata.enums.Utilities' },
        { name: 'PublicRemarks', type: 'Edm.String', maxLength: 4000 },
        { name: 'ListingGuid', type: 'Edm.Guid' },
        { name: 'MlsStatus', type: 'Edm.String', lookupName: 'MissingLookup' },
      ],
      navigationProperties: [
        { name: 'ListAgent', type: 'org.reso.metadata.Member' },
        { name: 'Media', type: 'Collection(org.reso.metadata.Media)' },
      ],
    },
    {
      name: 'org.reso.metadata.Member',
      properties: [
        { name: 'MemberKey', type: 'Edm.String', nullable: false },
        { name: 'MemberFirstName', type: 'Edm.String' },
        { name: 'MemberLastName', type: 'Edm.String' },
      ],
    },
    {
      name: 'org.reso.metadata.Media',
      properties: [
        { name: 'MediaKey', type: 'Edm.String', nullable: false },
        { name: 'MediaURL', type: 'Edm.String' },
        { name: 'Order', type: 'Edm.Int32' },
      ],
    },
  ],
  enumTypes: [
    { name: 'Odata.Models.PropertyType', members: [{ name: 'Residential', value: 0 }, { name: 'Land', value: 1 }, { name: 'Commercial', value: 2, description: 'Commercial sale' }, { name: 'ResidentialLease', value: 3 }] },
    { name: 'org.reso.metadata.enums.InteriorFeatures', aliases: ['RESO.InteriorFeatures'], members: [{ name: 'Bar', value: 0 }, { name: 'Pantry', value: 1 }, { name: 'WalkInClosets', value: 2 }] },
    { name: 'org.reso.metadata.enums.Utilities', isFlags: true, members: [{ name: 'Electric', value: 1 }, { name: 'Gas', value: 2 }, { name: 'Water', value: 4 }, { name: 'Sewer', value: 8 }] },
  ],
  lookups: {
    StandardStatus: [
      { value: 'Active', standardValue: 'Active', legacyODataValue: 'Active' },
      { value: 'Active Under Contract', standardValue: 'Active Under Contract', legacyODataValue: 'ActiveUnderContract', description: 'An offer has been accepted but the listing is still on the market.' },
      { value: 'Pending', standardValue: 'Pending', legacyODataValue: 'Pending' },
      { value: 'Closed', standardValue: 'Closed', legacyODataValue: 'Closed' },
      { value: 'Coming Soon', standardValue: 'Coming Soon', legacyODataValue: 'ComingSoon' },
      { value: 'Withdrawn' }, { value: 'Expired' }, { value: 'Canceled' },
    ],
    Appliances: [{ value: 'Dishwasher' }, { value: 'Refrigerator' }, { value: 'Microwave' }, { value: 'Range' }, { value: 'Washer/Dryer' }],
  },
};

export const model401 = buildFilterModel(input);
export const schema = filterSchema(model401, 'Property');
export const schema40 = filterSchema(buildFilterModel({ ...input, version: '4.0' }), 'Property');

/** Applies a diagnostic's fix to the text. */
export function applyFix(q: string, fix: { edits: { range: { start: number; end: number }; text: string }[] } | undefined): string {
  let out = q;
  for (const e of [...(fix?.edits ?? [])].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
  return out;
}

/** Range-free, group-free copy of a tree (for comparing shapes). */
export function shape(x: unknown, dropGroups = false): unknown {
  if (Array.isArray(x)) return x.map((v) => shape(v, dropGroups));
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (dropGroups && o.kind === 'group') return shape(o.expr, dropGroups);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) if (!/range$|Range$|Ranges$/.test(k)) out[k] = shape(v, dropGroups);
    return out;
  }
  return x;
}

export { pick, rng };
