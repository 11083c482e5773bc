// The pure diagnosis rules: observations in, plain words out.
import { describe, expect, it } from 'vitest';
import {
  diagnoseCapabilities, diagnoseCertificate, diagnoseLogin, diagnoseTcp, diagnoseUnauthenticated, diagnoseUrl,
  parseChallenges, renderReportMarkdown, verdictOf, pendingSteps, type LoginContext, type DoctorReport,
} from '../../shared/doctor';
import { REPLY_CODES } from '../../shared/rets/replyCodes';

const ctx: LoginContext = {
  username: 'joe', userAgent: 'Acme/1.0', uaPasswordSet: false, retsVersion: 'RETS/1.7.2',
  configuredScheme: 'auto', offeredSchemes: ['digest'],
};

describe('URL rules', () => {
  it('rejects malformed, non-http and credential-bearing URLs, warns about a missing path', () => {
    expect(diagnoseUrl('rets.example.com/login')).toMatchObject({ ok: false, diagnosis: { summary: 'The login URL is not a valid URL.' } });
    expect(diagnoseUrl('ftp://x.com/login')).toMatchObject({ ok: false });
    expect(diagnoseUrl('https://u:p@x.com/login')).toMatchObject({ ok: false });
    const ok = diagnoseUrl('https://rets.example.com');
    expect(ok.ok && ok.url.port).toBe(443);
    expect(ok.ok && ok.warning?.summary).toBe('The login URL has no path.');
  });
});

