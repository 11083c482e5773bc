// Cross-check with an independent OData parser from npm (odata-v4-parser, which predates 4.01:
// it does not know `in (...)`, `cast`, `divby` or case-insensitive operators, so those forms
// stay out; it also accepts `A eq 'a''`, an unterminated string, so that one stays out too): both accept the same filters and reject the same broken ones.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { formatFilter, parseFilter } from '../../shared/odata/filter';
import { ODATA_EXAMPLES, RESO_EXAMPLES } from './examples';
import { rng } from './fixture';
import { randomCondition } from './generate';

const require = createRequire(import.meta.url);
const peer = require('odata-v4-parser') as { filter(q: string): unknown };

function peerAccepts(q: string): boolean {
  try { peer.filter(q); return true; } catch { return false; }
}

const PORTABLE = ODATA_EXAMPLES.filter((q) => !q.includes('divby'));

const BROKEN = [
  'A eq', 'A eq 1 and', '(A eq 1', 'A eq 1)', 'A = 1', "A eq 'x", 'eq 1', 'A eq 1 B eq 2', 'contains(A', 'A eq "x"', 'Items/any(d gt 1)',
  'A eq 1 or', "StandardStatus eq 'Active' and", '()', 'A gt gt 1', 'A/any(x: x eq 1', 'A eq 1,', 'A eq @', "contains(City,'x'",
];

describe('cross-check with odata-v4-parser', () => {
  it.each([...PORTABLE, ...RESO_EXAMPLES])('both accept %s', (q) => {
    expect(parseFilter(q).errors).toEqual([]);
    expect(peerAccepts(q)).toBe(true);
  });

  it.each(BROKEN)('both reject %s', (q) => {
    expect(parseFilter(q).ast).toBeUndefined();
    expect(peerAccepts(q)).toBe(false);
  });

  it('both accept what our formatter prints for 500 generated 4.0-portable trees', () => {
    const r = rng(7);
    for (let n = 0; n < 500; n += 1) {
      const text = formatFilter(randomCondition(r, 0, undefined, true));
      expect(parseFilter(text).errors, text).toEqual([]);
      expect(peerAccepts(text), text).toBe(true);
    }
  });
});
