// The fields the user's snippets use, as "Resource.Name": their Select lists and the fields their
// queries test (DMQL2: the name before "="; a Web API $filter: its property names).
import type { Snippet } from '../../../shared/contract';
import { lex } from '../../../shared/dmql/lexer';

const ODATA_WORDS = new Set(['and', 'or', 'not', 'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'has', 'in', 'true', 'false', 'null',
  'contains', 'startswith', 'endswith', 'tolower', 'toupper', 'trim', 'length', 'indexof', 'substring', 'year', 'month', 'day', 'now', 'date', 'any', 'all']);

/** Property names in a $filter: words outside quotes that are not operators, functions or literals. */
function filterNames(q: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (c === "'") { const end = q.indexOf("'", i + 1); i = end < 0 ? q.length : end + 1; continue; }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < q.length && /[\w/]/.test(q[j]!)) j++;
      const word = q.slice(i, j);
      if (!ODATA_WORDS.has(word.toLowerCase()) && q[j] !== "'") out.push(word.split('/')[0]!);
      i = j;
      continue;
    }
    i++;
  }
  return out;
}

function dmqlFields(q: string): string[] {
  const tokens = lex(q);
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) if (tokens[i]!.kind === 'text' && tokens[i + 1]!.kind === 'equal') out.push(tokens[i]!.text);
  return out;
}

export function snippetFields(snippets: readonly Snippet[]): Set<string> {
  const out = new Set<string>();
  for (const s of snippets) {
    const names = [...(s.select ?? []), ...(s.protocol === 'webapi' ? filterNames(s.query) : dmqlFields(s.query))];
    for (const n of names) out.add(`${s.resource}.${n}`);
  }
  return out;
}
