// "Open metadata file": a dump an integrator got from their MLS, parsed with the same parser the
// session uses, for offline exploration (no login needed). The file is one the user picked (a
// dialog's or an upload's handle, or a path given to the CLI); errors quote it only as a short,
// escaped excerpt.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'zod';
import type { MetadataOpenFileResponse } from '../../shared/contract';
import { RetsError } from '../../shared/rets/errors';
import { parseRetsEnvelope } from '../../shared/rets/envelope';
import { decodeBody } from '../../shared/rets/text';
import { looksLikeRawHttp, parseRawHttpResponse } from '../../shared/rets/rawHttp';
import { excerpt } from './excerpt';
import { inputError } from './hostError';

type Res = z.output<typeof MetadataOpenFileResponse>;

const MAX_BYTES = 512 * 1024 * 1024;

/** A dump on disk; `name` is what the user sees (the file's own name unless given). */
export async function openMetadataPath(path: string, name = basename(path)): Promise<Res> {
  const st = await stat(path).catch(() => { throw inputError(`Cannot open "${name}": no such file.`); });
  if (!st.isFile()) throw inputError(`"${name}" is not a file.`);
  if (st.size > MAX_BYTES) throw inputError(`"${name}" is larger than 512 MB.`);
  const buf = new Uint8Array(await readFile(path));
  return parseDump(bytesToText(buf), name, buf.length);
}

/** A dump's text sent in the call (small files). */
export async function openMetadataText(name: string, content: string): Promise<Res> {
  const text = /^HTTP\/\d/.test(content) ? bytesToText(new TextEncoder().encode(content)) : content;
  return parseDump(text, name, new TextEncoder().encode(text).length);
}

async function parseDump(text: string, rawName: string, bytes: number): Promise<Res> {
  const name = excerpt(basename(rawName), 120);
  if (looksLikeCsdl(text)) return parseCsdlDump(text, name, bytes);
  const other = notMetadata(text, name);
  if (other) throw other;
  const { parseMetadata } = await loadParser();
  const metadata = readAs(() => parseMetadata(text), name, 'RETS metadata', 'Open a GetMetadata response saved as COMPACT or STANDARD-XML (a whole `curl -i` capture works too).');
  if (metadata.resources.length === 0 && metadata.tables.length === 0) {
    throw new RetsError({ kind: 'parse', transaction: 'GetMetadata', message: `"${name}" holds no RETS metadata.`, hint: 'Open a GetMetadata response (COMPACT or STANDARD-XML).' });
  }
  const format = /<METADATA[\s>]/i.test(text) && !/<COLUMNS>/i.test(text) ? 'STANDARD-XML' : 'COMPACT';
  return { metadata, source: { name, bytes, format } };
}

/** What `parse` returns; its failure said as the file that could not be read as `what`. */
function readAs<T>(parse: () => T, name: string, what: string, hint: string): T {
  try {
    return parse();
  } catch (err) {
    // The parser's words, bounded and escaped: a message never carries the file along.
    throw new RetsError({ kind: 'parse', transaction: 'GetMetadata', message: `"${name}" could not be read as ${what}: ${excerpt(err instanceof Error ? err.message : String(err), 400)}`, hint });
  }
}

/** A Web API `$metadata`: CSDL XML (an edmx:Edmx root) or CSDL JSON (a `$Version` member), judged by its start. */
function looksLikeCsdl(text: string): boolean {
  const start = text.slice(0, 4096).trimStart();
  return (start.startsWith('<') && start.includes('Edmx')) || (start.startsWith('{') && start.includes('"$Version"'));
}

async function parseCsdlDump(text: string, name: string, bytes: number): Promise<Res> {
  const { parseCsdl, csdlToMetadata } = await import('../../shared/odata/csdl/index');
  const doc = readAs(() => parseCsdl(text), name, 'OData $metadata', 'Open a $metadata response saved as XML or JSON CSDL (a whole `curl -i` capture works too).');
  const metadata = csdlToMetadata(doc);
  if (metadata.resources.length === 0) throw new RetsError({ kind: 'parse', transaction: 'GetMetadata', message: `"${name}" declares no entity sets.`, hint: 'Open the $metadata of a RESO Web API service root.' });
  return { metadata, source: { name, bytes, format: `CSDL ${doc.format.toUpperCase()}` } };
}

/**
 * A saved response of another transaction (the inspector saves any of them), a RETS refusal, or
 * a response the inspector kept only in part: said as such, rather than as a parse failure.
 * Looks at the start of the text only (what a response is shows in its first elements).
 */
function notMetadata(text: string, name: string): RetsError | undefined {
  const start = text.slice(0, 8192);
  if (text.includes(' bytes not kept]\n')) {
    return new RetsError({ kind: 'parse', transaction: 'GetMetadata', message: `"${name}" holds only the first and last 64 KB of a response, not the whole metadata.`, hint: 'Save a GetMetadata response from the request inspector (metadata is kept whole), or fetch the metadata again.' });
  }
  if (/<METADATA/i.test(start)) return undefined;
  const env = parseRetsEnvelope(start);
  const what = /<COLUMNS>|<COUNT\b|<MAXROWS/i.test(start) ? 'a Search response' : /<RETS-RESPONSE>/i.test(start) ? 'a Login (or Action) response' : env && env.replyCode !== 0 ? `a RETS refusal (ReplyCode ${env.replyCode}: ${excerpt(env.replyText, 200)})` : undefined;
  if (!what) return undefined;
  return new RetsError({ kind: 'parse', transaction: 'GetMetadata', message: `"${name}" is ${what}, not metadata.`, hint: 'Open a GetMetadata response (COMPACT or STANDARD-XML), saved bare or with its headers.' });
}

/** A bare body, or a whole `curl -i` capture (status line and headers first). */
function bytesToText(buf: Uint8Array): string {
  if (looksLikeRawHttp(buf)) {
    const r = parseRawHttpResponse(buf);
    return decodeBody(r.body, r.headers['content-type']);
  }
  return decodeBody(buf);
}

// The parser module is loaded on first use.
async function loadParser(): Promise<{ parseMetadata: (text: string) => import('../../shared/rets/metadata/model').RetsMetadata }> {
  return import('../../shared/rets/metadata/index');
}
