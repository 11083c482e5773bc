import { describe, expect, it } from 'vitest';
import { RetsError, describeError, isRetsError } from '../../shared/rets/errors';

describe('RetsError', () => {
  it('describes a RETS failure in one readable line with the reply code', () => {
    const info = {
      kind: 'rets' as const,
      transaction: 'Search' as const,
      message: 'The search was refused.',
      replyCode: 20206,
      replyText: 'Invalid Query Syntax',
      cause: 'The server could not parse the DMQL2 query.',
      hint: 'Check the parentheses around each criterion.',
    };
    expect(describeError(info)).toBe(
      'The search was refused. RETS 20206 "Invalid Query Syntax". The server could not parse the DMQL2 query. Check the parentheses around each criterion.',
    );
    const err = new RetsError(info);
    expect(isRetsError(err)).toBe(true);
    expect(err.replyCode).toBe(20206);
    expect(err.message).toBe('The search was refused.');
  });
});
