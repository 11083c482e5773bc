// Saved RESO Web API responses read for the offline commands (`inspect --kind odata-metadata|odata`,
// `odata check|format|complete|hover`): a bare body or a whole `curl -i` capture, read with the
// shared OData readers. Failures are SavedFileError: exit 2 when the file cannot be read, exit 1
// when it is not what was expected, with the server's own words when it holds an error.
import { readFileSync } from 'node:fs';
import { parseCsdl, type CsdlDocument } from '../../shared/odata/csdl/index';
import { lookupsFromRows } from '../../shared/odata/csdl/lookupRows';
import { describeODataError, odataHttpError, readServerError, type ODataErrorInfo, type ODataOperation } from '../../shared/odata/errors';
import { isODataParseError } from '../../shared/odata/parseError';
import { createODataPayloadParser, type ODataRowBatch } from '../../shared/odata/payload/index';
import type { MetadataLookup } from '../../shared/rets/metadata/model';
import { looksLikeRawHttp, parseRawHttpResponse } from '../../shared/rets/rawHttp';

export class SavedFileError extends Error {
  constructor(message: string, readonly code: 1 | 2 = 1) { super(message); }
}

export interface SavedResponse {
  /** HTTP status of a capture; undefined for a bare body. */
  status?: number;
  headers: Record<string, string>;
  contentType?: string;
  body: Uint8Array;
}

