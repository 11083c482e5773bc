// GetMetadata bodies to the shared model: format detection, envelope checks, then the COMPACT
// or STANDARD-XML reader and the assembler.

import { RetsError } from '../errors';
import { envelopeError, findRetsStatus, htmlSummary, looksLikeHtml, parseRetsEnvelope } from '../envelope';
import { findEndTag, findStartTag } from '../tagScan';
import { assembleMetadata } from './assemble';
import { parseCompactMetadata } from './compact';
import type { MetadataTable, RetsMetadata } from './model';
import { parseStandardXmlMetadata } from './standardXml';

export { assembleMetadata, canonicalType, mergeMetadata } from './assemble';
export { parseCompactMetadata } from './compact';
export { parseStandardXmlMetadata } from './standardXml';

export type MetadataFormat = 'COMPACT' | 'STANDARD-XML';

/**
 * Bump when a parser fix changes what parseMetadata makes of the same body: cached metadata keeps
 * the body it came from and is parsed again, so the fix reaches it without asking the server.
 */
export const METADATA_PARSER_VERSION = 1;

/** COMPACT when the body has COLUMNS/DATA lines, else STANDARD-XML (SYSTEM-only bodies read alike). */
export function detectMetadataFormat(text: string): MetadataFormat {
  return /<(COLUMNS|DATA)[\s>]/i.test(text) ? 'COMPACT' : 'STANDARD-XML';
}

function parseFailure(message: string, cause: string, hint: string): RetsError {
  return new RetsError({ kind: 'parse', transaction: 'GetMetadata', message, cause, hint });
}

/** The tables of one GetMetadata body (no assembly), after the envelope checks. */
export function parseMetadataTables(text: string, warnings: string[] = []): MetadataTable[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    throw parseFailure('The metadata response is empty.', 'The server sent no body (or the connection dropped).', 'Fetch it again; check the GetMetadata URL from the login response.');
  }
  if (looksLikeHtml(body)) {
    throw parseFailure(`The server sent an HTML page instead of metadata: "${htmlSummary(body)}".`,
      'An error page from the web server, a proxy or a login portal, not a RETS reply.',
      'Check the GetMetadata URL and that the session is still logged in.');
  }
  const env = parseRetsEnvelope(body);
  if (env && env.replyCode === 20503) { // "no metadata found": an empty level, not a failure
    warnings.push(`The server has no metadata of this kind (RETS 20503${env.replyText ? ` "${env.replyText}"` : ''}).`);
    return [];
  }
  if (env && env.replyCode !== 0) throw envelopeError('GetMetadata', env);
  if (!env && !/<METADATA/i.test(body)) {
    throw parseFailure('The response is not RETS metadata: it has neither a <RETS> reply nor METADATA blocks.',
      'The server sent something else (plain text, a search result, a truncated body).',
      'Check the request (Type, ID, Format) and look at the raw response.');
  }
  const status = findRetsStatus(body);
  if (status && status.replyCode !== 0) warnings.push(`The server ended the metadata with RETS-STATUS ${status.replyCode}${status.replyText ? ` "${status.replyText}"` : ''}.`);
  if (env && findEndTag(body, 'RETS') < 0 && !findStartTag(body, 'RETS')?.selfClosing) warnings.push('The body ends before </RETS>; it may be truncated.');
  return detectMetadataFormat(body) === 'COMPACT' ? parseCompactMetadata(body, warnings) : parseStandardXmlMetadata(body);
}

/**
 * Parses a GetMetadata response (COMPACT or STANDARD-XML, detected) into the shared model.
 * A non-zero reply code throws a RetsError of kind 'rets' (20503 "no metadata" gives an empty
 * model with a warning); an HTML page, an empty, truncated or malformed body one of kind 'parse'.
 */
export function parseMetadata(text: string): RetsMetadata {
  const warnings: string[] = [];
  const tables = parseMetadataTables(text, warnings);
  return assembleMetadata(tables, warnings);
}
