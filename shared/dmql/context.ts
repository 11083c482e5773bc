// A tolerant left-to-right reading of a (possibly unfinished) query, for completion and hover:
// which part of the grammar the cursor is in, which field a value belongs to, and what each
// token is. It never fails; unparseable stretches just reset to "expecting a condition".
import { lex } from './lexer';
import type { Token } from './tokens';

export type Mode =
  | 'element' // expecting `(` or NOT (start, after `,` `|` AND OR NOT)
  | 'open' // just after a `(`: a field name or a nested group
  | 'field' // field name word(s) typed, no `=` yet
  | 'value' // after `=`, inside the value
  | 'after'; // after a complete condition or group: `,` `|` `)` expected

export type Role = 'field' | 'value' | 'operator' | 'paren' | 'other';

export interface ScanState {
  mode: Mode;
  /** Open parentheses still unclosed. */
  depth: number;
  /** Field words typed since the `(` (mode field), or the criterion's field token (mode value). */
  fieldWords: Token[];
  /** Offset where a field name starts or would start (just after the `(`). */
  fieldStart: number;
  /** Tokens of the value so far (mode value). */
  valueTokens: Token[];
}

export interface Annotated { token: Token; role: Role; field?: Token; valueStart?: number }

const WORDS = new Set(['text', 'number', 'and', 'or', 'not', 'today', 'now']);

export function scan(tokens: Token[], limit = tokens.length, notes?: Annotated[]): ScanState {
  const st: ScanState = { mode: 'element', depth: 0, fieldWords: [], fieldStart: 0, valueTokens: [] };
  let field: Token | undefined;
  let valueStart = 0;
  for (let k = 0; k < limit; k += 1) {
    const t = tokens[k];
    if (t.kind === 'eof') break;
    let role: Role = 'other';
    switch (st.mode) {
      case 'element':
        if (t.kind === 'lparen') { st.depth += 1; st.mode = 'open'; st.fieldStart = t.end; st.fieldWords = []; role = 'paren'; } else if (t.kind === 'not' || t.kind === 'tilde') role = 'operator';
        else if (WORDS.has(t.kind)) { st.mode = 'field'; st.fieldStart = t.start; st.fieldWords = [t]; role = 'field'; }
        break;
      case 'open':
        if (t.kind === 'lparen') { st.depth += 1; st.fieldStart = t.end; role = 'paren'; } else if (t.kind === 'not' || t.kind === 'tilde') { st.mode = 'element'; role = 'operator'; } else if (WORDS.has(t.kind)) { st.mode = 'field'; st.fieldWords = [t]; role = 'field'; } else st.mode = 'element';
        break;
      case 'field':
        if (t.kind === 'equal') { st.mode = 'value'; field = st.fieldWords[st.fieldWords.length - 1]; valueStart = t.end; st.valueTokens = []; role = 'operator'; } else if (WORDS.has(t.kind)) { st.fieldWords.push(t); role = 'field'; } else if (t.kind === 'lparen') { st.depth += 1; st.mode = 'open'; st.fieldStart = t.end; role = 'paren'; } else st.mode = 'element';
        break;
      case 'value':
        if (t.kind === 'rparen') { st.depth = Math.max(0, st.depth - 1); st.mode = 'after'; role = 'paren'; } else { st.valueTokens.push(t); role = 'value'; }
        break;
      case 'after':
        if (t.kind === 'rparen') { st.depth = Math.max(0, st.depth - 1); role = 'paren'; } else if (t.kind === 'comma' || t.kind === 'pipe' || t.kind === 'and' || t.kind === 'or') { st.mode = 'element'; role = 'operator'; } else if (t.kind === 'lparen') { st.depth += 1; st.mode = 'open'; st.fieldStart = t.end; st.fieldWords = []; role = 'paren'; }
        break;
    }
    if (notes) notes.push(role === 'value' ? { token: t, role, field, valueStart } : { token: t, role, field: role === 'field' ? t : undefined });
  }
  if (st.mode === 'value' && field) st.fieldWords = [field];
  return st;
}

/** Every token with its role and, for values, the field it belongs to. */
export function annotate(src: string): Annotated[] {
  const notes: Annotated[] = [];
  scan(lex(src), undefined, notes);
  return notes;
}
