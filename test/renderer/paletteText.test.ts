import { describe, expect, it } from 'vitest';
import { historyMeta, queryTarget } from '../../renderer/src/dialogs/paletteText';

describe('palette text', () => {
  it('names a RETS query by resource and class, a Web API query by its entity set once', () => {
    expect(queryTarget({ resource: 'Property', class: 'RES' })).toBe('Property/RES');
    expect(queryTarget({ protocol: 'rets', resource: 'Property', class: 'RES' })).toBe('Property/RES');
    expect(queryTarget({ protocol: 'webapi', resource: 'Property', class: 'Property' })).toBe('Property (Web API)');
  });

  it('says which connection a history entry ran on, and leaves it out for a removed one', () => {
    const h = { profileId: 'p1', rows: 1234, elapsedMs: 1880, startedAt: '2026-12-07T08:03:41.000Z' };
    const known = historyMeta(h, (id) => (id === 'p1' ? 'Demo slow' : undefined));
    expect(known.startsWith('Demo slow · ')).toBe(true);
    expect(known).toContain(' rows · 1.88 s · ');
    const removed = historyMeta({ ...h, profileId: 'gone' }, () => undefined);
    expect(removed.startsWith(`${(1234).toLocaleString()} rows`)).toBe(true);
  });
});