/** A saved file as a response: a `curl -i` capture is split into status, headers and body. */
export function readSaved(file: string, contentType?: string): SavedResponse {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    throw new SavedFileError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`, 2);
  }
  if (!looksLikeRawHttp(bytes)) return { headers: {}, contentType, body: bytes };
  try {
    const r = parseRawHttpResponse(bytes);
    return { status: r.status, headers: r.headers, contentType: contentType ?? r.headers['content-type'], body: r.body };
  } catch (e) {
    throw new SavedFileError(`${file} starts like an HTTP response but cannot be read as one: ${(e as Error).message}`);
  }
}

/** The typed error of a capture whose status is not 2xx, in the words of shared/odata/errors. */
function failedCapture(saved: SavedResponse, operation: ODataOperation): ODataErrorInfo | undefined {
  if (saved.status === undefined || (saved.status >= 200 && saved.status < 300)) return undefined;
  return odataHttpError({ status: saved.status, body: saved.body, contentType: saved.contentType, operation, retryAfter: saved.headers['retry-after'], wwwAuthenticate: saved.headers['www-authenticate'] });
}

/** A bare body holding an error envelope (no status known): what the server said, described the same way. */
function bareError(body: Uint8Array, contentType: string | undefined, operation: ODataOperation): string {
  const server = readServerError(body, contentType);
  const info: ODataErrorInfo = {
    kind: server.shape === 'odata' ? 'odata' : 'http', operation,
    message: `The saved body is an error the server sent${server.message ? `: ${server.message}` : '.'}`,
    hint: 'Fix what the server names and request again; `curl -i` keeps the HTTP status, which tells more.',
  };
  if (server.code !== undefined) info.serverCode = server.code;
  if (server.target !== undefined) info.target = server.target;
  if (server.details.length) info.details = server.details;
  return describeODataError(info);
}

function firstByte(body: Uint8Array): number {
  let i = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  while (i < body.length && body[i]! <= 32) i++;
  return i < body.length ? body[i]! : -1;
}

/** An HTML page where OData was expected: its title, so the user sees what answered. */
function htmlPage(saved: SavedResponse): string | undefined {
  if (firstByte(saved.body) !== 0x3c) return undefined;
  const server = readServerError(saved.body.subarray(0, 64 * 1024), saved.contentType);
  return server.shape === 'html' ? (server.message ?? 'an HTML page') : undefined;
}

/** $metadata from a saved response: CSDL XML or JSON. */
export function loadCsdl(saved: SavedResponse, name: string): CsdlDocument {
  const failed = failedCapture(saved, 'Metadata');
  if (failed) throw new SavedFileError(describeODataError(failed));
  if (firstByte(saved.body) < 0) throw new SavedFileError(`${name} is empty: it is not OData $metadata.`);
  const page = htmlPage(saved);
  if (page) throw new SavedFileError(`${name} is an HTML page ("${page}"), not OData $metadata: often a login page, a proxy or a wrong URL.`);
  try {
    return parseCsdl(saved.body, { contentType: saved.contentType });
  } catch (e) {
    if (!isODataParseError(e)) throw e;
    if (e.kind !== 'not-csdl') throw new SavedFileError(`${name} is not readable $metadata: ${e.message}.`);
    if (firstByte(saved.body) === 0x7b && /^\{\s*"(error|odata\.error)"/.test(new TextDecoder().decode(saved.body.subarray(0, 200)).trimStart())) {
      throw new SavedFileError(bareError(saved.body, saved.contentType, 'Metadata'));
    }
    throw new SavedFileError(`${name} is not OData $metadata: ${e.message}. Save the answer of GET <service root>/$metadata.`);
  }
}

/** What a saved OData JSON payload holds. */
export interface SavedPayload {
  context?: string;
  count?: number;
  countRaw?: string;
  nextLink?: string;
  /** Other top-level annotations (@odata.deltaLink, vendor ones). */
  annotations: Record<string, string>;
  /** True for a single-entity body. */
  entity: boolean;
  columns: readonly string[];
  batches: ODataRowBatch[];
  rowCount: number;
  warnings: string[];
}

/** Error envelopes are a single "entity" with the one member "error" (or OData 3's "odata.error"). */
function isErrorEnvelope(p: SavedPayload): boolean {
  if (!p.entity || p.rowCount !== 1 || p.columns.length !== 1) return false;
  const b = p.batches.find((x) => x.length > 0);
  return !!b && (p.columns[0] === 'error' || p.columns[0] === 'odata.error') && b.kind(0, 0) === 'object';
}

/** An OData JSON data payload (a collection page or a single entity), read by the streaming parser. */
export function readPayload(saved: SavedResponse, name: string, operation: ODataOperation = 'Query'): SavedPayload {
  const failed = failedCapture(saved, operation);
  if (failed) throw new SavedFileError(describeODataError(failed));
  if (firstByte(saved.body) < 0) throw new SavedFileError(`${name} is empty: it is not an OData payload.`);
  const page = htmlPage(saved);
  if (page) throw new SavedFileError(`${name} is an HTML page ("${page}"), not an OData JSON payload: often a login page, a proxy or a wrong URL.`);
  if (firstByte(saved.body) === 0x3c) throw new SavedFileError(`${name} is XML, not an OData JSON payload${/<edmx:Edmx/.test(new TextDecoder().decode(saved.body.subarray(0, 2000))) ? ' (it is $metadata: use --kind odata-metadata)' : ''}.`);
  const out: SavedPayload = { annotations: {}, entity: false, columns: [], batches: [], rowCount: 0, warnings: [] };
  const p = createODataPayloadParser();
  try {
    for (const e of [...p.push(saved.body), ...p.end()]) {
      if (e.kind === 'context') out.context = e.context;
      else if (e.kind === 'count') { out.count = e.count; out.countRaw = e.raw; }
      else if (e.kind === 'nextLink') out.nextLink = e.url;
      else if (e.kind === 'annotation') out.annotations[e.name] = e.value;
      else if (e.kind === 'entity') out.entity = true;
      else if (e.kind === 'columns') out.columns = e.columns;
      else if (e.kind === 'rows') { out.batches.push(e.batch); out.rowCount += e.batch.length; }
      else out.warnings.push(e.message);
    }
  } catch (e) {
    if (!isODataParseError(e)) throw e;
    throw new SavedFileError(`${name} is not a readable OData JSON payload: ${e.message}.`);
  }
  if (isErrorEnvelope(out)) throw new SavedFileError(bareError(saved.body, saved.contentType, operation));
  return out;
}

/** Lookup resource rows (saved GET /Lookup pages, in order) as lookups by LookupName. */
export function loadLookups(files: readonly string[]): Map<string, MetadataLookup> {
  const batches: ODataRowBatch[] = [];
  for (const file of files) {
    const payload = readPayload(readSaved(file), file, 'Lookup');
    if (!payload.columns.includes('LookupName') || !payload.columns.includes('LookupValue')) {
      throw new SavedFileError(`${file} is not a page of the Lookup resource: its rows have no LookupName and LookupValue (columns: ${payload.columns.slice(0, 12).join(', ') || 'none'}).`);
    }
    batches.push(...payload.batches);
  }
  return lookupsFromRows(batches);
}
