// The Search transaction: argument checks with the reply code a RETS server gives for each
// mistake, matching rows through the shared DMQL2 evaluator, then COMPACT, COMPACT-DECODED or
// STANDARD-XML streamed row by row.
import type { MetadataClass, MetadataResource, RetsMetadata } from '../../shared/rets/metadata/model';
import { BodyWriter } from './bodyWriter';
import type { DemoClass } from './catalog';
import { type Ctx, arg, baseHeaders, sendReply } from './context';
import { bodyFaults } from './faults';
import type { FieldSpec } from './fieldSpec';
import { compileFilter } from './searchFilter';
import type { SearchFormat } from '../../shared/rets/search/types';
import { rowFormatter } from './searchRows';

export interface SearchTarget {
  demo: DemoClass;
  resource: MetadataResource;
  cls: MetadataClass;
  metadata: RetsMetadata;
}

class SearchArgError extends Error {
  constructor(readonly replyCode: number, message: string) { super(message); }
}

export function findTarget(ctx: Ctx, standardNames: boolean): SearchTarget {
  const type = arg(ctx, 'SearchType');
  const clsName = arg(ctx, 'Class');
  if (!type) throw new SearchArgError(20203, 'Miscellaneous Search Error: SearchType is required (a resource such as Property).');
  if (!clsName) throw new SearchArgError(20203, 'Miscellaneous Search Error: Class is required (e.g. RES).');
  const md = ctx.state.metadata;
  const resource = md.resources.find((r) => (standardNames ? r.standardName : r.id).toLowerCase() === type.toLowerCase());
  if (!resource) throw new SearchArgError(20203, `Miscellaneous Search Error: unknown SearchType "${type}"; resources are ${md.resources.map((r) => (standardNames ? r.standardName : r.id)).join(', ')}.`);
  const cls = resource.classes.find((c) => (standardNames ? c.standardName : c.name).toLowerCase() === clsName.toLowerCase());
  if (!cls) throw new SearchArgError(20203, `Miscellaneous Search Error: unknown Class "${clsName}" in ${resource.id}; classes are ${resource.classes.map((c) => (standardNames ? c.standardName : c.name)).join(', ')}.`);
  const demo = ctx.state.catalog.find((r) => r.id === resource.id)!.classes.find((c) => c.name === cls.name)!;
  return { demo, resource, cls, metadata: md };
}

function intArg(ctx: Ctx, name: string, fallback: number, allowNone = false): number {
  const v = arg(ctx, name);
  if (v === undefined || v === '') return fallback;
  if (allowNone && v.toUpperCase() === 'NONE') return Infinity;
  if (!/^\d+$/.test(v)) throw new SearchArgError(20203, `Miscellaneous Search Error: ${name} must be a whole number${allowNone ? ' or NONE' : ''}, got "${v}".`);
  return Number(v);
}

function selectFields(ctx: Ctx, t: SearchTarget, standardNames: boolean): FieldSpec[] {
  const all = t.demo.fields.filter((f) => !standardNames || f.standardName);
  const select = arg(ctx, 'Select');
  if (!select) return all;
  const out: FieldSpec[] = [];
  for (const raw of select.split(',')) {
    const name = raw.trim();
    if (!name) continue;
    const f = all.find((x) => (standardNames ? x.standardName : x.systemName) === name);
    if (!f) throw new SearchArgError(20202, `Invalid Select: "${name}" is not a field of ${t.resource.id}:${t.cls.name}${standardNames ? ' (StandardNames=1: use StandardNames)' : ''}.`);
    if (!out.includes(f)) out.push(f);
  }
  return out;
}

function formatOf(ctx: Ctx): SearchFormat {
  const f = (arg(ctx, 'Format') ?? 'STANDARD-XML').toUpperCase();
  if (f === 'COMPACT' || f === 'COMPACT-DECODED') return f;
  if (f === 'STANDARD-XML') return f;
  if (f.startsWith('STANDARD-XML:')) throw new SearchArgError(20514, `Requested DTD version unavailable: "${f.slice(13)}"; ask for STANDARD-XML without a version.`);
  throw new SearchArgError(20203, `Miscellaneous Search Error: unsupported Format "${f}"; use COMPACT, COMPACT-DECODED or STANDARD-XML.`);
}

export async function handleSearch(ctx: Ctx): Promise<void> {
  let plan;
  try {
    plan = planSearch(ctx);
  } catch (e) {
    if (e instanceof SearchArgError) return sendReply(ctx, e.replyCode, e.message);
    throw e;
  }
  const { target, fields, format, count, limit, offset, matches } = plan;
  const total = matches.length;
  const first = offset - 1;
  const cap = Math.min(limit, ctx.state.maxRows);
  const end = Math.min(total, first + cap);
  const truncated = end < total && limit > ctx.state.maxRows;
  if (count === 2) return sendReply(ctx, 0, 'Operation Successful', 200, `<COUNT Records="${total}" />\r\n`);
  if (total === 0 || first >= total) return sendReply(ctx, 20201, 'No Records Found');

  ctx.res.writeHead(200, baseHeaders(ctx));
  const w = new BodyWriter(ctx.res, bodyFaults(ctx));
  await w.write('<?xml version="1.0" encoding="UTF-8"?>\r\n<RETS ReplyCode="0" ReplyText="Operation Successful">\r\n');
  if (count === 1) await w.write(`<COUNT Records="${total}" />\r\n`);
  const rows = rowFormatter(format, target, fields, plan.standardNames, ctx.state.metadata);
  await w.write(rows.head);
  const rowOf = target.demo.row;
  for (let k = first; k < end; k++) {
    const sent = w.write(rows.row(rowOf(matches[k])));
    if (sent) await sent;
  }
  await w.write(rows.tail);
  if (truncated) await w.write('<MAXROWS />\r\n');
  await w.write('</RETS>\r\n');
  await w.end();
}

function planSearch(ctx: Ctx) {
  const standardNames = arg(ctx, 'StandardNames') === '1';
  const target = findTarget(ctx, standardNames);
  const queryType = (arg(ctx, 'QueryType') ?? 'DMQL2').toUpperCase();
  if (queryType !== 'DMQL2' && queryType !== 'DMQL') throw new SearchArgError(20203, `Miscellaneous Search Error: Invalid Query Type "${queryType}"; use DMQL2.`);
  const format = formatOf(ctx);
  const fields = selectFields(ctx, target, standardNames);
  const count = intArg(ctx, 'Count', 0);
  if (count > 2) throw new SearchArgError(20203, 'Miscellaneous Search Error: Count must be 0, 1 or 2.');
  const limit = intArg(ctx, 'Limit', Infinity, true);
  const offset = Math.max(1, intArg(ctx, 'Offset', 1));
  const query = arg(ctx, 'Query');
  if (!query) throw new SearchArgError(20206, 'Invalid Query Syntax: Query is required, e.g. (L_Status=|A).');
  const compiled = compileFilter(query, target, standardNames);
  if ('replyCode' in compiled) throw new SearchArgError(compiled.replyCode, compiled.message);
  const matches = collect(target.demo, compiled.filter);
  return { target, fields, format, count, limit, offset, matches, standardNames };
}

/** Row positions (within the class) that match. */
function collect(demo: DemoClass, filter: (row: number) => boolean): number[] {
  const out: number[] = [];
  for (let k = 0; k < demo.count; k++) if (filter(demo.row(k))) out.push(k);
  return out;
}
