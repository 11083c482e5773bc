// Which URLs the page may open in the user's browser. Only https, and only URLs the host itself
// showed the user: the capability URLs of a login it made (an MLS's X- pages such as support or
// account settings). A string from the page alone is never enough, so a page that runs hostile
// script cannot hand the OS a file:, custom-scheme or look-alike URL to open.
import type { LoginInfo } from '../../shared/contract';

/** An https URL without credentials, in canonical form; undefined for anything else. */
export function httpsUrl(text: string): string | undefined {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return undefined;
  return u.href;
}

export class ExternalLinks {
  private readonly shown = new Set<string>();

  /** Remembers the https capability URLs of a login the host made. */
  noteLogin(login: LoginInfo | undefined): void {
    for (const url of Object.values(login?.capabilities ?? {})) {
      const https = httpsUrl(url);
      if (https) this.shown.add(https);
    }
  }

  /** The URL to hand to the OS, or undefined when the host never showed it. */
  allowed(url: string): string | undefined {
    const https = httpsUrl(url);
    return https !== undefined && this.shown.has(https) ? https : undefined;
  }
}
