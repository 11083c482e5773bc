// "Open metadata file": a dump an integrator got from their MLS, parsed with the same parser the
// session uses, for offline exploration (no login needed).
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'zod';
import type { MetadataOpenFileRequest, MetadataOpenFileResponse } from '../../shared/contract';
import { RetsError } from '../../shared/rets/errors';
import { decodeBody } from '../../shared/rets/text';
import { looksLikeRawHttp, parseRawHttpResponse } from '../../shared/rets/rawHttp';
import { inputError } from './hostError';

type Req = z.output<typeof MetadataOpenFileRequest>;
type Res = z.output<typeof MetadataOpenFileResponse>;

const MAX_BYTES = 512 * 1024 * 1024;

export async function openMetadataFile(req: Req): Promise<Res> {
  let text: string;
  let name: string;
  let bytes: number;
  if ('path' in req) {
    const st = await stat(req.path).catch(() => { throw inputError(`Cannot open "${req.path}": no such file.`); });
    if (st.size > MAX_BYTES) throw inputError(`"${req.path}" is larger than 512 MB.`);
    const buf = new Uint8Array(await readFile(req.path));
    text = bytesToText(buf);
    name = basename(req.path);
    bytes = buf.length;
  } else {
    text = /^HTTP\/\d/.test(req.content) ? bytesToText(new TextEncoder().encode(req.content)) : req.content;
    name = req.name;
    bytes = new TextEncoder().encode(text).length;
  }
  const { parseMetadata } = await loadParser();
  let metadata;
  try {
    metadata = parseMetadata(text);
  } catch (err) {
    throw new RetsError({
      kind: 'parse', transaction: 'GetMetadata',
      message: `"${name}" could not be read as RETS metadata: ${err instanceof Error ? err.message : String(err)}`,
      hint: 'Open a GetMetadata response saved as COMPACT or STANDARD-XML (a whole `curl -i` capture works too).',
    });
  }
  if (metadata.resources.length === 0 && metadata.tables.length === 0) {
    throw new RetsError({ kind: 'parse', transaction: 'GetMetadata', message: `"${name}" holds no RETS metadata.`, hint: 'Open a GetMetadata response (COMPACT or STANDARD-XML).' });
  }
  const format = /<METADATA[\s>]/i.test(text) && !/<COLUMNS>/i.test(text) ? 'STANDARD-XML' : 'COMPACT';
  return { metadata, source: { name, bytes, format } };
}

/** A bare body, or a whole `curl -i` capture (status line and headers first). */
function bytesToText(buf: Uint8Array): string {
  if (looksLikeRawHttp(buf)) {
    const r = parseRawHttpResponse(buf);
    return decodeBody(r.body, r.headers['content-type']);
  }
  return decodeBody(buf);
}

// The parser module (engineer A) is loaded on first use.
async function loadParser(): Promise<{ parseMetadata: (text: string) => import('../../shared/rets/metadata/model').RetsMetadata }> {
  return import('../../shared/rets/metadata/index');
}
