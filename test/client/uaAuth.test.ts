import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { uaA1, uaAuthorizationHeader, uaDigest } from '../../electron/rets/uaAuth';

describe('RETS-UA-Authorization', () => {
  it('matches the vectors of RETS-PROTOCOL.md', () => {
    expect(uaA1('MyRETSClient/1.0', 'secret')).toBe('a73e2e45daf7b6d23ad07f94c49362fc');
    expect(uaDigest({ userAgent: 'MyRETSClient/1.0', uaPassword: 'secret', sessionId: 'ABC123', retsVersion: 'RETS/1.7.2' }))
      .toBe('dc95204ba45e76a53164aeeb92293d90');
    expect(uaDigest({ userAgent: 'MyRETSClient/1.0', uaPassword: 'secret', requestId: 'REQ1', sessionId: 'ABC123', retsVersion: 'RETS/1.7.2' }))
      .toBe('d9eb45da22e3675e0f2021ed0f3bd49a');
  });

  it('matches a value computed by hand step by step (login: empty session id)', () => {
    const md5 = (s: string): string => createHash('md5').update(s).digest('hex');
    const a1 = md5('Workbench/2.0:uapass');
    const expected = md5(`${a1}:::RETS/1.8`);
    expect(uaAuthorizationHeader({ userAgent: 'Workbench/2.0', uaPassword: 'uapass', retsVersion: 'RETS/1.8' }))
      .toBe(`Digest ${expected}`);
  });

  it('is case-sensitive in the User-Agent', () => {
    const a = uaDigest({ userAgent: 'Client/1.0', uaPassword: 'p', sessionId: 'S', retsVersion: 'RETS/1.7.2' });
    const b = uaDigest({ userAgent: 'client/1.0', uaPassword: 'p', sessionId: 'S', retsVersion: 'RETS/1.7.2' });
    expect(a).not.toBe(b);
  });
});
