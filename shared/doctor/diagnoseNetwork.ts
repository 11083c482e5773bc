// Diagnosis rules for the steps below HTTP: the URL, DNS, TCP and TLS. Each maps an observation
// (an error code, a certificate's facts) to plain words and what to do.
import type { Diagnosis } from './types';
import { formatSeconds } from './format';

const WHITELIST = 'MLS servers often drop connections from addresses they have not whitelisted; send them the address below.';

export interface ParsedLoginUrl {
  protocol: 'http:' | 'https:';
  host: string;
  /** Host without IPv6 brackets, for DNS. */
  hostname: string;
  port: number;
  path: string;
}

export type UrlCheck = { ok: true; url: ParsedLoginUrl; warning?: Diagnosis } | { ok: false; diagnosis: Diagnosis };

/** How the URL under test is named in the words of its diagnoses. */
export interface UrlWords {
  /** "login URL", "service root". */
  name: string;
  example: string;
  /** Paths such URLs normally have. */
  paths: string;
  protocol: string;
}

export const LOGIN_URL_WORDS: UrlWords = {
  name: 'login URL', example: 'https://rets.example.com/rets/login', paths: '/rets/login or /Login.asmx/Login', protocol: 'RETS',
};

export const SERVICE_ROOT_WORDS: UrlWords = {
  name: 'service root', example: 'https://api.example.com/reso/odata', paths: '/reso/odata or /v2/odata', protocol: 'The RESO Web API',
};

/** Is the login URL (or service root) usable? A URL with no path is allowed but warned about. */
export function diagnoseUrl(raw: string, words: UrlWords = LOGIN_URL_WORDS): UrlCheck {
  const text = raw.trim();
  const n = words.name;
  const fail = (summary: string, cause: string, actions: string[]): UrlCheck => ({
    ok: false, diagnosis: { summary, detail: `The ${n} given was "${text}".`, cause, actions },
  });
  if (!text) return fail(`No ${n} was given.`, `The profile has an empty ${n}.`, [`Enter the ${n} the MLS sent you, e.g. ${words.example}.`]);
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    const hint = /^[\w.-]+\.[a-z]{2,}(?::\d+)?\//i.test(text) ? ' It looks like the http:// or https:// in front is missing.' : '';
    return fail(`The ${n} is not a valid URL.`, `It could not be parsed.${hint}`, [`Copy the full ${n} from the MLS, starting with https:// (or http://).`]);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    return fail(`The ${n} uses "${u.protocol}", not http or https.`, `${words.protocol} runs over HTTP or HTTPS only.`, [`Use the http:// or https:// ${n} the MLS gave you.`]);
  }
  if (!u.hostname) return fail(`The ${n} has no server name.`, 'The host part is empty.', [`Check the ${n}.`]);
  const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
  const url: ParsedLoginUrl = {
    protocol: u.protocol, host: u.host, hostname: u.hostname.replace(/^\[|\]$/g, ''), port, path: u.pathname || '/',
  };
  if (u.username || u.password) {
    return fail(`The ${n} contains a user name or password.`, 'Credentials belong in the profile, not in the URL (they would be logged and sent in clear).', ['Remove the "user:password@" part from the URL and enter them in the profile.']);
  }
  if (url.path === '/' || url.path === '') {
    return {
      ok: true, url, warning: {
        summary: `The ${n} has no path.`,
        detail: `The URL is "${text}"; ${n}s normally end in a path such as ${words.paths}.`,
        cause: 'The path may have been left out when copying the URL.',
        actions: [`Check the full ${n} with the MLS.`],
      },
    };
  }
  return { ok: true, url };
}

/** The name did not resolve. */
export function diagnoseDns(hostname: string, code: string | undefined): Diagnosis {
  const temporary = code === 'EAI_AGAIN' || code === 'ETIMEOUT' || code === 'ESERVFAIL';
  return {
    summary: temporary
      ? `The server name ${hostname} could not be looked up right now: the DNS server did not answer.`
      : `The server name ${hostname} does not exist (DNS lookup failed).`,
    detail: `DNS lookup of ${hostname} failed${code ? ` with ${code}` : ''}.`,
    cause: temporary ? 'The DNS server is unreachable or slow, or this machine is offline.' : 'The host name in the login URL is misspelt, or it exists only inside a VPN or private network.',
    actions: temporary
      ? ['Check this machine\'s network connection and DNS settings, then try again.']
      : ['Check the spelling of the host name in the login URL.', 'If the MLS gave you a VPN, connect it first.'],
  };
}

