// The demo MLS's catalogue: which resource:class tables exist, which rows and fields each holds.
import { type Dataset, PROPERTY_CLASSES } from './dataset';
import type { FieldSpec } from './fieldSpec';
import { AGENT_LOOKUPS, type LookupDef, MEDIA_LOOKUPS, OFFICE_LOOKUPS, OPENHOUSE_LOOKUPS, PROPERTY_LOOKUPS } from './lookups';
import { agentFields, mediaFields, officeFields, openHouseFields } from './peopleFields';
import { classPropertyFields, commonPropertyFields } from './propertyFields';

export interface DemoClass {
  resource: string;
  name: string;
  standardName: string;
  visibleName: string;
  description: string;
  fields: FieldSpec[];
  /** Rows in this class. */
  count: number;
  /** Position in the class → row index in the resource's own numbering. */
  row(k: number): number;
}

export interface DemoResource {
  id: string;
  standardName: string;
  visibleName: string;
  description: string;
  keyField: string;
  classes: DemoClass[];
  lookups: readonly LookupDef[];
  objects: readonly { type: string; mime: string; visibleName: string; description: string }[];
}

const PROPERTY_CLASS_INFO: Record<string, [string, string, string]> = {
  RES: ['Residential', 'Residential', 'Single family, townhomes and duplexes for sale'],
  CND: ['Residential', 'Condo/Co-op', 'Condominiums and cooperatives for sale'],
  LND: ['Land', 'Lots & Land', 'Lots, acreage and farms'],
  COM: ['CommercialSale', 'Commercial', 'Commercial and income property'],
  RNT: ['ResidentialLease', 'Rentals', 'Residential properties for lease'],
};

const identity = (k: number) => k;

export function buildCatalog(ds: Dataset, baseUrl: () => string): DemoResource[] {
  const common = commonPropertyFields(ds);
  const property: DemoResource = {
    id: 'Property', standardName: 'Property', visibleName: 'Property', description: 'Listings', keyField: 'L_ListingKey',
    lookups: PROPERTY_LOOKUPS,
    objects: [
      { type: 'Photo', mime: 'image/png', visibleName: 'Photo', description: 'Listing photos, 320x240' },
      { type: 'Thumbnail', mime: 'image/png', visibleName: 'Thumbnail', description: 'Listing photo thumbnails, 96x72' },
    ],
    classes: PROPERTY_CLASSES.map((name) => {
      const rows = ds.classRows[name];
      const [std, visible, description] = PROPERTY_CLASS_INFO[name];
      return { resource: 'Property', name, standardName: std, visibleName: visible, description, fields: [...common, ...classPropertyFields(ds, name)], count: rows.length, row: (k: number) => rows[k] };
    }),
  };
  // Many MLSs also offer one class across all property types (common fields only).
  property.classes.push({ resource: 'Property', name: 'ALL', standardName: 'Property', visibleName: 'All Property Types', description: 'Every listing, common fields', fields: common, count: ds.listings, row: identity });
  const single = (id: string, std: string, description: string, keyField: string, lookups: readonly LookupDef[], fields: FieldSpec[], count: number): DemoResource => ({
    id, standardName: std, visibleName: id, description, keyField, lookups, objects: [],
    classes: [{ resource: id, name: id, standardName: std, visibleName: id, description, fields, count, row: identity }],
  });
  return [
    property,
    single('Agent', 'Member', 'Agents and brokers', 'U_AgentKey', AGENT_LOOKUPS, agentFields(ds), ds.agents),
    single('Office', 'Office', 'Brokerage offices', 'O_OfficeKey', OFFICE_LOOKUPS, officeFields(ds), ds.offices),
    single('OpenHouse', 'OpenHouse', 'Scheduled open houses', 'OH_Key', OPENHOUSE_LOOKUPS, openHouseFields(ds), ds.ohStart[ds.listings]),
    single('Media', 'Media', 'Listing photo records', 'M_MediaKey', MEDIA_LOOKUPS, mediaFields(ds, baseUrl), ds.mediaStart[ds.listings]),
  ];
}
