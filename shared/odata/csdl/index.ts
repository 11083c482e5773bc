// $metadata (CSDL XML or JSON) reading and its mapping onto the neutral metadata model.
export type * from './types';
export type * from './model';
export { parseCsdl, type CsdlParseOptions } from './parse';
export { csdlToMetadata, withLookupRows, retsDataType, idFieldFor, type CsdlToMetadataOptions } from './toMetadata';
export { lookupsFromRows, type LookupRow } from './lookupRows';
export { resolveName, aliasMap, annotationValue, RESO_METADATA_NS, CORE_NS } from './names';
export { csdlToFilterInput, filterLookups } from './toFilterModel';
