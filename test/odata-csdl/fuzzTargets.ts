// The OData readers as fuzz targets for the `npm run fuzz` registry (test/fuzz/targets.ts): each
// is { name, parse(bytes), generators, typed } and may only finish or throw its typed error.
// parse runs the bytes the way the app does: $metadata through parseCsdl and on to the neutral
// metadata and the $filter schema; payloads pushed in chunks with every cell read; error bodies
// read and described. Inputs come from the hostile documents in hostile.ts, mutations of valid
// documents grown to the size asked, and token soups.
import { csdlToFilterInput, csdlToMetadata, lookupsFromRows, parseCsdl } from '../../shared/odata/csdl/index';
import { describeODataError, odataHttpError, readServerError } from '../../shared/odata/errors';
import { buildFilterModel } from '../../shared/odata/filter/index';
import { isODataParseError } from '../../shared/odata/parseError';
import { createODataPayloadParser, type ODataRowBatch } from '../../shared/odata/payload/index';
import { bigCsdl, LOOKUP_ROWS_JSON, RESO_CSDL, RESO_CSDL_JSON } from './fixtures';
import { hostileCsdl, hostilePayloads } from './hostile';
import { damage, tokenText } from '../fuzz/generators';
import { int } from '../fuzz/rng';
import type { FuzzGenerator, FuzzTarget, Rng } from '../fuzz/types';

const enc = new TextEncoder();

/** One generator per named hostile document of hostile.ts (all scale with the size asked). */
function namedGenerators(prefix: string, all: (size: number) => Record<string, string>): FuzzGenerator[] {
  let cached: { size: number; docs: Record<string, string> } | undefined;
  const docs = (size: number): Record<string, string> => {
    if (cached?.size !== size) cached = { size, docs: all(size) };
    return cached.docs;
  };
  return Object.keys(all(64)).map((name) => ({ name: `${prefix}${name}`, scaling: true, make: (size: number) => enc.encode(docs(size)[name]!) }));
}

/**
 * A valid document grown to about `size` (by `grow`), then damaged: slices repeated, cut out or
 * swapped for hostile tokens, and sometimes truncated.
 */
export function damaged(name: string, grow: (size: number, rng: Rng) => string, tokens: readonly string[]): FuzzGenerator {
  return { name, make: (size, rng) => enc.encode(damage(grow(size, rng), rng, tokens)) };
}

/** Random tokens from a hostile alphabet until `size` characters (one in ten a random UTF-16 unit). */
export function tokenSoup(name: string, tokens: readonly string[], prefix = ''): FuzzGenerator {
  return { name, make: (size, rng) => enc.encode(tokenText(size, rng, tokens, prefix, (r) => String.fromCharCode(int(r, 0, 0xffff)))) };
}

const XML_TOKENS = [
  '<', '>', '/>', '</', '"', "'", '=', ' ', '\n', '&', '&amp;', '&#x', '&#55357;', ';', '<!--', '-->', '<![CDATA[', ']]>', '<?xml version="1.0"?>',
  '<!DOCTYPE x [<!ENTITY a "b">]>', '<edmx:Edmx Version="4.01">', '<edmx:DataServices>', '<Schema Namespace="n" Alias="a">', '<EntityType Name="T">',
  '<Key><PropertyRef Name="K"/></Key>', '<Property Name="P" Type="Collection(a.E)" MaxLength="max" Precision="-1" Scale="variable"/>',
  '<EnumType Name="E" IsFlags="true">', '<Member Name="M" Value="99999999999999999999"/>', '<Annotation Term="RESO.OData.Metadata.LookupName" String="L"/>',
  '<Annotations Target="a.T/P">', '<EntityContainer Name="C">', '<EntitySet Name="S" EntityType="a.T">', '<NavigationProperty Name="N" Type="a.T"/>',
  '</EntityType>', '</Schema>', '</edmx:Edmx>', '\u00e9', '\uFEFF',
];

const JSON_TOKENS = [
  '{', '}', '[', ']', ',', ':', '"', '\\', '\\u', '\\ud83c', 'null', 'true', 'false', '-0', '1e999', '0.1', '"value"', '"@odata.count"', '"@odata.context"',
  '"@odata.nextLink"', '"$Version"', '"4.01"', '"$Kind"', '"EntityType"', '"EnumType"', '"$Key"', '"$Type"', '"$Collection"', '"$BaseType"', '"$EntityContainer"',
  '"error"', '"code"', '"message"', '"details"', '"innererror"', ' ', '\n',
];

