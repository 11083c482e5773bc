// The $filter language as fuzz targets for the `npm run fuzz` registry (test/fuzz/targets.ts):
// filters come from users, saved snippets and pasted URLs, and the editor runs the parser,
// validator, completion and hover on every keystroke. None of them may throw: parse errors are
// values, and an 'internal' one is an exception the parser caught, i.e. a bug.
import { completeFilter, formatFilter, hoverFilter, lex, parseFilter, validateFilter } from '../../shared/odata/filter/index';
import { damaged, tokenSoup } from '../odata-csdl/fuzzTargets';
import type { FuzzGenerator, FuzzTarget } from '../fuzz/types';
import { ODATA_401_EXAMPLES, ODATA_EXAMPLES, RESO_401_EXAMPLES, RESO_EXAMPLES } from './examples';
import { schema } from './fixture';

const enc = new TextEncoder();
const utf8 = new TextDecoder();
const filterOf = (bytes: Uint8Array): string => utf8.decode(bytes);

/** prefix, unit repeated to about `size` characters, suffix: the same shape at every size. */
function repeated(name: string, prefix: string, unit: string, suffix = ''): FuzzGenerator {
  return { name, scaling: true, make: (size) => enc.encode(prefix + unit.repeat(Math.max(1, Math.floor((size - prefix.length - suffix.length) / unit.length))) + suffix) };
}

/** open × k, inner, close × k: nesting as deep as the size allows. */
function nested(name: string, open: string, inner: string, close: string): FuzzGenerator {
  return { name, scaling: true, make: (size) => { const k = Math.max(1, Math.floor((size - inner.length) / (open.length + close.length))); return enc.encode(open.repeat(k) + inner + close.repeat(k)); } };
}

const EXAMPLES = [...ODATA_EXAMPLES, ...ODATA_401_EXAMPLES, ...RESO_EXAMPLES, ...RESO_401_EXAMPLES];

const TOKENS = [
  ' ', '(', ')', ',', "'", "''", '/', ':', 'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'and', 'or', 'not', 'has', 'in', 'add', 'sub', 'mul', 'div', 'divby', 'mod',
  'any(', 'all(', 'x:', 'x/', '$it', '$root/', 'contains(', 'startswith(', 'tolower(', 'year(', 'cast(', 'now()', 'null', 'true', 'false', 'INF', 'NaN',
  '-', '1', '2.50', '1e308', '2024-02-30', '2024-01-31T10:00:00Z', '07:59:59.999', "duration'P1D'", '01234567-89ab-cdef-0123-456789abcdef',
  "org.reso.metadata.enums.StandardStatus'Active'", "Enums.Appliances'Dryer,Washer'", 'ListPrice', 'StandardStatus', 'Appliances', 'ListAgent/', 'Media/',
  "'Active'", '%20', '%27', '+', '\u00e9', '\uFFFF',
];

/** Valid filters joined with `and` up to about `size` characters. */
function examplesTo(size: number, rng: () => number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < size || parts.length === 0) {
    const e = EXAMPLES[Math.floor(rng() * EXAMPLES.length)]!;
    parts.push(`(${e})`);
    n += e.length + 7;
  }
  return parts.join(' and ');
}

const generators: FuzzGenerator[] = [
  nested('nested parentheses', '(', 'ListPrice gt 1', ')'),
  nested('unclosed parentheses', '(', 'A eq 1', ''),
  nested('nested lambdas', 'Media/any(m: ', 'm/Order eq 1', ')'),
  nested('nested calls', 'tolower(', 'City', ')'),
  repeated('not repeated', '', 'not ', 'WaterfrontYN'),
  repeated('unary minus repeated', 'ListPrice eq ', '-', '1'),
  repeated('and chain', '', "City eq 'A' and ", 'ListPrice gt 1'),
  repeated('arithmetic chain', 'ListPrice eq 1', ' add 1'),
  repeated('long in list', 'StandardStatus in (', "'Active',", "'Pending')"),
  repeated('long string with escapes', "City eq '", "O''", "'"),
  repeated('unterminated string', "City eq '", 'x'),
  repeated('long name', '', 'ListPrice', ' eq 1'),
  repeated('long member path', 'ListAgent', '/ListAgent', ' eq null'),
  repeated('long number', 'ListPrice eq ', '9'),
  repeated('long enum flags', "Appliances has Enums.Appliances'", 'Dryer,', "Washer'"),
  repeated('url-encoded', 'City%20eq%20', '%27A%27', ''),
  damaged('damaged filters', examplesTo, TOKENS),
  tokenSoup('token soup', TOKENS),
];

/** parseFilter never throws; an 'internal' error is an exception it caught. A tree formats. */
function parseChecked(src: string): void {
  const r = parseFilter(src);
  const internal = r.errors.find((e) => e.code === 'internal');
  if (internal) throw new Error(`$filter parse failed internally: ${internal.message}`);
  if (r.ast) formatFilter(r.ast);
}

/** What the editor runs on a keystroke: validation, and completion and hover at the end and in the middle. */
function editorPass(src: string): void {
  validateFilter(src, schema);
  const mid = Math.floor(src.length / 2);
  completeFilter(src, src.length, schema);
  completeFilter(src, mid, schema);
  hoverFilter(src, mid, schema);
}

/**
 * Regexes the $filter language runs over long text, reviewed as linear, in the registry's key form
 * (`/source/flags`, test/fuzz/reviewedRegexes.ts). The lexer's are sticky (one attempt at the
 * token's start) with bounded quantifiers, or one greedy digit run; the URL-encoding check starts
 * only at a literal "%".
 */
export const odataFilterReviewedRegexes: readonly string[] = [
  String.raw`/\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?(?:[Zz]|[+-]\d{2}:\d{2})?(?![0-9A-Za-z_.:])/y`,
  String.raw`/\d{4}-\d{2}-\d{2}(?![0-9A-Za-z_:])/y`,
  String.raw`/\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?(?![0-9A-Za-z_:])/y`,
  '/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Za-z_])/y',
  String.raw`/\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y`,
  '/%[0-9A-Fa-f]{2}/',
  // One character class or character (a number's exponent; "+" as a space in a pasted URL).
  '/[eE]/',
  String.raw`/\+/g`,
];

export const odataFilterFuzzTargets: FuzzTarget[] = [
  { name: 'OData $filter lexer', parse: (bytes) => { lex(filterOf(bytes)); }, generators, typed: () => false },
  { name: 'OData $filter parser', parse: (bytes) => parseChecked(filterOf(bytes)), generators, typed: () => false },
  { name: 'OData $filter editor (validate, complete, hover)', parse: (bytes) => editorPass(filterOf(bytes)), generators, typed: () => false },
];
