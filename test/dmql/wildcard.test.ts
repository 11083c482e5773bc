// DMQL2 wildcards: the same answers as the anchored regular expression the evaluator used
// before, without its backtracking (work counted in steps, bounded by pattern × text).
import { describe, expect, it } from 'vitest';
import { wildcardMatchCounted, wildcardMatcher } from '../../shared/dmql/wildcard';
import { seeded as rng } from '../fuzz/rng';

/** The former evaluator's translation, kept here as the oracle for small inputs. */
function oracle(pattern: string, caseSensitive: boolean): RegExp {
  let src = '';
  for (const ch of pattern) {
    if (ch === '*') src += '.*';
    else if (ch === '?') src += '.';
    else src += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${src}$`, caseSensitive ? 's' : 'is');
}


describe('wildcards: semantics', () => {
  it.each([
    ['Chi*', 'Chicago', false, true],
    ['Chi*', 'chicago', false, true],
    ['Chi*', 'chicago', true, false],
    ['*ca*', 'Chicago', false, true],
    ['Chi?ago', 'Chicago', false, true],
    ['Chi?ago', 'Chiago', false, false],
    ['?', '', false, false],
    ['*', '', false, true],
    ['', '', false, true],
    ['', 'a', false, false],
    ['a**b', 'ab', false, true],
    ['*?*?*Q', 'Main St', false, false],
    ['M*n?St', 'Main\nSt', false, true],
    ['a.c', 'abc', false, false],
    ['(x)', '(X)', false, true],
    ['caf\u00e9', 'CAF\u00c9', false, true],
    ['stra\u00dfe', 'STRASSE', false, false],
    ['\u017f', 's', false, false],
    ['\u212a', 'k', false, false],
    ['?', '\u{1F600}', false, false],
    ['??', '\u{1F600}', false, true],
  ] as const)('%j against %j (case-sensitive %s) is %s', (pattern, text, cs, want) => {
    expect(wildcardMatcher(pattern, cs)(text)).toBe(want);
    expect(oracle(pattern, cs).test(text)).toBe(want);
  });

  it('agrees with the former regular expression on 20,000 random pairs', () => {
    const next = rng(12);
    const alphabet = ['a', 'A', 'b', 'B', '*', '?', '\n', '\u00e9', '\u00c9', '\u00df', '\u017f', 's', 'S', '\u212a', 'k', '.', '\u{1F600}'];
    const word = (max: number, stars: boolean) => {
      let s = '';
      const len = Math.floor(next() * max);
      for (let k = 0; k < len; k++) {
        const ch = alphabet[Math.floor(next() * alphabet.length)];
        s += !stars && (ch === '*' || ch === '?') ? 'a' : ch;
      }
      return s;
    };
    let mismatches = 0;
    let matched = 0;
    for (let k = 0; k < 20000; k++) {
      const pattern = word(7, true);
      const text = word(9, false);
      const cs = next() < 0.3;
      const got = wildcardMatcher(pattern, cs)(text);
      if (got !== oracle(pattern, cs).test(text)) mismatches++;
      if (got) matched++;
    }
    expect(mismatches).toBe(0);
    expect(matched).toBeGreaterThan(500);
  });
});

describe('wildcards: work', () => {
  it('the hostile `*?*?…Q` pattern takes at most pattern × text steps', () => {
    const pattern = '*?'.repeat(40) + '*Q';
    const text = '1234 North Michigan Avenue Unit 1207 '.repeat(30);
    const work = { steps: 0 };
    expect(wildcardMatchCounted(pattern, text, false, work)).toBe(false);
    expect(work.steps).toBeGreaterThan(0);
    expect(work.steps).toBeLessThanOrEqual((pattern.length + 1) * (text.length + 1));
  });

  it('random patterns and texts stay within pattern × text steps', () => {
    const next = rng(7);
    let worst = 0;
    for (let k = 0; k < 2000; k++) {
      const pick = (len: number, chars: string) => Array.from({ length: len }, () => chars[Math.floor(next() * chars.length)]).join('');
      const pattern = pick(1 + Math.floor(next() * 30), 'ab*?');
      const text = pick(Math.floor(next() * 200), 'ab');
      const work = { steps: 0 };
      wildcardMatchCounted(pattern, text, true, work);
      worst = Math.max(worst, work.steps / ((pattern.length + 1) * (text.length + 1)));
    }
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('a run of stars counts as one', () => {
    const few = { steps: 0 };
    const many = { steps: 0 };
    wildcardMatchCounted('a*b', 'a'.repeat(500), false, few);
    wildcardMatchCounted(`a${'*'.repeat(200)}b`, 'a'.repeat(500), false, many);
    expect(many.steps).toBe(few.steps);
  });
});