export interface TcpFailure {
  host: string;
  port: number;
  /** Node error code, or 'ETIMEDOUT' for our own connect timeout. */
  code: string | undefined;
  timeoutMs: number;
  message?: string;
}

/** The TCP connection could not be made (or was torn down right away). */
export function diagnoseTcp(f: TcpFailure): Diagnosis {
  const where = `${f.host}:${f.port}`;
  switch (f.code) {
    case 'ECONNREFUSED':
      return {
        summary: `Connection refused by ${where}: nothing is listening on that port.`,
        detail: `The server's machine answered, but rejected a connection on port ${f.port}.`,
        cause: 'The port in the login URL is wrong, the RETS service is down, or a firewall rejects the connection.',
        actions: ['Check the port in the login URL (RETS servers often use 80, 443, 6103 or a port the MLS names).', 'Ask the MLS whether the server is up.'],
      };
    case 'ETIMEDOUT':
      return {
        summary: `Connection timed out after ${formatSeconds(f.timeoutMs)}: the server did not answer.`,
        detail: `No answer from ${where} within ${formatSeconds(f.timeoutMs)}.`,
        cause: `A firewall is silently dropping the connection. ${WHITELIST}`,
        actions: ['Send the MLS the local address below and ask them to whitelist your public IP address.', 'Check the host and port in the login URL.', 'If you are behind a corporate firewall or VPN, check it allows this port.'],
      };
    case 'ECONNRESET':
      return {
        summary: `The connection to ${where} was reset by the server.`,
        detail: 'The server (or a firewall in front of it) accepted and then immediately tore down the connection.',
        cause: `This is typical of an IP allow-list or a firewall. ${WHITELIST}`,
        actions: ['Ask the MLS to whitelist your public IP address (send them the address below).', 'Check the scheme: an https server on an http URL (or the reverse) can look like this.'],
      };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return {
        summary: `${where} cannot be reached from this network.`,
        detail: `The network reported ${f.code}.`,
        cause: 'There is no route to the server: the address is private, the VPN is down, or this machine is offline.',
        actions: ['Check this machine\'s network and VPN.', 'Check the host in the login URL.'],
      };
    default:
      return {
        summary: `The connection to ${where} failed${f.code ? ` (${f.code})` : ''}.`,
        detail: f.message ?? 'The TCP connection could not be made.',
        cause: 'A network problem between this machine and the server.',
        actions: ['Check the host and port in the login URL and this machine\'s network.'],
      };
  }
}

/** What was seen of the server's certificate. */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** OpenSSL's verify result, e.g. CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID. */
  authorizationError?: string;
  hostname: string;
  /** Names the certificate is valid for. */
  altNames?: string;
}

const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const UNKNOWN_ISSUER = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT']);

