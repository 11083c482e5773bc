// DMQL2 <-> OData $filter through a field mapping (RETS -> Web API):
//
//   const mapping = deriveMapping(retsMetadata, 'Property', filterSchema(model, 'Property')); // or a saved one
//   dmqlToOData('(L_Status=|A,P)', { source: buildSchema(md, 'Property', 'RES'), target, mapping })
//     -> { text: "PropertyType eq 'RES' and StandardStatus in ('Active', 'Pending')", complete, notes }
//   odataToDmql("PropertyType eq 'RES' and ListPrice ge 100000", { source: target, metadata: md, mapping })
//     -> { text: '(L_ListPrice=100000+)', className: 'RES', resource, complete, notes }
export type * from './types';
export { deriveMapping } from './derive';
export { dmqlToOData, type ToODataInput } from './toOData';
export { odataToDmql, type ToDmqlInput } from './toDmql';
export { TranslationMappingSchema, readMapping } from './mappingFile';
export { entitySetFor, entitySetSchema, filterModelOf, resourceFor } from './sides';
export { composeMappings, pairClass, retsPivot, webApiPivot } from './pivot';
export { dmqlToDmql, type DmqlToDmqlInput } from './dmqlToDmql';
export { odataToOData, type ODataToODataInput } from './odataToOData';