describe('network rules', () => {
  it('words a timeout with the whitelist advice', () => {
    const d = diagnoseTcp({ host: 'h', port: 6103, code: 'ETIMEDOUT', timeoutMs: 10_000 });
    expect(d.summary).toBe('Connection timed out after 10 s: the server did not answer.');
    expect(d.cause).toContain('whitelisted; send them the address below');
  });
  it('tells expired, self-signed and mismatched certificates apart', () => {
    const c = { subject: 'CN=a', issuer: 'CN=a', validFrom: 'x', validTo: 'y', hostname: 'h' };
    expect(diagnoseCertificate({ ...c, authorizationError: 'CERT_HAS_EXPIRED' })?.summary).toContain('expired');
    expect(diagnoseCertificate({ ...c, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' })?.summary).toContain('self-signed');
    expect(diagnoseCertificate({ ...c, authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID' })?.summary).toContain('name mismatch');
    expect(diagnoseCertificate(c)).toBeUndefined();
  });
});

describe('HTTP rules', () => {
  it('parses several challenges with realms', () => {
    expect(parseChallenges(['Digest realm="RETS Server", qop="auth", nonce="n"', 'Basic realm="b"'])).toEqual([
      { scheme: 'digest', realm: 'RETS Server' }, { scheme: 'basic', realm: 'b' },
    ]);
  });
  it('calls HTML with 200 a wrong path and warns when the configured scheme is not offered', () => {
    const o = { contentType: 'text/html', challenges: [], configuredScheme: 'auto' as const, retsVersion: 'RETS/1.7.2' };
    expect(diagnoseUnauthenticated({ ...o, status: 200, bodyHead: '<html><title>Welcome</title></html>' }).diagnosis?.summary).toContain('path is probably wrong');
    const basicOnly = diagnoseUnauthenticated({ ...o, status: 401, bodyHead: '', contentType: '', challenges: [{ scheme: 'basic' }], configuredScheme: 'digest' });
    expect(basicOnly.status).toBe('warning');
    expect(basicOnly.diagnosis?.summary).toContain('offers Basic authentication, but the profile is set to Digest');
  });
});

describe('login rules', () => {
  it('separates wrong credentials, UA required and IP allow-list', () => {
    expect(diagnoseLogin({ kind: 'auth', transaction: 'Login', message: 'x', httpStatus: 401 }, ctx).summary).toContain('rejected the username or password');
    expect(diagnoseLogin({ kind: 'rets', transaction: 'Login', message: 'x', httpStatus: 401, replyCode: 20041, replyText: 'UA required' }, ctx).summary)
      .toContain('requires a registered User-Agent');
    expect(diagnoseLogin({ kind: 'rets', transaction: 'Login', message: 'x', httpStatus: 401, replyCode: 20036, replyText: 'Your IP address is not authorized' }, ctx).summary)
      .toContain('allow-list');
    expect(diagnoseLogin({ kind: 'rets', transaction: 'Login', message: 'x', httpStatus: 400, replyCode: 20036, replyText: 'Unsupported RETS version' }, ctx).summary)
      .toBe('The server refuses the RETS version RETS/1.7.2.');
    expect(diagnoseLogin({ kind: 'rets', transaction: 'Login', message: 'x', replyCode: 20022, replyText: 'busy' }, ctx).summary).toContain('20022');
  });
  it('flags Basic-only servers when the profile insists on Digest', () => {
    const d = diagnoseLogin({ kind: 'auth', transaction: 'Login', message: 'x', httpStatus: 401 }, { ...ctx, configuredScheme: 'digest', offeredSchemes: ['basic'] });
    expect(d.actions[0]).toBe('Set the authentication scheme to Basic in the profile.');
  });
});

describe('capabilities and report', () => {
  it('lists missing standard capabilities', () => {
    expect(diagnoseCapabilities(['Login', 'Search', 'Logout'])?.summary).toBe('The login response lists no GetMetadata, GetObject URLs.');
    expect(diagnoseCapabilities(['Login', 'Search', 'Logout', 'GetMetadata', 'GetObject'])).toBeUndefined();
  });
  it('renders Markdown without the secrets it is told about', () => {
    const steps = pendingSteps();
    steps[0] = { ...steps[0]!, status: 'failed', facts: [{ label: 'URL', value: 'https://x/login?pw=hunter22' }], diagnosis: { summary: 'Bad', detail: 'd', cause: 'c', actions: ['a'] } };
    const report: DoctorReport = {
      target: { loginUrl: 'https://x/login?pw=hunter22', username: 'joe', userAgent: 'A/1', retsVersion: 'RETS/1.7.2', authScheme: 'auto', uaPasswordSet: true },
      startedAt: 's', finishedAt: 'f', steps, localAddress: '10.0.0.2:5000', verdict: verdictOf(steps),
    };
    const md = renderReportMarkdown(report, ['hunter22']);
    expect(md).not.toContain('hunter22');
    expect(md).toContain('| Login URL | FAIL |');
    expect(md).toContain('Local address (connection left from): 10.0.0.2:5000');
    expect(report.verdict).toMatchObject({ status: 'failed', stepId: 'url', summary: 'Bad' });
  });
});

describe('every login reply code in the catalogue', () => {
  it('gets its own plain-words diagnosis with the code kept', () => {
    const loginCodes = REPLY_CODES.filter((c) => c.code !== 0 && c.transactions.includes('Login'));
    expect(loginCodes.map((c) => c.code)).toEqual(expect.arrayContaining([20003, 20012, 20013, 20022, 20036, 20037, 20041, 20050]));
    for (const c of loginCodes) {
      const d = diagnoseLogin({ kind: 'rets', transaction: 'Login', message: 'x', replyCode: c.code, replyText: c.name }, ctx);
      expect(d.replyCode).toBe(c.code);
      expect(d.actions.length).toBeGreaterThan(0);
      if (c.code === 20037) expect(d.summary).toContain('does not accept the User-Agent');
      else if (c.code === 20041) expect(d.summary).toContain('requires a registered User-Agent');
      else if (c.code === 20210 || c.code === 20412 || c.code === 20512) expect(d.summary).toContain('rate-limiting');
      else expect(d.summary).toBe(`The server refused the login: RETS ${c.code} ${c.name}.`);
    }
  });
});
