// A realistic Property/RES class for validator, completion, hover and evaluator tests.
import type { MetadataField, MetadataLookup, RetsMetadata } from '../../shared/rets/metadata/model';

type F = Partial<MetadataField> & { systemName: string; dataType: string };

export function field(f: F): MetadataField {
  return {
    standardName: '', longName: f.systemName, dbName: '', shortName: '', interpretation: '', lookupName: '', searchable: true,
    units: '', required: false, editMaskId: '', searchHelpId: '', raw: {}, ...f,
  };
}

export function lookup(name: string, values: [string, string][]): MetadataLookup {
  return { name, visibleName: name, values: values.map(([value, longValue]) => ({ value, shortValue: value, longValue, raw: {} })), raw: {} };
}

export function metadata(fields: MetadataField[], lookups: MetadataLookup[]): RetsMetadata {
  return {
    resources: [{
      id: 'Property', standardName: 'Property', visibleName: 'Property', description: '', keyField: 'ListingID',
      classes: [{ name: 'RES', standardName: 'ResidentialProperty', visibleName: 'Residential', description: '', fields, updates: [], raw: {} }],
      lookups, objects: [], searchHelps: [], editMasks: [], raw: {},
    }],
    tables: [], warnings: [],
  };
}

export const propertyMetadata: RetsMetadata = metadata([
  field({ systemName: 'ListingID', standardName: 'ListingID', longName: 'Listing ID', dataType: 'Character', maximumLength: 12 }),
  field({ systemName: 'LP', standardName: 'ListPrice', longName: 'List Price', dataType: 'Decimal', interpretation: 'Currency', units: 'Dollars', precision: 2 }),
  field({ systemName: 'Status', standardName: 'ListingStatus', longName: 'Listing Status', dataType: 'Character', interpretation: 'Lookup', lookupName: 'STATUS', maximumLength: 1 }),
  field({ systemName: 'City', standardName: 'City', longName: 'City', dataType: 'Character', maximumLength: 20 }),
  field({ systemName: 'Beds', standardName: 'Bedrooms', longName: 'Bedrooms', dataType: 'Int' }),
  field({ systemName: 'ModTS', standardName: 'ModificationTimestamp', longName: 'Modification Timestamp', dataType: 'DateTime' }),
  field({ systemName: 'ListDate', standardName: 'ListDate', longName: 'Listing Date', dataType: 'Date' }),
  field({ systemName: 'ShowTime', standardName: '', longName: 'Showing Start Time', dataType: 'Time' }),
  field({ systemName: 'Features', standardName: 'InteriorFeatures', longName: 'Interior Features', dataType: 'Character', interpretation: 'LookupMulti', lookupName: 'FEAT', maximumLength: 200 }),
  field({ systemName: 'Waterfront', standardName: 'WaterfrontYN', longName: 'Waterfront', dataType: 'Boolean' }),
  field({ systemName: 'Remarks', standardName: 'PrivateRemarks', longName: 'Private Remarks', dataType: 'Character', searchable: false, maximumLength: 1024 }),
  field({ systemName: 'LotSqFt', standardName: 'LotSizeSquareFeet', longName: 'Lot Size Sq Ft', dataType: 'Int', units: 'SqFt' }),
  field({ systemName: 'PropType', standardName: 'PropertyType', longName: 'Property Type', dataType: 'Character', interpretation: 'Lookup', lookupName: 'PTYPE', maximumLength: 3 }),
], [
  lookup('STATUS', [['A', 'Active'], ['P', 'Pending'], ['S', 'Sold'], ['X', 'Expired'], ['W', 'Withdrawn']]),
  lookup('FEAT', [['FP', 'Fireplace'], ['POOL', 'Swimming Pool'], ['GAR', 'Garage'], ['BSMT', 'Basement'], ['AC', 'Central Air']]),
  lookup('PTYPE', [['RES', 'Residential'], ['CND', 'Condominium'], ['LND', 'Land'], ['MUL', 'Multi-Family']]),
]);
