// Answers for the desktop app's media scheme (<scheme>://media/<path> and <scheme>://downloads/<id>)
// as Web Responses, under the same rules as browser mode's /media/ and /downloads/ (mediaPolicy.ts).
// Electron's protocol handler only forwards requests here.
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { downloadHeaders, MEDIA_GUARD_HEADERS, mediaAnswer } from './mediaPolicy';

export interface MediaSource {
  media(path: string): Promise<{ contentType: string; body: Uint8Array } | undefined>;
  download(id: string): { path: string; fileName: string } | undefined;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...MEDIA_GUARD_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

async function downloadResponse(file: { path: string; fileName: string }): Promise<Response> {
  const handle = await open(file.path, 'r').catch(() => undefined);
  if (!handle) return plain(404, 'The exported file is no longer there: it was moved or removed since the export.');
  const st = await handle.stat().catch(() => undefined);
  if (!st?.isFile()) { await handle.close().catch(() => undefined); return plain(404, 'The exported file is no longer there.'); }
  // A read that fails later errors this body only (the web stream carries it to the consumer).
  const body = Readable.toWeb(handle.createReadStream({ autoClose: true })) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: { ...downloadHeaders(file.fileName), 'content-length': String(st.size) } });
}

export async function mediaSchemeResponse(source: MediaSource, requestUrl: string): Promise<Response> {
  let url: URL;
  try { url = new URL(requestUrl); } catch { return plain(400, 'Not a media address.'); }
  let rest: string;
  try { rest = decodeURIComponent(url.pathname.slice(1)); } catch { return plain(400, 'The address has a malformed %-escape.'); }
  if (url.host === 'downloads') {
    const file = source.download(rest);
    return file ? downloadResponse(file) : plain(404, 'No such download.');
  }
  if (url.host !== 'media') return plain(404, 'Not found.');
  // The media path keeps its own escapes: each segment is decoded by the photo service.
  const answer = mediaAnswer(await source.media(url.pathname.slice(1)));
  return new Response(Buffer.from(answer.body), { status: answer.status, headers: answer.headers });
}
