// A photo behind a Location URL (GetObject Location=1): fetched by the host so the page never loads
// remote content, and held to the rules of a GetObject part: at most the object cap (refused from the
// declared length, or as soon as the streamed bytes pass it) and an HTML page is an error, not a photo.
import { htmlSummary } from '../../shared/rets/envelope';
import { RetsError } from '../../shared/rets/errors';
import { isHtmlBody } from '../rets/errors';

function tooLarge(cap: number): RetsError {
  return new RetsError({
    kind: 'protocol', transaction: 'GetObject',
    message: `The photo at the object's Location URL is larger than ${cap / 1048576} MB.`,
    cause: 'The server sent more than a photo needs, or something that is not a photo.',
    hint: 'Open the listing on the MLS\'s own site, or ask the MLS about the object.',
  });
}

function notPhoto(page: string): RetsError {
  return new RetsError({
    kind: 'parse', transaction: 'GetObject',
    message: 'The object\'s Location URL answered with an HTML page, not a photo.',
    cause: `It said: "${htmlSummary(page)}". This is usually an error, login or block page of the photo server.`,
    hint: 'Retry later; if it persists, the photo server has a problem or refuses your IP.',
  });
}

function httpFailure(status: number): RetsError {
  return new RetsError({
    kind: 'http', transaction: 'GetObject', httpStatus: status,
    message: `The photo URL answered HTTP ${status}.`,
    hint: 'Retry later; the photo may have been removed from the MLS.',
  });
}

/** The bytes at a Location URL (http or https only), at most `cap` of them. */
export async function fetchLocationPhoto(location: string, cap: number, signal?: AbortSignal): Promise<Uint8Array> {
  let url: URL;
  try { url = new URL(location); } catch { url = new URL('invalid:'); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RetsError({ kind: 'protocol', transaction: 'GetObject', message: 'The object\'s Location is not an http(s) URL.', hint: 'Ask the MLS about the object; the workbench fetches photos only over http(s).' });
  }
  const stop = new AbortController();
  const res = await fetch(url, { signal: signal ? AbortSignal.any([signal, stop.signal]) : stop.signal });
  try {
    if (!res.ok) throw httpFailure(res.status);
    const declared = Number(res.headers.get('content-length') ?? '');
    if (declared > cap) throw tooLarge(cap);
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body) {
        size += chunk.byteLength;
        if (size > cap) throw tooLarge(cap);
        chunks.push(chunk);
      }
    }
    const data = Buffer.concat(chunks, size);
    const head = new TextDecoder().decode(data.subarray(0, 1024));
    if (isHtmlBody(res.headers.get('content-type') ?? undefined, head)) throw notPhoto(new TextDecoder().decode(data.subarray(0, 64 * 1024)));
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } finally {
    // Whatever is left of the body is not read.
    stop.abort();
  }
}
