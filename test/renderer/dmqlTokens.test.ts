// The DMQL2 editor's colouring agrees with the shared lexer: every lexer token starts an editor
// token whose class is the one the table gives its kind (field or value position decided by the
// parser's tree), including `.empty.` in any case, wildcards, dates, ranges and lookup lists;
// line-by-line tokenizing of a multi-line query gives the same as the single line.
import { describe, expect, it } from 'vitest';
import { DMQL_TOKEN_KINDS, lex, parse, type Expr } from '../../shared/dmql';
import { DMQL_TOKEN_CLASSES, tokenizeDmql } from '../../renderer/src/monaco/dmqlTokens';
import { randomQuery, rng } from '../dmql/helpers';

const CORPUS = [
  '(L_Status=.EMPTY.)',
  '(L_Status=.empty.)',
  '(L_Status=.Empty.),(L_Type=.any.)',
  '(L_City=Sea*),(L_Zip=981??)',
  '(L_ListDate=2026-01-01+)',
  '(L_Modified=2026-01-01T10:30:00-)',
  '(L_Time=10:30:00)',
  '(L_ListPrice=200000-500000)',
  '(L_ListPrice=12.5-)',
  '(L_Status=|A,B)',
  '(L_Status=~A,B)',
  '(L_Features=+Pool,Spa)',
  '~(L_Status=A)',
  '((L_Status=A)|(L_Status=B)),(L_ListPrice=100000+)',
  '(L_Status=A) AND NOT (L_Type=B) OR (L_City=Seattle)',
  '(L_Remarks="a ""quoted"" word")',
  '(L_Date=TODAY),(L_Stamp=NOW-)',
  '(L_Status=A) & (L_X=%)',
  '(L_Remarks="unterminated',
];

function fieldStarts(e: Expr | undefined, out: Set<number>): Set<number> {
  if (!e) return out;
  if (e.kind === 'criterion') out.add(e.field.range.start);
  else if (e.kind === 'or' || e.kind === 'and') for (const x of e.items) fieldStarts(x, out);
  else fieldStarts(e.expr, out);
  return out;
}

/** Checks the editor's tokens of `q` against the lexer; returns the kinds seen. */
function agree(q: string, seen: Set<string>): void {
  const editor = new Map(tokenizeDmql(q).map((t) => [t.offset, t.scopes]));
  const res = parse(q);
  // Field or value: the tree of a valid query says which words are field names.
  const fields = res.ast ? fieldStarts(res.ast.expr, new Set()) : undefined;
  let value = false;
  for (const t of lex(q)) {
    if (t.kind === 'eof') break;
    seen.add(t.kind);
    const cls = DMQL_TOKEN_CLASSES[t.kind][value ? 1 : 0];
    expect(editor.get(t.start), `${q} @${t.start} ${t.kind}`).toBe(cls);
    if (t.kind === 'text' && fields) expect(cls === 'field', `${q} @${t.start} field per parser`).toBe(fields.has(t.start));
    if (t.kind === 'equal') value = true;
    if (t.kind === 'lparen' || t.kind === 'rparen') value = false;
  }
  // No editor token starts inside a lexer token.
  const starts = new Set(lex(q).map((t) => t.start));
  const ends = new Set(lex(q).map((t) => t.end));
  for (const [offset, scopes] of editor) if (!starts.has(offset)) expect([ends.has(offset), scopes], `${q} @${offset}`).toEqual([true, '']);
}

describe('DMQL2 editor tokens', () => {
  it('agree with the lexer on every token kind over a corpus and 300 random queries', () => {
    const seen = new Set<string>();
    for (const q of CORPUS) agree(q, seen);
    const r = rng(7);
    for (let n = 0; n < 300; n += 1) agree(randomQuery(r), seen);
    expect([...seen].sort()).toEqual(DMQL_TOKEN_KINDS.filter((k) => k !== 'eof').sort());
  });

  it('colour .EMPTY. and .empty. (and .Any.) as keywords, as the lexer reads them', () => {
    for (const q of ['(A=.EMPTY.)', '(A=.empty.)', '(A=.Any.)']) {
      expect(lex(q)[3].kind).toMatch(/^(empty|any)$/);
      expect(tokenizeDmql(q).find((t) => t.offset === 3)?.scopes).toBe('keyword');
    }
  });

  it('tells fields from values, and the operators of each position', () => {
    const q = '(L_Status=|A,B),~(L_City=~Sea*)';
    const byText = tokenizeDmql(q).map((t, i, all) => [q.slice(t.offset, all[i + 1]?.offset ?? q.length), t.scopes]);
    expect(byText).toEqual([
      ['(', 'delimiter.paren'], ['L_Status', 'field'], ['=', 'operator.eq'], ['|', 'operator.value'], ['A', 'string.value'], [',', 'operator.value'],
      ['B', 'string.value'], [')', 'delimiter.paren'], [',', 'operator.logic'], ['~', 'operator.not'], ['(', 'delimiter.paren'], ['L_City', 'field'],
      ['=', 'operator.eq'], ['~', 'operator.value'], ['Sea', 'string.value'], ['*', 'operator.wildcard'], [')', 'delimiter.paren'],
    ]);
  });

  it('carry value position and open strings across lines like the whole text', () => {
    // The class of each non-blank character.
    const perChar = (s: string) => {
      const toks = tokenizeDmql(s);
      return [...s].map((c, i) => (/\s/.test(c) ? '' : toks.filter((t) => t.offset <= i).pop()!.scopes));
    };
    for (const q of ['(L_Status=\nA,B),\n(L_City=\nSeattle)', '(L_Remarks="two\nlines ""here"" ok"),(L_X=1)', '(L_ListPrice=\n200000-\n500000)']) {
      expect(perChar(q)).toEqual(perChar(q.replace(/\n/g, ' ')));
    }
  });
});
