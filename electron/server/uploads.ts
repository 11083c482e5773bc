// Browser mode's way in for files: POST /uploads?purpose=…&name=… with the file as the raw body
// (application/octet-stream, which no cross-site form can send). The body streams to a 0600 temp
// file in the data folder, capped on its own (metadata dumps run to hundreds of MB; JSON calls
// stay small); the answer is a single-use handle the reading call takes. Over the cap: 413, and
// the partial file is gone.
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { FilePurpose, type Envelope, type UploadResponse } from '../../shared/contract';
import type { Host } from '../host/host';
import { SECURITY_HEADERS } from './security';

export const DEFAULT_MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
/** What can be uploaded: files the host reads. */
const READ_PURPOSES = new Set<FilePurpose>(['metadata', 'snippets-import', 'mapping-import', 'data-dictionary']);

function reply(res: ServerResponse, status: number, body: Envelope<UploadResponse>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, message: string, hint?: string): void {
  reply(res, status, { ok: false, error: { kind: 'input', transaction: 'Other', message, ...(hint ? { hint } : {}) } });
}

/** The name the user's file had, for display only (never part of a path). */
function displayName(raw: string | null): string {
  const name = (raw ?? '').split(/[/\\]/).pop()!.replace(/\p{Cc}/gu, '').slice(0, 200);
  return name || 'upload';
}

function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.ceil(n / 1024)} KB`;
}

export async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL, host: Host, maxBytes = DEFAULT_MAX_UPLOAD_BYTES): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'Use POST to upload a file.');
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/octet-stream')) {
    return refuse(res, 415, 'Uploads take application/octet-stream.');
  }
  const purpose = FilePurpose.safeParse(url.searchParams.get('purpose'));
  if (!purpose.success || !READ_PURPOSES.has(purpose.data)) return refuse(res, 400, 'Say what the file is for (purpose=metadata or snippets-import).');
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    req.resume();
    return refuse(res, 413, `The file is larger than ${sizeText(maxBytes)}.`, 'Open a smaller file.');
  }

  await mkdir(host.layout.uploads, { recursive: true, mode: 0o700 });
  const path = join(host.layout.uploads, `${randomBytes(12).toString('hex')}.upload`);
  const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  let bytes = 0;
  const outcome = await new Promise<'stored' | 'large' | 'io' | 'aborted'>((resolve) => {
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) resolve('large');
    });
    req.on('close', () => { if (!req.complete) resolve('aborted'); });
    out.on('error', () => resolve('io'));
    out.on('close', () => resolve(out.writableFinished ? 'stored' : 'io'));
    req.pipe(out);
  });
  if (outcome !== 'stored') {
    req.unpipe(out);
    out.destroy();
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    await rm(path, { force: true });
    // The rest of an over-cap body is read and dropped by the server, never stored.
    req.resume();
    if (outcome === 'large') return refuse(res, 413, `The file is larger than ${sizeText(maxBytes)}.`, 'Open a smaller file.');
    if (outcome === 'io') return refuse(res, 500, 'The upload could not be stored (is the disk full?).');
    return;
  }
  const name = displayName(url.searchParams.get('name'));
  const handle = host.files.issue(path, purpose.data, 'read', { owned: true, name });
  reply(res, 200, { ok: true, data: { handle, name, bytes } });
}
