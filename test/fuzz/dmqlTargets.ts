// Fuzz targets for the DMQL2 lexer and parser: queries come from users, saved snippets and
// imported files, and the editor runs them on every keystroke.
import { format, lex, parse } from '../../shared/dmql/index';
import { longRun, mutated, nested, repeated, soup } from './generators';
import { int } from './rng';
import type { FuzzTarget } from './types';

const latin1 = new TextDecoder('latin1');
const query = (bytes: Uint8Array): string => latin1.decode(bytes);

const TOKENS = ['(', ')', ',', '|', '~', '=', '-', '+', '*', '?', '.', 'AND', 'OR', 'NOT', ' ', '"', "'", 'Status', 'ListPrice',
  '2024-01-02', '2024-01-02T03:04:05', '12:30:00', '.EMPTY.', '.ANY.', 'TODAY', 'NOW', '200000-500000', '1.5+', 'A,P'];

function conditions(n: number, rng: () => number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`(F${int(rng, 0, 50)}=${int(rng, 0, 1) ? `|A,B,C` : `${int(rng, 0, 999)}-${int(rng, 1000, 9999)}`})`);
  return parts.join(',');
}

/** parse() never throws; an 'internal' error is an exception it caught, i.e. a bug. */
function parseChecked(q: string): void {
  const r = parse(q);
  const internal = r.errors.find((e) => e.code === 'internal');
  if (internal) throw new Error(`DMQL parse failed internally: ${internal.message}`);
  if (r.ast) format(r.ast);
}

const generators = [
  nested('nested groups', '', '(', ')', '', '(A=1)'),
  nested('unclosed groups', '', '(', '', '', 'A=1'),
  repeated('NOT repeated', '(', 'NOT ', 'A=1)'),
  repeated('many conditions', '', '(A=1),', '(B=2)'),
  repeated('OR chains', '(', '(A=1)|', '(B=2))'),
  repeated('long lookup list', '(A=|', 'X,', 'Y)'),
  repeated('wildcards', '(A=', '*?', 'Q)'),
  longRun('long field name', '(', 'F', '=1)'),
  longRun('unterminated quote', '(A="', 'x'),
  repeated('digits', '(A=', '9', ')'),
  repeated('dates', '(A=', '2024-01-02T', ')'),
  repeated('dashes', '(A=', '-', ')'),
  mutated('damaged query', conditions, TOKENS),
  soup('token soup', TOKENS),
];

export const dmqlTargets: FuzzTarget[] = [
  { name: 'DMQL2 lexer', parse: (bytes) => { lex(query(bytes)); }, generators, typed: () => false },
  { name: 'DMQL2 parser', parse: (bytes) => parseChecked(query(bytes)), generators, typed: () => false },
];