/** A certificate Node would reject. undefined when it is valid. */
export function diagnoseCertificate(c: CertificateFacts): Diagnosis | undefined {
  const e = c.authorizationError;
  if (!e) return undefined;
  const detail = `Certificate subject ${c.subject}, issued by ${c.issuer}, valid ${c.validFrom} to ${c.validTo}.`;
  if (e === 'CERT_HAS_EXPIRED') {
    return {
      summary: `The server's TLS certificate expired on ${c.validTo}.`, detail,
      cause: 'The MLS let its certificate lapse, or this machine\'s clock is wrong.',
      actions: ['Check this machine\'s date and time.', 'Tell the MLS support desk their certificate has expired.'],
    };
  }
  if (e === 'CERT_NOT_YET_VALID') {
    return {
      summary: `The server's TLS certificate is not valid until ${c.validFrom}.`, detail,
      cause: 'This machine\'s clock is probably wrong (or the MLS installed a certificate dated in the future).',
      actions: ['Check this machine\'s date and time.'],
    };
  }
  if (SELF_SIGNED.has(e)) {
    return {
      summary: 'The server\'s TLS certificate is self-signed: no trusted authority vouches for it.', detail,
      cause: 'The server uses a certificate it made itself (a test server, or a misconfigured one), or something is intercepting the connection.',
      actions: ['Ask the MLS for the correct login URL; production servers use a certificate from a public authority.', 'If the MLS confirms the certificate, add its authority to this machine\'s trusted certificates (NODE_EXTRA_CA_CERTS).'],
    };
  }
  if (UNKNOWN_ISSUER.has(e)) {
    return {
      summary: 'The server\'s TLS certificate is signed by an authority this machine does not trust.', detail,
      cause: 'The server does not send its intermediate certificates, or a corporate proxy is intercepting TLS.',
      actions: ['Tell the MLS their certificate chain is incomplete.', 'Behind a corporate proxy, add its root certificate with NODE_EXTRA_CA_CERTS.'],
    };
  }
  if (e === 'ERR_TLS_CERT_ALTNAME_INVALID' || /hostname|altname/i.test(e)) {
    return {
      summary: `The server's TLS certificate is not for ${c.hostname} (name mismatch).`,
      detail: `${detail}${c.altNames ? ` It covers: ${c.altNames}.` : ''}`,
      cause: 'The login URL uses a different host name than the certificate (an alias, an IP address or an old name).',
      actions: ['Use the host name the certificate is issued for, as the MLS documents it.', 'Ask the MLS which URL to use.'],
    };
  }
  return {
    summary: `The server's TLS certificate was rejected (${e}).`, detail,
    cause: 'The certificate could not be verified.',
    actions: ['Tell the MLS support desk the verification error above.'],
  };
}

/** A certificate that works but expires soon. */
export function certificateWarning(c: CertificateFacts, now: Date, days = 14): Diagnosis | undefined {
  const to = new Date(c.validTo);
  if (Number.isNaN(to.getTime())) return undefined;
  const left = (to.getTime() - now.getTime()) / 86_400_000;
  if (left < 0 || left > days) return undefined;
  return {
    summary: `The server's TLS certificate expires in ${Math.ceil(left)} day(s), on ${c.validTo}.`,
    detail: `Certificate subject ${c.subject}, issued by ${c.issuer}.`,
    cause: 'The MLS has not renewed its certificate yet.',
    actions: ['Tell the MLS their certificate is about to expire.'],
  };
}

/** The TLS handshake itself failed (no certificate to judge). */
export function diagnoseTlsHandshake(code: string | undefined, message: string, timeoutMs: number): Diagnosis {
  if (code === 'ETIMEDOUT') {
    return {
      summary: `The TLS handshake timed out after ${formatSeconds(timeoutMs)}.`,
      detail: 'The connection opened but the server never completed the secure handshake.',
      cause: 'The port may serve plain HTTP, or a firewall is holding the connection.',
      actions: ['Check whether the login URL should start with http:// instead of https://.', 'Ask the MLS to whitelist your IP address.'],
    };
  }
  if (code === 'ECONNRESET') {
    return {
      summary: 'The server reset the connection during the TLS handshake.',
      detail: message,
      cause: `The server refuses this TLS version or cipher, or a firewall drops clients it does not know. ${WHITELIST}`,
      actions: ['Ask the MLS to whitelist your IP address.', 'Ask the MLS which TLS versions the server supports.'],
    };
  }
  const plainHttp = code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|packet length too long/i.test(message);
  return {
    summary: plainHttp ? 'The server does not speak TLS on this port: it looks like plain HTTP.' : `The TLS handshake failed${code ? ` (${code})` : ''}.`,
    detail: message,
    cause: plainHttp ? 'The login URL says https:// but the server answers plain http on that port.' : 'The server and this machine could not agree on a secure connection (an old TLS version or cipher).',
    actions: plainHttp ? ['Try the login URL with http:// (or the https port the MLS names).'] : ['Ask the MLS which TLS versions and ciphers the server supports.'],
  };
}
