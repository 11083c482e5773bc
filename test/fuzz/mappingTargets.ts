// The mapping's readers of user files: a mapping file someone imports and a Data Dictionary file
// (the JSON report; EDMX goes through the CSDL targets' parser). Both refuse with their own
// typed, user-facing errors.
import { DataDictionaryError, MappingFileError, parseDataDictionary, parseMappingFile } from '../../shared/mapping/index';
import { nested, noise, repeated, soup } from './generators';
import type { FuzzTarget } from './types';

const JSON_TOKENS = ['{', '}', '[', ']', ':', ',', '"format"', '"rets-workbench-mapping"', '"version"', '1', '"fields"', '"resourceName"', '"fieldName"', '"annotations"', '"term"', '"value"', 'null', 'true', '"x"'];

export const mappingTargets: FuzzTarget[] = [
  {
    name: 'mapping file',
    parse(bytes) { parseMappingFile(new TextDecoder().decode(bytes)); },
    typed: (e) => e instanceof MappingFileError,
    generators: [
      repeated('many fields', '{"format":"rets-workbench-mapping","version":1,"source":{"name":"a","kind":"rets"},"target":{"name":"b","kind":"webapi-metadata","fields":{}},"fields":[', '{"resource":"P","field":"F","targetResource":"P","target":null,"reason":"none","confidence":0},', '{}]}'),
      nested('deep arrays', '{"format":"rets-workbench-mapping","version":1,"fields":', '[', ']', '}'),
      soup('json soup', JSON_TOKENS),
      noise(),
    ],
  },
  {
    name: 'Data Dictionary JSON report',
    parse(bytes) { parseDataDictionary(new TextDecoder().decode(bytes), 'fuzz.json'); },
    typed: (e) => e instanceof DataDictionaryError,
    generators: [
      repeated('many fields', '{"fields":[', '{"resourceName":"Property","fieldName":"F","type":"Edm.String","annotations":[{"term":"RESO.OData.Metadata.Synonyms","value":"a, b, c"}]},', '{"resourceName":"Property","fieldName":"G"}]}'),
      repeated('many lookups', '{"fields":[{"resourceName":"P","fieldName":"S","typeName":"E"}],"lookups":[', '{"lookupName":"org.reso.metadata.enums.E","lookupValue":"V","annotations":[]},', '{}]}'),
      soup('json soup', JSON_TOKENS, '{'),
      noise(),
    ],
  },
];
