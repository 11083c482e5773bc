// Query → row filter, through the shared DMQL2 language (shared/dmql): the same parser, validator
// and evaluator the app uses, against the same metadata model the server publishes. Validation
// problems become the reply codes a RETS server gives (Variman: unknown field or lookup value →
// 20200, other query errors → 20206).
import { buildSchema, compile, parse } from '../../shared/dmql';
import { validate } from '../../shared/dmql/validate';
import type { SearchTarget } from './searchTx';

export type RowFilter = (row: number) => boolean;

const UNKNOWN_FIELD_CODES = new Set(['unknown-field', 'wrong-name-kind', 'unknown-lookup-value', 'field-case', 'not-searchable']);

export function compileFilter(query: string, target: SearchTarget, standardNames: boolean, md = target.metadata): { filter: RowFilter } | { replyCode: number; message: string } {
  const parsed = parse(query);
  if (!parsed.ast || parsed.errors.length > 0) return { replyCode: 20206, message: `Invalid Query Syntax: ${parsed.errors[0]?.message ?? 'cannot read the query'}.` };
  const schema = buildSchema(md, target.resource.id, target.cls.name, { standardNames });
  const diagnostics = validate(parsed.ast, schema);
  const unknown = diagnostics.find((d) => UNKNOWN_FIELD_CODES.has(d.code));
  if (unknown) return { replyCode: 20200, message: `Unknown Query Field: ${unknown.message}` };
  const error = diagnostics.find((d) => d.severity === 'error');
  if (error) return { replyCode: 20206, message: `Invalid Query Syntax: ${error.message}` };
  const predicate = compile(parsed.ast, schema);
  // One accessor reused for every row: the evaluator asks for columns by the names the query used.
  const getters = new Map(target.demo.fields.map((f) => [standardNames ? f.standardName : f.systemName, f.get] as const));
  let current = 0;
  const record = (column: string) => getters.get(column)?.(current);
  return { filter: (row) => { current = row; return predicate(record); } };
}
