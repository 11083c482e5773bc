// Metadata column lists per RETS version, in the order vendors send them.
export type RetsVersion = '1.5' | '1.7.2' | '1.8';

const TABLE_15 = ['SystemName', 'StandardName', 'LongName', 'DBName', 'ShortName', 'MaximumLength', 'DataType', 'Precision', 'Searchable',
  'Interpretation', 'Alignment', 'UseSeparator', 'EditMaskID', 'LookupName', 'MaxSelect', 'Units', 'Index', 'Minimum', 'Maximum',
  'Default', 'Required', 'SearchHelpID', 'Unique'];
const TABLE_172 = ['MetadataEntryID', ...TABLE_15, 'ModTimeStamp', 'ForeignKeyName', 'ForeignField', 'InKeyIndex'];

const CLASS_15 = ['ClassName', 'StandardName', 'VisibleName', 'Description', 'TableVersion', 'TableDate', 'UpdateVersion', 'UpdateDate'];
const CLASS_172 = [...CLASS_15, 'ClassTimeStamp', 'DeletedFlagField', 'DeletedFlagValue', 'HasKeyIndex'];

const RESOURCE = ['ResourceID', 'StandardName', 'VisibleName', 'Description', 'KeyField', 'ClassCount', 'ClassVersion', 'ClassDate',
  'ObjectVersion', 'ObjectDate', 'SearchHelpVersion', 'SearchHelpDate', 'EditMaskVersion', 'EditMaskDate', 'LookupVersion', 'LookupDate',
  'UpdateHelpVersion', 'UpdateHelpDate', 'ValidationExpressionVersion', 'ValidationExpressionDate', 'ValidationLookupVersion',
  'ValidationLookupDate', 'ValidationExternalVersion', 'ValidationExternalDate'];

export function columnsFor(type: string, version: RetsVersion): string[] {
  const v15 = version === '1.5';
  switch (type) {
    case 'METADATA-RESOURCE': return RESOURCE;
    case 'METADATA-CLASS': return v15 ? CLASS_15 : version === '1.8' ? [...CLASS_172, 'OffsetSupport'] : CLASS_172;
    case 'METADATA-TABLE': return v15 ? TABLE_15 : version === '1.8' ? [...TABLE_172, 'FilterParentField', 'DefaultSearchOrder', 'Case'] : TABLE_172;
    case 'METADATA-LOOKUP': return v15 ? ['LookupName', 'VisibleName', 'Version', 'Date'] : ['MetadataEntryID', 'LookupName', 'VisibleName', 'LookupTypeVersion', 'LookupTypeDate'];
    case 'METADATA-LOOKUP_TYPE': return v15 ? ['LongValue', 'ShortValue', 'Value'] : ['MetadataEntryID', 'LongValue', 'ShortValue', 'Value'];
    case 'METADATA-OBJECT': return v15 ? ['ObjectType', 'MIMEType', 'VisibleName', 'Description'] : ['MetadataEntryID', 'ObjectType', 'MIMEType', 'VisibleName', 'Description', 'ObjectTimeStamp', 'ObjectCount'];
    case 'METADATA-SEARCH_HELP': return ['MetadataEntryID', 'SearchHelpID', 'Value'];
    case 'METADATA-EDITMASK': return ['MetadataEntryID', 'EditMaskID', 'Value'];
    case 'METADATA-FOREIGN_KEYS': return ['ForeignKeyID', 'ParentResourceID', 'ParentClassID', 'ParentSystemName', 'ChildResourceID', 'ChildClassID', 'ChildSystemName', 'ConditionalParentField', 'ConditionalParentValue'];
    default: return [];
  }
}