/** A Lookup resource page of about `size` bytes (rows of LOOKUP_ROWS_JSON repeated, keys made unique). */
function lookupPage(size: number): string {
  const rows = (JSON.parse(LOOKUP_ROWS_JSON) as { value: Record<string, unknown>[] }).value;
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < size || i < rows.length; i++) {
    const row = JSON.stringify({ ...rows[i % rows.length], LookupKey: `L${i}` });
    out.push(row);
    n += row.length + 1;
  }
  return `{"@odata.context":"https://api.example.org/reso/odata/$metadata#Lookup","@odata.count":"${out.length}","value":[${out.join(',')}],"@odata.nextLink":"https://api.example.org/reso/odata/Lookup?$skip=${out.length}"}`;
}

/** $metadata as the app reads it: parsed, mapped to the neutral model and to the $filter schema. */
function readCsdl(bytes: Uint8Array): void {
  const doc = parseCsdl(bytes);
  csdlToMetadata(doc);
  buildFilterModel(csdlToFilterInput(doc));
}

/** A payload pushed in chunks, as it arrives, with every cell of every batch read; a Lookup page's rows become lookups. */
function readPayload(bytes: Uint8Array): void {
  const p = createODataPayloadParser();
  const step = 1 + (bytes.length % 4093);
  const batches: ODataRowBatch[] = [];
  const take = (events: ReturnType<typeof p.push>): void => {
    for (const e of events) {
      if (e.kind !== 'rows') continue;
      batches.push(e.batch);
      for (let r = 0; r < e.batch.length; r++) for (let c = 0; c < e.batch.columns.length; c++) { e.batch.get(r, c); e.batch.kind(r, c); }
    }
  };
  for (let i = 0; i < bytes.length; i += step) take(p.push(bytes.subarray(i, i + step)));
  take(p.end());
  if (batches.some((b) => b.columns.includes('LookupName'))) lookupsFromRows(batches);
}

/** An error body as the client reads one: shape, then the user-facing sentence. */
function readErrorBody(bytes: Uint8Array): void {
  readServerError(bytes);
  describeODataError(odataHttpError({ status: 400 + (bytes.length % 104), body: bytes, operation: 'Query', retryAfter: '120' }));
}

/**
 * Regexes these readers run over long text, reviewed as linear, in the registry's key form
 * (`/source/flags`, test/fuzz/reviewedRegexes.ts).
 */
export const odataCsdlReviewedRegexes: readonly string[] = [
  // CSDL facets (csdl/fields.ts): anchored, bounded: one attempt.
  String.raw`/^\d{1,15}$/`,
  // Entities in an error page's text (errors.ts stripTags): literal patterns.
  '/&amp;/g', '/&lt;/g', '/&gt;/g', '/&quot;/g', "/&#39;|&apos;/g", '/&nbsp;/g',
];

export const odataCsdlFuzzTargets: FuzzTarget[] = [
  {
    name: 'OData $metadata (CSDL XML and JSON)',
    parse: readCsdl,
    generators: [
      ...namedGenerators('', hostileCsdl),
      damaged('damaged RESO $metadata (XML)', (size) => (size < RESO_CSDL.length ? RESO_CSDL : bigCsdl(Math.max(40, Math.floor(size / 120)), Math.max(20, Math.floor(size / 240)), size % 2 ? 'enum' : 'lookup-resource')), XML_TOKENS),
      damaged('damaged RESO $metadata (JSON)', () => RESO_CSDL_JSON, JSON_TOKENS),
      tokenSoup('CSDL XML token soup', XML_TOKENS, '<edmx:Edmx Version="4.0"><edmx:DataServices>'),
      tokenSoup('CSDL JSON token soup', JSON_TOKENS, '{"$Version":"4.01",'),
    ],
    typed: isODataParseError,
  },
  {
    name: 'OData JSON payload',
    parse: readPayload,
    generators: [
      ...namedGenerators('', hostilePayloads),
      damaged('damaged Lookup page', (size) => lookupPage(size), JSON_TOKENS),
      tokenSoup('payload token soup', JSON_TOKENS, '{"value":['),
    ],
    typed: isODataParseError,
  },
  {
    name: 'OData error body',
    parse: readErrorBody,
    generators: [
      ...namedGenerators('payload: ', hostilePayloads),
      ...namedGenerators('csdl: ', hostileCsdl),
      tokenSoup('error JSON soup', JSON_TOKENS, '{"error":{"code":'),
      tokenSoup('error page soup', XML_TOKENS, '<!DOCTYPE html><html><head><title>'),
    ],
    // Reading an error body never throws.
    typed: () => false,
  },
];
