// Browser mode: a file the user picked goes to the host through its upload endpoint (the File is
// the fetch body, so the browser streams it from disk), and comes back as a handle the reading
// call takes. In Electron the host's own open dialog gives the handle instead.
import { httpPaths, UploadResponse, type FilePurpose } from '../../../shared/contract';
import { RetsError, type RetsErrorInfo } from '../../../shared/rets/errors';
import { browserToken } from './client';

export async function uploadFile(file: File, purpose: Extract<FilePurpose, 'metadata' | 'snippets-import' | 'mapping-import' | 'data-dictionary'>): Promise<UploadResponse> {
  const q = new URLSearchParams({ purpose, name: file.name });
  const token = browserToken();
  const res = await fetch(`${httpPaths.upload}?${q}`, {
    method: 'POST', body: file, credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', ...(token ? { [httpPaths.tokenHeader]: token } : {}) },
  });
  const env = (await res.json().catch(() => undefined)) as { ok: true; data: unknown } | { ok: false; error: RetsErrorInfo } | undefined;
  if (!env) throw new RetsError({ kind: 'http', transaction: 'Other', message: `The upload of "${file.name}" failed (HTTP ${res.status}).`, httpStatus: res.status });
  if (!env.ok) throw new RetsError(env.error);
  return UploadResponse.parse(env.data);
}
