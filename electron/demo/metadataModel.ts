// Builds the shared RetsMetadata model (shared/rets/metadata/model.ts) from the demo catalogue, with
// every column in `raw`, so the COMPACT and STANDARD-XML writers and the DMQL2 schema read one source.
import type { MetadataClass, MetadataField, MetadataLookup, MetadataResource, MetadataTable, RetsMetadata } from '../../shared/rets/metadata/model';
import type { DemoResource } from './catalog';
import type { FieldSpec } from './fieldSpec';

export const METADATA_VERSION = '01.72.10042';
export const METADATA_DATE = '2026-10-01T08:15:00Z';
const flag = (b: boolean) => (b ? '1' : '0');

export const SEARCH_HELP: readonly [string, string][] = [
  ['PRICE', 'Enter a price or a range, e.g. 250000-400000 or 500000+'],
  ['AREA', 'Pick one or more MLS areas; codes 100-219'],
  ['BEDS', 'Minimum bedrooms, e.g. 3+'],
];
export const EDIT_MASKS: readonly [string, string][] = [
  ['MONEY', '^[0-9]{1,10}$'], ['ZIP', '^[0-9]{5}(-[0-9]{4})?$'], ['YEAR', '^(18|19|20)[0-9]{2}$'],
  ['PIN', '^[0-9]{2}-[0-9]{2}-[0-9]{3}-[0-9]{3}$'], ['PHONE', '^\\([0-9]{3}\\) [0-9]{3}-[0-9]{4}$'],
];

function fieldRow(f: FieldSpec, n: number, resourceId: string, keyField: string): Record<string, string> {
  return {
    MetadataEntryID: `${resourceId.slice(0, 2).toUpperCase()}${String(1000 + n)}`, SystemName: f.systemName, StandardName: f.standardName,
    LongName: f.longName, DBName: f.systemName.replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 10), ShortName: f.shortName,
    MaximumLength: String(f.maximumLength), DataType: f.dataType, Precision: f.precision, Searchable: flag(f.searchable),
    Interpretation: f.interpretation, Alignment: f.alignment, UseSeparator: flag(f.useSeparator), EditMaskID: f.editMaskId,
    LookupName: f.lookupName, MaxSelect: f.maxSelect, Units: f.units, Index: flag(f.systemName === keyField), Minimum: '', Maximum: '',
    Default: '', Required: f.required ? '1' : '0', SearchHelpID: f.searchHelpId, Unique: flag(f.systemName === keyField),
    ModTimeStamp: flag(f.standardName === 'ModificationTimestamp'), ForeignKeyName: '', ForeignField: '', InKeyIndex: flag(f.systemName === keyField),
    FilterParentField: '', DefaultSearchOrder: '', Case: f.dataType === 'Character' ? 'MIXED' : '',
  };
}

function modelField(f: FieldSpec, raw: Record<string, string>): MetadataField {
  return {
    systemName: f.systemName, standardName: f.standardName, longName: f.longName, dbName: raw.DBName, shortName: f.shortName,
    dataType: f.dataType, interpretation: f.interpretation, lookupName: f.lookupName, maximumLength: f.maximumLength,
    precision: f.precision ? Number(f.precision) : undefined, searchable: f.searchable, units: f.units,
    maxSelect: f.maxSelect ? Number(f.maxSelect) : undefined, required: f.required, editMaskId: f.editMaskId, searchHelpId: f.searchHelpId, raw,
  };
}

function modelClass(res: DemoResource, c: DemoResource['classes'][number]): MetadataClass {
  const raw = {
    ClassName: c.name, StandardName: c.standardName, VisibleName: c.visibleName, Description: c.description,
    TableVersion: METADATA_VERSION, TableDate: METADATA_DATE, UpdateVersion: '', UpdateDate: '', ClassTimeStamp: 'L_UpdateDate',
    DeletedFlagField: '', DeletedFlagValue: '', HasKeyIndex: '0', OffsetSupport: '1',
  };
  if (res.id !== 'Property') raw.ClassTimeStamp = c.fields.find((f) => f.standardName === 'ModificationTimestamp')?.systemName ?? '';
  return {
    name: c.name, standardName: c.standardName, visibleName: c.visibleName, description: c.description, version: METADATA_VERSION, date: METADATA_DATE,
    table: { version: METADATA_VERSION, date: METADATA_DATE }, updates: [], raw,
    fields: c.fields.map((f, n) => modelField(f, fieldRow(f, n, res.id, res.keyField))),
  };
}

