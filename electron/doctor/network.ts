// The network steps: DNS lookup, a bare TCP connect (which also tells us the local address the
// MLS will see, unless a NAT is in between) and a TLS handshake that reads the certificate even
// when it would be rejected, so the diagnosis can say why.
import { lookup } from 'node:dns/promises';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { CertificateFacts } from '../../shared/doctor';

export interface DnsResult { addresses: string[] }

export class NetError extends Error {
  constructor(readonly code: string | undefined, message: string) {
    super(message);
  }
}

function codeOf(e: unknown): string | undefined {
  const c = (e as { code?: unknown })?.code;
  return typeof c === 'string' ? c : undefined;
}

/** Race a promise against a timeout and an abort signal; rejects with NetError('ETIMEDOUT'). */
function bounded<T>(p: Promise<T>, ms: number, signal: AbortSignal | undefined, onGiveUp: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => { onGiveUp(); reject(new NetError('ETIMEDOUT', `No answer within ${ms} ms.`)); }, ms);
    const abort = () => { clearTimeout(timer); onGiveUp(); reject(new NetError('ABORT_ERR', 'Cancelled.')); };
    signal?.addEventListener('abort', abort, { once: true });
    p.then((v) => { clearTimeout(timer); signal?.removeEventListener('abort', abort); resolve(v); },
      (e) => { clearTimeout(timer); signal?.removeEventListener('abort', abort); reject(e); });
  });
}

export async function resolveHost(hostname: string, timeoutMs: number, signal?: AbortSignal): Promise<DnsResult> {
  if (isIP(hostname)) return { addresses: [hostname] };
  try {
    const found = await bounded(lookup(hostname, { all: true }), timeoutMs, signal, () => {});
    return { addresses: found.map((a) => a.address) };
  } catch (e) {
    throw e instanceof NetError ? e : new NetError(codeOf(e), (e as Error).message);
  }
}

export interface Endpoints { localAddress: string; remoteAddress: string }

function endpoints(s: Socket): Endpoints {
  const fmt = (a: string | undefined, p: number | undefined) => (a?.includes(':') ? `[${a}]:${p}` : `${a}:${p}`);
  return { localAddress: fmt(s.localAddress, s.localPort), remoteAddress: fmt(s.remoteAddress, s.remotePort) };
}

/** Open and close a TCP connection; a connection reset within a moment of opening counts as reset. */
export async function tcpConnect(address: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<Endpoints> {
  const socket = netConnect({ host: address, port });
  const opened = new Promise<Endpoints>((resolve, reject) => {
    socket.once('connect', () => resolve(endpoints(socket)));
    socket.once('error', (e) => reject(new NetError(codeOf(e), e.message)));
  });
  try {
    const ends = await bounded(opened, timeoutMs, signal, () => socket.destroy());
    // Allow-list firewalls often accept and reset at once: wait briefly to catch that.
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, 50);
      socket.once('error', (e) => { clearTimeout(t); reject(new NetError(codeOf(e), e.message)); });
      socket.once('close', () => { clearTimeout(t); resolve(); });
    });
    return ends;
  } finally {
    socket.destroy();
  }
}

export interface TlsResult {
  protocol: string;
  cipher: string;
  certificate: CertificateFacts;
}

function dn(x: PeerCertificate['subject'] | undefined): string {
  if (!x) return '(none)';
  return Object.entries(x).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`).join(', ');
}

/** TLS handshake with verification off, so a bad certificate can be described; the verdict comes from authorizationError. */
export async function tlsProbe(address: string, hostname: string, port: number, timeoutMs: number, signal?: AbortSignal, ca?: string[]): Promise<TlsResult> {
  const socket: TLSSocket = tlsConnect({
    host: address, port, rejectUnauthorized: false, ca,
    // SNI must be a name, never an IP address.
    servername: isIP(hostname) ? undefined : hostname,
    checkServerIdentity: () => undefined,
  });
  const done = new Promise<TlsResult>((resolve, reject) => {
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      let authorizationError = socket.authorized ? undefined : String(socket.authorizationError ?? '') || undefined;
      if (!authorizationError) {
        // We switched Node's own name check off (to get here at all): run it now.
        const err = checkName(hostname, cert);
        if (err) authorizationError = err;
      }
      resolve({
        protocol: socket.getProtocol() ?? 'unknown',
        cipher: socket.getCipher()?.name ?? 'unknown',
        certificate: {
          subject: dn(cert.subject), issuer: dn(cert.issuer), validFrom: cert.valid_from, validTo: cert.valid_to,
          authorizationError, hostname, altNames: cert.subjectaltname,
        },
      });
    });
    socket.once('error', (e) => reject(new NetError(codeOf(e), e.message)));
  });
  try {
    return await bounded(done, timeoutMs, signal, () => socket.destroy());
  } finally {
    socket.destroy();
  }
}

/** The host-name check Node and undici apply (we turned it off to read the certificate first). */
function checkName(hostname: string, cert: PeerCertificate): string | undefined {
  const err = checkServerIdentity(hostname, cert);
  return err ? ((err as { code?: string }).code ?? 'ERR_TLS_CERT_ALTNAME_INVALID') : undefined;
}
