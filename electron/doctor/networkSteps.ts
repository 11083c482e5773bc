// The probe's first four steps, the same for RETS and the Web API: the URL, DNS, a bare TCP connect
// (which tells the local address the server sees, unless a NAT is in between) and the TLS handshake.
import {
  certificateWarning, diagnoseCertificate, diagnoseDns, diagnoseTcp, diagnoseTlsHandshake, diagnoseUrl, safeUrl,
  type DoctorFact, type ParsedLoginUrl, type UrlWords,
} from '../../shared/doctor';
import { NetError, resolveHost, tcpConnect, tlsProbe } from './network';
import type { StepOutcome, StepRunner } from './stepRunner';

export interface NetworkFindings {
  url?: ParsedLoginUrl;
  addresses: string[];
  connected?: string;
  localAddress?: string;
  remoteAddress?: string;
}

export interface NetworkOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  now?: () => Date;
  ca?: string[];
}

export const codeOf = (e: unknown) => (e instanceof NetError ? e.code : (e as { code?: string })?.code);

export async function networkSteps(runner: StepRunner, rawUrl: string, words: UrlWords, o: NetworkOptions): Promise<NetworkFindings> {
  const { timeoutMs, signal } = o;
  const net: NetworkFindings = { addresses: [] };

  await runner.run('url', async () => {
    const check = diagnoseUrl(rawUrl, words);
    if (!check.ok) return { status: 'failed', facts: [{ label: 'URL', value: safeUrl(rawUrl) }], diagnosis: check.diagnosis };
    net.url = check.url;
    const facts = [{ label: 'Scheme', value: check.url.protocol.slice(0, -1) }, { label: 'Host', value: check.url.hostname }, { label: 'Port', value: String(check.url.port) }, { label: 'Path', value: check.url.path }];
    return check.warning ? { status: 'warning', facts, diagnosis: check.warning } : { status: 'passed', facts };
  });

  await runner.run('dns', async () => {
    const url = net.url!;
    try {
      net.addresses = (await resolveHost(url.hostname, timeoutMs, signal)).addresses;
      return { status: 'passed', facts: [{ label: 'Addresses', value: net.addresses.join(', ') }] };
    } catch (e) {
      return { status: 'failed', diagnosis: diagnoseDns(url.hostname, codeOf(e)) };
    }
  });

  await runner.run('tcp', async () => {
    const url = net.url!;
    let last: unknown;
    // Try each address (an unreachable IPv6 address before a working IPv4 one is common).
    for (const address of net.addresses.slice(0, 3)) {
      try {
        const ends = await tcpConnect(address, url.port, timeoutMs, signal);
        net.connected = address;
        net.localAddress = ends.localAddress;
        net.remoteAddress = ends.remoteAddress;
        return { status: 'passed', facts: [{ label: 'Connected to', value: ends.remoteAddress }, { label: 'Local address', value: ends.localAddress }] };
      } catch (e) {
        last = e;
      }
    }
    return { status: 'failed', diagnosis: diagnoseTcp({ host: url.hostname, port: url.port, code: codeOf(last), timeoutMs, message: (last as Error)?.message }) };
  });

  if (net.url?.protocol === 'https:') {
    await runner.run('tls', () => tlsStep(net.url!, net.connected ?? net.addresses[0]!, timeoutMs, o.now?.() ?? new Date(), signal, o.ca));
  } else {
    runner.skip('tls', `the ${words.name} uses plain http`);
  }
  return net;
}

async function tlsStep(url: ParsedLoginUrl, address: string, timeoutMs: number, now: Date, signal?: AbortSignal, ca?: string[]): Promise<StepOutcome> {
  try {
    const t = await tlsProbe(address, url.hostname, url.port, timeoutMs, signal, ca);
    const c = t.certificate;
    const facts: DoctorFact[] = [
      { label: 'Protocol', value: t.protocol }, { label: 'Cipher', value: t.cipher },
      { label: 'Subject', value: c.subject }, { label: 'Issuer', value: c.issuer },
      { label: 'Valid', value: `${c.validFrom} to ${c.validTo}` },
      { label: 'Host name match', value: c.authorizationError === 'ERR_TLS_CERT_ALTNAME_INVALID' ? 'no' : 'yes' },
    ];
    const bad = diagnoseCertificate(c);
    if (bad) return { status: 'failed', facts, diagnosis: bad };
    const soon = certificateWarning(c, now);
    return soon ? { status: 'warning', facts, diagnosis: soon } : { status: 'passed', facts };
  } catch (e) {
    return { status: 'failed', diagnosis: diagnoseTlsHandshake(codeOf(e), (e as Error).message, timeoutMs) };
  }
}
