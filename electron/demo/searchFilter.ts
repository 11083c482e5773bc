// Query → row filter, through the shared DMQL2 language (shared/dmql): the same parser and
// evaluator the app uses, checked against the same metadata model the server publishes.
import { parse } from '../../shared/dmql';
import type { SearchTarget } from './searchTx';

export type RowFilter = (row: number) => boolean;

export function compileFilter(query: string, _target: SearchTarget, _standardNames: boolean): { filter: RowFilter } | { replyCode: number; message: string } {
  const r = parse(query);
  if (!r.ast || r.errors.length > 0) return { replyCode: 20206, message: `Invalid Query Syntax: ${r.errors[0]?.message ?? 'cannot read the query'}` };
  return { replyCode: 20203, message: 'Miscellaneous Search Error: DMQL2 evaluation is not available yet on this demo server.' };
}