function modelLookup(l: DemoResource['lookups'][number], n: number): MetadataLookup {
  return {
    name: l.name, visibleName: l.visibleName, version: METADATA_VERSION, date: METADATA_DATE,
    raw: { MetadataEntryID: `LK${100 + n}`, LookupName: l.name, VisibleName: l.visibleName, Version: METADATA_VERSION, Date: METADATA_DATE, LookupTypeVersion: METADATA_VERSION, LookupTypeDate: METADATA_DATE },
    values: l.values.map(([value, shortValue, longValue], k) => ({ value, shortValue, longValue, raw: { MetadataEntryID: `${l.name}_${k + 1}`, LongValue: longValue, ShortValue: shortValue, Value: value } })),
  };
}

function modelResource(res: DemoResource): MetadataResource {
  const raw: Record<string, string> = {
    ResourceID: res.id, StandardName: res.standardName, VisibleName: res.visibleName, Description: res.description, KeyField: res.keyField,
    ClassCount: String(res.classes.length),
  };
  for (const part of ['Class', 'Object', 'SearchHelp', 'EditMask', 'Lookup', 'UpdateHelp', 'ValidationExpression', 'ValidationLookup', 'ValidationExternal']) {
    const has = !['UpdateHelp', 'ValidationExpression', 'ValidationLookup', 'ValidationExternal'].includes(part);
    raw[`${part}Version`] = has ? METADATA_VERSION : '';
    raw[`${part}Date`] = has ? METADATA_DATE : '';
  }
  return {
    id: res.id, standardName: res.standardName, visibleName: res.visibleName, description: res.description, keyField: res.keyField,
    version: METADATA_VERSION, date: METADATA_DATE, raw,
    classes: res.classes.map((c) => modelClass(res, c)),
    lookups: res.lookups.map(modelLookup),
    objects: res.objects.map((o, n) => ({ objectType: o.type, mimeType: o.mime, visibleName: o.visibleName, description: o.description,
      raw: { MetadataEntryID: `OB${n + 1}`, ObjectType: o.type, MIMEType: o.mime, VisibleName: o.visibleName, Description: o.description, ObjectTimeStamp: 'L_Last_Photo_updt', ObjectCount: 'L_PictureCount' } })),
    searchHelps: res.id === 'Property' ? SEARCH_HELP.map(([id, value], n) => ({ id, value, raw: { MetadataEntryID: `SH${n + 1}`, SearchHelpID: id, Value: value } })) : [],
    editMasks: res.id === 'Property' || res.id === 'Agent' || res.id === 'Office'
      ? EDIT_MASKS.map(([id, value], n) => ({ id, value, raw: { MetadataEntryID: `EM${n + 1}`, EditMaskID: id, Value: value } })) : [],
  };
}

const FOREIGN_KEYS: MetadataTable = {
  type: 'METADATA-FOREIGN_KEYS', attributes: { Version: METADATA_VERSION, Date: METADATA_DATE },
  columns: ['ForeignKeyID', 'ParentResourceID', 'ParentClassID', 'ParentSystemName', 'ChildResourceID', 'ChildClassID', 'ChildSystemName', 'ConditionalParentField', 'ConditionalParentValue'],
  rows: [
    ['FK1', 'Agent', 'Agent', 'U_AgentKey', 'Property', 'RES', 'L_ListAgent1'],
    ['FK2', 'Office', 'Office', 'O_OfficeKey', 'Property', 'RES', 'L_ListOffice1'],
    ['FK3', 'Property', 'RES', 'L_ListingKey', 'OpenHouse', 'OpenHouse', 'OH_ListingKey'],
    ['FK4', 'Property', 'RES', 'L_ListingKey', 'Media', 'Media', 'M_ResourceRecordKey'],
    ['FK5', 'Office', 'Office', 'O_OfficeKey', 'Agent', 'Agent', 'U_OfficeKey'],
  ].map(([ForeignKeyID, ParentResourceID, ParentClassID, ParentSystemName, ChildResourceID, ChildClassID, ChildSystemName]) => ({
    ForeignKeyID, ParentResourceID, ParentClassID, ParentSystemName, ChildResourceID, ChildClassID, ChildSystemName, ConditionalParentField: '', ConditionalParentValue: '',
  })),
};

export function buildMetadata(resources: DemoResource[]): RetsMetadata {
  return {
    system: {
      systemId: 'DEMOMLS', description: 'RETS Workbench Demo MLS', timeZoneOffset: '-06:00', version: METADATA_VERSION, date: METADATA_DATE,
      comments: 'Synthetic data generated from a seed. Not real listings.',
      raw: { SystemID: 'DEMOMLS', SystemDescription: 'RETS Workbench Demo MLS', TimeZoneOffset: '-06:00', MetadataID: 'DEMO-1', Comments: 'Synthetic data generated from a seed. Not real listings.' },
    },
    resources: resources.map(modelResource),
    tables: [FOREIGN_KEYS],
    warnings: [],
  };
}
