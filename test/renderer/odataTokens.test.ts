// The $filter editor's colouring agrees with the shared $filter lexer: every lexer token starts
// an editor token of its kind's class (names refined to operator word, constant, function or
// property path as the parser reads them), over the $filter examples and hand-picked edge cases;
// line-by-line tokenizing carries open strings like the whole text.
import { describe, expect, it } from 'vitest';
import { lex, type TokenKind } from '../../shared/odata/filter';
import { ODATA_TOKEN_CLASSES, tokenizeOData, tokenClass } from '../../renderer/src/monaco/odataTokens';
import { ABNF_PASS, ODATA_401_EXAMPLES, ODATA_EXAMPLES, RESO_EXAMPLES } from '../odata/examples';

const CORPUS = [
  "StandardStatus eq 'Active' and ListPrice gt 500000",
  "StandardStatus in ('Active','Pending') or not (City eq 'O''Brien')",
  'ModificationTimestamp ge 2026-01-01T00:00:00Z and ListingContractDate lt 2026-02-01',
  'ShowingStartTime ge 10:30:00 and ListingGuid eq 01234567-89ab-cdef-0123-456789abcdef',
  "PropertyType eq Odata.Models.PropertyType'Residential' and DaysOnMarketDuration gt duration'P30D'",
  "Appliances/any(a: a eq 'Dishwasher') and Media/$count gt 3 and Media/all(m: m/Order ge -1)",
  "contains(tolower(City), 'sea') and year(ModificationTimestamp) eq 2026 and ListAgent/MemberFirstName ne null",
  'ListPrice div 2 add 10 mul 3 sub 1 mod 7 le LivingArea divby 1.5e2',
  'Utilities has org.reso.metadata.enums.Utilities\'Gas\' and WaterfrontYN eq true',
  'ListPrice = 100 && City != "Seattle" || ! WaterfrontYN',
  'ListPrice eq INF or LivingArea eq NaN and $it/City eq \'x\' % #',
  "City eq 'unterminated",
];

/** The classes the parser implies for a few names, by position in the text. */
function classAt(q: string, needle: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i += 1) at = q.indexOf(needle, at + 1);
  return tokenizeOData(q).find((t) => t.offset === at)!.scopes;
}

describe('$filter editor tokens', () => {
  it('agree with the lexer on every token kind', () => {
    const seen = new Set<TokenKind>();
    for (const q of [...CORPUS, ...ODATA_EXAMPLES, ...ODATA_401_EXAMPLES, ...RESO_EXAMPLES, ...ABNF_PASS]) {
      const editor = new Map(tokenizeOData(q).map((t) => [t.offset, t.scopes]));
      const tokens = lex(q);
      for (let k = 0; k < tokens.length - 1; k += 1) {
        const t = tokens[k];
        seen.add(t.kind);
        expect(editor.get(t.start), `${q} @${t.start} ${t.kind}`).toBe(tokenClass(tokens, k));
        if (t.kind !== 'name') expect(editor.get(t.start)).toBe(ODATA_TOKEN_CLASSES[t.kind as Exclude<TokenKind, 'eof'>]);
      }
      const starts = new Set(tokens.map((t) => t.start));
      const ends = new Set(tokens.map((t) => t.end));
      for (const [offset, scopes] of editor) if (!starts.has(offset)) expect([ends.has(offset), scopes], `${q} @${offset}`).toEqual([true, '']);
    }
    expect([...seen].sort()).toEqual(Object.keys(ODATA_TOKEN_CLASSES).sort());
  });

  it('reads names as the parser does: operators, constants, functions, lambdas, paths', () => {
    const q = "contains(City, 'x') and Appliances/any(a: a eq 'Range') or not WaterfrontYN eq null";
    expect(classAt(q, 'contains')).toBe('function');
    expect(classAt(q, 'City')).toBe('field');
    expect(classAt(q, 'and')).toBe('keyword.operator');
    expect(classAt(q, 'any')).toBe('keyword');
    expect(classAt(q, 'a:')).toBe('field');
    expect(classAt(q, ':')).toBe('operator.lambda');
    expect(classAt(q, 'eq')).toBe('keyword.operator');
    expect(classAt(q, 'not')).toBe('keyword.operator');
    expect(classAt(q, 'null')).toBe('keyword');
    expect(classAt(q, '/')).toBe('operator.path');
    // A property named like a function is a property unless called.
    expect(classAt('year eq 2026', 'year')).toBe('field');
  });

  it('carries an open string across lines like the whole text', () => {
    const perChar = (s: string) => {
      const toks = tokenizeOData(s);
      return [...s].map((c, i) => (/\s/.test(c) ? '' : toks.filter((t) => t.offset <= i).pop()!.scopes));
    };
    for (const q of ["PublicRemarks eq 'two\nlines ''here'' ok' and\nListPrice gt 1", "PropertyType eq NS.T'Resi\ndential' or City eq\n'x'"]) {
      expect(perChar(q)).toEqual(perChar(q.replace(/\n/g, ' ')));
    }
  });
});
