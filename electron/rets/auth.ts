// HTTP authentication state for one session: which scheme, the current Digest nonce and its
// counter. Answers a 401 on any request (servers check every request, and nonces expire).
import { DigestAuth, basicAuthorization, parseAuthenticate, toDigestChallenge } from './digest';
import type { ConnectionSettings } from './types';

export class Authenticator {
  private digest?: DigestAuth;
  private basic = false;

  constructor(private readonly settings: Pick<ConnectionSettings, 'username' | 'password' | 'authScheme'>) {
    // A forced Basic profile sends credentials up front (some servers never send a challenge).
    if (settings.authScheme === 'basic') this.basic = true;
  }

  /** The Authorization header for a request, or undefined before any challenge. */
  authorization(method: string, uri: string): string | undefined {
    if (this.digest) return this.digest.authorize(method, uri);
    if (this.basic) return basicAuthorization(this.settings.username, this.settings.password);
    return undefined;
  }

  /**
   * Take in a 401's WWW-Authenticate. Returns true when retrying the request with new credentials
   * can help (first challenge, or stale=true); false when our answer was refused.
   */
  challenge(wwwAuthenticate: string | string[] | undefined, sentAuthorization: boolean): boolean {
    const challenges = parseAuthenticate(wwwAuthenticate);
    const scheme = this.settings.authScheme;
    const digestChallenge = scheme === 'basic' ? undefined : challenges.map(toDigestChallenge).find((d) => d !== undefined);
    if (digestChallenge) {
      // Our answer was refused unless the server says the nonce merely went stale.
      if (sentAuthorization && !digestChallenge.stale) return false;
      this.digest = new DigestAuth(digestChallenge, this.settings.username, this.settings.password);
      this.basic = false;
      return true;
    }
    const offersBasic = challenges.some((c) => c.scheme === 'basic');
    if (scheme !== 'digest' && (offersBasic || scheme === 'basic')) {
      if (this.basic && sentAuthorization) return false;
      this.basic = true;
      this.digest = undefined;
      return true;
    }
    return false;
  }

  /** Forget the nonce (re-login starts a new HTTP auth exchange). */
  reset(): void {
    this.digest = undefined;
    this.basic = this.settings.authScheme === 'basic';
  }
}
