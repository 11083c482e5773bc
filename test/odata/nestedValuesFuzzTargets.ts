// Nested Web API cell text (shared/odata/nestedValues.ts) as fuzz targets: the grid counts an
// expanded Media array and joins collections on every cell it draws, and export joins them for
// every row, so neither may throw or do more than linear work on whatever JSON text a server sent.
import { arrayCount, expandedNames, joinCollection, nestedSummary } from '../../shared/odata/nestedValues';
import { damaged, tokenSoup } from '../odata-csdl/fuzzTargets';
import type { FuzzGenerator, FuzzTarget } from '../fuzz/types';

const enc = new TextEncoder();
const utf8 = new TextDecoder();

function repeated(name: string, prefix: string, unit: string, suffix = ''): FuzzGenerator {
  return { name, scaling: true, make: (size) => enc.encode(prefix + unit.repeat(Math.max(1, Math.floor((size - prefix.length - suffix.length) / unit.length))) + suffix) };
}

const MEDIA = '{"MediaKey":"1","MediaURL":"https://photos.example.com/1.jpg","Order":1,"ShortDescription":"Front \\"main\\", [view]"},';
const TOKENS = ['[', ']', '{', '}', '"', '\\', ',', ':', ' ', '\n', 'null', '1', '"MediaURL"', '"a"', '(', ')'];
/** A Media array of about `size` characters. */
const mediaArray = (size: number): string => `[${MEDIA.repeat(Math.max(1, Math.floor(size / MEDIA.length)))}{}]`;

const generators: FuzzGenerator[] = [
  repeated('Media array', '[', MEDIA, '{}]'),
  repeated('collection of strings', '[', '"Dishwasher","Range \\u00e9",', '"x"]'),
  repeated('nested arrays', '', '[', ''),
  repeated('unterminated string', '["', 'a\\"', ''),
  repeated('commas', '[', ',', ']'),
  repeated('expand list', '', 'Media($select=A,B),', 'Rooms'),
  tokenSoup('json soup', TOKENS),
  damaged('damaged Media array', mediaArray, TOKENS),
];

export const nestedValuesFuzzTargets: FuzzTarget[] = [{
  name: 'odata-nested-values',
  parse(bytes) {
    const text = utf8.decode(bytes);
    arrayCount(text);
    joinCollection(text, '; ');
    nestedSummary('Media', text);
    expandedNames(text);
  },
  generators,
}];
