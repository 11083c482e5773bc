// A Monaco TokensProvider from a pure line tokenizer (dmqlTokens.ts, odataTokens.ts): the line
// states are plain immutable objects, compared field by field.
import { monaco } from './setup';
import type { LineToken } from './dmqlTokens';

type Tokenize<S> = (line: string, state: S) => { tokens: LineToken[]; endState: S };

class LineState<S extends object> implements monaco.languages.IState {
  constructor(readonly s: S) {}
  clone(): LineState<S> { return this; }
  equals(other: monaco.languages.IState): boolean {
    if (!(other instanceof LineState)) return false;
    const o = other.s as Record<string, unknown>;
    return Object.entries(this.s).every(([k, v]) => o[k] === v);
  }
}

export function lineTokensProvider<S extends object>(initial: S, tokenize: Tokenize<S>): monaco.languages.TokensProvider {
  return {
    getInitialState: () => new LineState(initial),
    tokenize(line, state) {
      const r = tokenize(line, (state as LineState<S>).s);
      return { tokens: r.tokens, endState: new LineState(r.endState) };
    },
  };
}
