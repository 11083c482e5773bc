// A login URL can carry a username and password (`http://bob:pw@host/login`). A password there
// would be stored in the profile file and shown to the renderer, so the host takes the userinfo
// out: the password goes to the secret store, the username to the profile's username field.

export interface SplitUrl {
  /** The URL without its userinfo, otherwise exactly as given. */
  url: string;
  username: string;
  password?: string;
}

/** The userinfo of a URL and the URL without it; undefined when it has none. A linear scan. */
export function splitUserinfo(url: string): SplitUrl | undefined {
  const scheme = url.indexOf('://');
  if (scheme < 0) return undefined;
  const start = scheme + 3;
  let end = url.length;
  for (const c of ['/', '?', '#', '\\']) {
    const i = url.indexOf(c, start);
    if (i >= 0 && i < end) end = i;
  }
  const at = url.lastIndexOf('@', end - 1);
  if (at < start) return undefined;
  const info = url.slice(start, at);
  const colon = info.indexOf(':');
  const username = decode(colon < 0 ? info : info.slice(0, colon));
  const password = colon < 0 ? undefined : decode(info.slice(colon + 1));
  return { url: url.slice(0, start) + url.slice(at + 1), username, ...(password ? { password } : {}) };
}

function decode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}
