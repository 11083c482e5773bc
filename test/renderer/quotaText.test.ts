// The status bar's quota words: the tightest window, each vendor's reset form, the Retry-After wait.
import { describe, expect, it } from 'vitest';
import { quotaText, resetText, tightestWindow, waitingText } from '../../renderer/src/shell/quotaText';

const at = '2026-12-07T05:00:00.000Z';
const quota = {
  at, raw: {},
  windows: [
    { window: 'burst', limit: 120, remaining: 3, reset: '42' },
    { window: 'hour', limit: 7200, remaining: 7000, reset: '2026-12-07T06:00:00.000Z' },
    { window: 'day', limit: 100 },
  ],
};

describe('quotaText', () => {
  it('shows the window closest to running out, with its reset', () => {
    expect(tightestWindow(quota)?.window).toBe('burst');
    expect(quotaText(quota)).toBe('quota 3/120 left (burst) · resets in 42 s');
    expect(quotaText({ ...quota, windows: [quota.windows[1]!] })).toBe('quota 7,000/7,200 left (hour) · resets 06:00 UTC');
  });

  it('reads a reset as seconds, an epoch in seconds or ms, or a date; says nothing without a usable window', () => {
    expect(resetText('1796624400', at)).toBe('resets 06:20 UTC');
    expect(resetText('1796624400000', at)).toBe('resets 06:20 UTC');
    expect(resetText('soon', at)).toBe('resets soon');
    expect(resetText(undefined, at)).toBeUndefined();
    expect(quotaText(undefined)).toBeUndefined();
    expect(quotaText({ ...quota, windows: [{ window: 'day', limit: 100 }] })).toBeUndefined();
  });

  it('counts a Retry-After wait down from its end', () => {
    expect(waitingText(30_000, '2026-12-07T05:00:30.000Z', Date.parse(at) + 10_000)).toBe('Retry-After: waiting 20 s');
    expect(waitingText(undefined, undefined, 0)).toBeUndefined();
  });
});
