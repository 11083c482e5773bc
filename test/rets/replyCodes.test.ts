import { describe, expect, it } from 'vitest';
import { REPLY_CODES, isEmptyResultCode, replyCodeInfo } from '../../shared/rets/replyCodes';

describe('reply code catalogue', () => {
  it('lists every code of RETS-PROTOCOL.md §10', () => {
    const codes = REPLY_CODES.map((c) => c.code);
    const expected = [0, 10000, 20003, 20012, 20013, 20022, 20036, 20037, 20041, 20050, 20140, 20141, 20142,
      20200, 20201, 20202, 20203, 20206, 20207, 20208, 20209, 20210, 20211, 20212, 20213,
      20301, 20302, 20303, 20311, 20312, 20400, 20401, 20402, 20403, 20406, 20407, 20408, 20409,
      20410, 20411, 20412, 20413, 20500, 20501, 20502, 20503, 20506, 20507, 20508, 20509, 20510,
      20511, 20512, 20513, 20514, 20701, 20702];
    for (let c = 20800; c <= 20813; c++) expected.push(c);
    expect(codes.sort((a, b) => a - b)).toEqual(expected);
    for (const c of REPLY_CODES) {
      expect(c.name.length).toBeGreaterThan(3);
      expect(c.meaning.length).toBeGreaterThan(10);
      expect(c.action.length).toBeGreaterThan(5);
      expect(c.transactions.length).toBeGreaterThan(0);
    }
  });
  it('speaks to integrators about UA authentication and IP whitelisting', () => {
    expect(replyCodeInfo(20037).action).toMatch(/registered User-Agent/);
    expect(replyCodeInfo(20041).action).toMatch(/User-Agent/);
    expect(replyCodeInfo(20036).meaning).toMatch(/whitelist/);
    expect(replyCodeInfo(20036).action).toMatch(/ReplyText/);
    expect(replyCodeInfo(20201).name).toBe('No records found');
    expect(replyCodeInfo(20201).transactions).toEqual(['Search']);
  });
  it('gives unknown codes a generic entry naming the range', () => {
    expect(replyCodeInfo(20599).name).toBe('Unlisted metadata error (205xx)');
    expect(replyCodeInfo(20599).transactions).toEqual(['GetMetadata']);
    expect(replyCodeInfo(20205).name).toMatch(/search.*202xx/);
    expect(replyCodeInfo(31337).name).toBe('Unknown reply code');
  });
  it('marks the empty-result codes', () => {
    expect(isEmptyResultCode(20201)).toBe(true);
    expect(isEmptyResultCode(20203)).toBe(false);
  });
});
