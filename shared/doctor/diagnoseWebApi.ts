// Diagnosis rules of the Web API probe: a failed OData or OAuth2 request (the client's typed error
// already says what failed in words; here it takes the doctor's shape), and what the answers of a
// working service still warn about: a short token lifetime, $metadata in another format than asked,
// @odata.count as a string, $top taken as the page size, a missing or repeating nextLink.
import type { ODataErrorInfo } from '../odata/errors';
import type { Diagnosis } from './types';

const n = (x: number) => x.toLocaleString('en-US');

/** A failed Web API request (token, service document, $metadata, a query, media) as a diagnosis. */
export function diagnoseODataFailure(info: ODataErrorInfo): Diagnosis {
  const said = info.serverMessage ? `The server said: "${info.serverMessage}"${info.serverCode ? ` (code ${info.serverCode})` : ''}.` : '';
  const detail = [said, info.url ? `URL: ${info.url}.` : ''].filter(Boolean).join(' ') || info.message;
  if (info.operation === 'Token' && info.httpStatus === 404 && !/HTML page|an empty body|no JSON/.test(info.message)) {
    return {
      summary: 'Nothing answers at the token URL (HTTP 404) where a token was expected.',
      detail, cause: 'The token URL is wrong: its path does not exist on that server.',
      actions: ['Check the token URL exactly as the MLS documents it (https://…/token).'], httpStatus: 404,
    };
  }
  // The client's message may quote the server; the diagnosis keeps the quote in its detail.
  const quoted = info.message.indexOf(' The server said: ');
  return {
    summary: quoted > 0 ? info.message.slice(0, quoted) : info.message,
    detail,
    cause: info.cause ?? 'The request failed.',
    actions: info.hint ? [info.hint] : ['Retry; if it persists, send this report to the MLS support desk.'],
    ...(info.httpStatus !== undefined ? { httpStatus: info.httpStatus } : {}),
  };
}

/** The token URL's host when it differs from the service root's, said as a fact (undefined when the same). */
export function tokenHostFact(tokenUrl: string, serviceRoot: string): string | undefined {
  try {
    const t = new URL(tokenUrl).host;
    const s = new URL(serviceRoot).host;
    return t === s ? undefined : `${t}, another host than the service root (${s})`;
  } catch {
    return undefined;
  }
}

/** Tokens shorter than this are renewed so often that the doctor warns. */
export const SHORT_TOKEN_SECONDS = 300;

/** A warning when access tokens live only a few seconds or minutes; undefined otherwise. */
export function diagnoseTokenLifetime(seconds: number): Diagnosis | undefined {
  if (!(seconds > 0) || seconds >= SHORT_TOKEN_SECONDS) return undefined;
  return {
    summary: `The access token lives only ${n(seconds)} s.`,
    detail: `The token endpoint said expires_in ${n(seconds)}. The workbench renews a token a minute before it expires, so with tokens this short it asks the token endpoint again before nearly every request.`,
    cause: 'The MLS issues short-lived tokens (or a test setting on its side); a long sync then makes a token request for each page.',
    actions: ['Nothing to do for a short test; for syncs, ask the MLS whether longer-lived tokens (or refresh tokens) are available.'],
  };
}

export type MetadataShape = 'xml' | 'json' | 'html' | 'other';

/** What the first bytes of a $metadata answer are. */
export function metadataShape(head: string, contentType: string): MetadataShape {
  const t = head.replace(/^\uFEFF/, '').trimStart();
  const lower = t.slice(0, 200).toLowerCase();
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html') || (/text\/html/i.test(contentType) && t.startsWith('<'))) return 'html';
  if (t.startsWith('<')) return 'xml';
  if (t.startsWith('{')) return 'json';
  return 'other';
}

/** $metadata was asked as XML: what its answer's shape means. Undefined for XML. */
export function diagnoseMetadataShape(shape: MetadataShape, contentType: string, htmlTitle?: string): { status: 'warning' | 'failed'; diagnosis: Diagnosis } | undefined {
  if (shape === 'xml') return undefined;
  const ct = contentType || 'no Content-Type';
  if (shape === 'json') {
    return { status: 'warning', diagnosis: {
      summary: 'The server answered $metadata as CSDL JSON although XML was asked for.',
      detail: `The request said Accept: application/xml; the answer was ${ct}. The workbench reads CSDL JSON too.`,
      cause: 'The server ignores the Accept header for $metadata, or always answers JSON.',
      actions: ['Nothing to do in the workbench.', 'Tools that need the XML form (RESO certification, some code generators) will fail on it: tell the MLS, or try $metadata?$format=xml.'],
    } };
  }
  return { status: 'failed', diagnosis: {
    summary: shape === 'html'
      ? `$metadata answered with an HTML page${htmlTitle ? ` ("${htmlTitle}")` : ''}, not CSDL.`
      : '$metadata answered with something that is neither XML nor JSON.',
    detail: `Content-Type: ${ct}.`,
    cause: 'A proxy, a login or maintenance page, or a wrong service root answered instead of the OData service.',
    actions: ['Check the service root exactly as the MLS gave it; open <service root>/$metadata in a browser to see what answers there.'],
  } };
}

