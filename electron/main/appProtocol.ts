// Two privileged schemes: app://workbench/ serves the built renderer from inside the package (a
// real origin, so the CSP's 'self' means something and file:// is never used), and rw-media://
// serves photos and exported files from the host's cache.
import { protocol, net } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Host } from '../host/host';
import { mediaSchemeResponse } from '../host/mediaScheme';
import { APP_SCHEME, DESKTOP_CSP, isAppUrl, MEDIA_SCHEME } from './security';

/** Must run before app 'ready'. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function handleAppScheme(rendererDir: string): void {
  const root = normalize(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (!isAppUrl(request.url, undefined)) return new Response('Not found', { status: 404 });
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    if (rel === '/' || rel === '') rel = '/index.html';
    const path = normalize(join(root, rel));
    if (!path.startsWith(root + sep)) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(path).toString()).catch(() => undefined);
    if (!res || !res.ok) {
      // A single-page app: unknown paths get index.html.
      const index = await net.fetch(pathToFileURL(join(root, 'index.html')).toString());
      return new Response(index.body, { headers: { 'content-type': 'text/html', 'content-security-policy': DESKTOP_CSP } });
    }
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', DESKTOP_CSP);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

export function handleMediaScheme(host: Host): void {
  // rw-media://media/<profile>/<resource>/<type>/<key>/<id>  and  rw-media://downloads/<id>;
  // what may be shown inline and with which headers is the host's media policy.
  protocol.handle(MEDIA_SCHEME, (request) => mediaSchemeResponse(host, request.url));
}

export function mediaUrl(path: string): string {
  return `${MEDIA_SCHEME}://media/${path}`;
}