/** Whether the first @odata.count member of a JSON payload's head holds a string ("1234") rather than a number. One indexOf scan. */
export function countIsQuoted(head: string): boolean {
  const at = head.indexOf('"@odata.count"');
  if (at < 0) return false;
  const colon = head.indexOf(':', at + 14);
  if (colon < 0) return false;
  let i = colon + 1;
  while (i < head.length && head.charCodeAt(i) <= 32) i++;
  return head[i] === '"';
}

/** @odata.count arrived as a JSON string. */
export function diagnoseStringCount(raw: string): Diagnosis {
  return {
    summary: `@odata.count arrives as a string (${raw}), not a number.`,
    detail: 'OData says the count is a number; this server quotes it. The workbench reads both.',
    cause: 'A server that serialises the count as text.',
    actions: ['Nothing to do in the workbench; code of your own that reads @odata.count must accept a string too.'],
  };
}

/** The probe asked `$top=asked` and got `rows` rows on the first page, with or without a nextLink. */
export function diagnoseTop(asked: number, rows: number, nextLink: boolean): Diagnosis | undefined {
  if (rows === asked && nextLink) {
    return {
      summary: `$top acts as the page size: $top=${asked} brought ${asked} rows and a nextLink to more.`,
      detail: `OData says $top caps the whole result; this server treats it as the size of each page and keeps paging. Asked $top=${asked}; page 1 held ${rows} rows and an @odata.nextLink.`,
      cause: 'The server (as Bridge\'s v2 API did) reads $top as a page size.',
      actions: ['Nothing to do in the workbench: it stops after $top rows itself.', 'Code of your own must count rows and stop, not follow nextLinks to the end.'],
    };
  }
  if (rows > asked) {
    return {
      summary: `The server ignores $top: $top=${asked} brought ${rows} rows on the first page.`,
      detail: `Asked $top=${asked}; page 1 held ${rows} rows${nextLink ? ' and a nextLink' : ''}.`,
      cause: 'The server does not apply $top.',
      actions: ['Nothing to do in the workbench: it stops after $top rows itself.', 'Tell the MLS: $top is part of OData\'s minimal conformance.'],
    };
  }
  return undefined;
}

export interface PagingObservation {
  /** Rows of each page read (at most two). */
  pages: number[];
  /** Whether page 1 carried a nextLink. */
  nextLink: boolean;
  /** Keys seen on more than one page. */
  duplicates: string[];
  /** The record count, when known. */
  count?: number;
  pageSizeAsked: number;
}

/** Paging through nextLink: no nextLink although more records exist, or keys repeated across pages. */
export function diagnosePaging(o: PagingObservation): Diagnosis | undefined {
  const first = o.pages[0] ?? 0;
  if (!o.nextLink && o.count !== undefined && o.count > first) {
    return {
      summary: `Page 1 held ${n(first)} of ${n(o.count)} records and no nextLink: the rest cannot be reached by paging.`,
      detail: `Asked Prefer: odata.maxpagesize=${n(o.pageSizeAsked)}; the answer had no @odata.nextLink.`,
      cause: 'The server pages with $skip instead of nextLinks, or caps results without saying so.',
      actions: ['Ask the MLS how to page (some servers want $skip, some $top with $skip).'],
    };
  }
  if (o.duplicates.length) {
    return {
      summary: `Page 2 repeats ${n(o.duplicates.length)} key${o.duplicates.length > 1 ? 's' : ''} of page 1 (e.g. ${o.duplicates.slice(0, 3).join(', ')}).`,
      detail: `Pages of ${o.pages.map(n).join(' and ')} rows read through the nextLink.`,
      cause: 'The server pages over an unstable order (records change while paging, or no stable sort).',
      actions: ['Sort by the key ($orderby=<key>) when paging, or page by ModificationTimestamp and key as a replication does.'],
    };
  }
  return undefined;
}

/** The key field as a fact: ListingId (the MLS number agents see) is told apart from ListingKey (the system key). */
export function keyFieldFact(resource: string, keyField: string): string {
  if (!keyField) return `${resource}: none declared`;
  if (keyField === 'ListingId') return `${resource}: ListingId (the MLS number agents see, not the system key ListingKey: keys can be reused across MLSs)`;
  if (keyField === 'ListingKey') return `${resource}: ListingKey (the system key)`;
  return `${resource}: ${keyField}`;
}

export function diagnoseMissingKey(resource: string): Diagnosis {
  return {
    summary: `$metadata declares no key for ${resource}.`,
    detail: `The entity type behind ${resource} has no <Key>.`,
    cause: 'Incomplete metadata on the server.',
    actions: ['Tell the MLS; records cannot be fetched by key, and a sync cannot tell records apart without one.'],
  };
}
