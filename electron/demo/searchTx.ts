// The Search transaction: argument checks with the reply code a RETS server gives for each
// mistake, matching rows through the shared DMQL2 evaluator, then COMPACT, COMPACT-DECODED or
// STANDARD-XML streamed row by row (COMPACT rows of large searches encoded by worker threads, see
// workerRows.ts; or kept once formatted if a row store is set, see rowStore.ts).
import type { MetadataClass, MetadataResource, RetsMetadata } from '../../shared/rets/metadata/model';
import { BodyWriter } from './bodyWriter';
import type { DemoClass } from './catalog';
import { type Ctx, type ServerState, arg, baseHeaders, sendReply } from './context';
import type { EncodePool } from './encodePool';
import { bodyFaults } from './faults';
import type { FieldSpec } from './fieldSpec';
import { compileFilter } from './searchFilter';
import { type RowWriter, type SearchFormat, rowWriter } from './searchRows';
import { writeStoredRows } from './storedRows';
import { chunkRows, writeWorkerRows } from './workerRows';

export interface SearchTarget {
  demo: DemoClass;
  resource: MetadataResource;
  cls: MetadataClass;
  metadata: RetsMetadata;
}

/** Rows formatted together before they go to the body writer (about 200 KB of COMPACT). */
const BATCH_ROWS = 256;
/** Encoding time of a COMPACT cell in-process (~85 ns measured at 200,000 listings, all fields). */
const NS_PER_CELL = 85;

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
  const rows = rowWriter(format, target, fields, plan.standardNames, ctx.state.metadata, arg(ctx, 'RestrictedIndicator'));
  await w.write(rows.head);
  const rowOf = target.demo.row;
  const stores = ctx.state.rowStores;
  if (format !== 'STANDARD-XML' && stores.budget > 0) {
    const key = [target.resource.id, target.cls.name, format, plan.standardNames ? 'std' : 'sys', ...fields.map((f) => f.systemName)].join('\t');
    await writeStoredRows(w, stores, stores.get(key, target.demo.count), rows, matches, first, end, rowOf);
  } else if (rows.encoder) {
    const encodeHere = (from: number, to: number) => writeEncodedRows(w, rows, matches, from, to, rowOf);
    const pool = await encodePoolFor(ctx.state, end - first, fields.length);
    if (pool && format !== 'STANDARD-XML') {
      const spec = { resource: target.resource.id, cls: target.cls.name, format, standardNames: plan.standardNames, fields: fields.map((f) => f.systemName) };
      await writeWorkerRows(w, pool, spec, matches, first, end, ctx.state.tuning.encodeChunkRows || chunkRows(fields.length), encodeHere);
    } else {
      await encodeHere(first, end);
    }
  } else {
    // Rows go out in batches, each one string (one flatten and one UTF-8 encode per ~200 KB).
    for (let k = first; k < end; k += BATCH_ROWS) {
      const p = w.write(rows.rows(matches, k, Math.min(end, k + BATCH_ROWS), rowOf));
      if (p) await p;
    }
  }
  await w.write(rows.tail);
  if (truncated) await w.write('<MAXROWS />\r\n');
  await w.write('</RETS>\r\n');
  await w.end();
}

/** COMPACT rows go out as bytes in batches of ~200 KB, each encoded straight into one Buffer,
 * which the encoder uses again once the socket has sent it. */
async function writeEncodedRows(w: BodyWriter, rows: RowWriter, keys: Uint32Array, from: number, to: number, rowOf: (k: number) => number): Promise<void> {
  const enc = rows.encoder!(256 * 1024);
  for (let k = from; k < to; k += BATCH_ROWS) {
    const bytes = enc.encode(keys, k, Math.min(to, k + BATCH_ROWS), rowOf);
    await w.writeBytes(bytes, () => enc.recycle(bytes));
  }
}

/** The worker pool if this many rows are worth sending to it. While the workers are still
 * starting, a search waits for them up to half the time it would take in-process: at worst it
 * takes 1.5 times as long, and usually they are ready well before. */
async function encodePoolFor(state: ServerState, rows: number, columns: number): Promise<EncodePool | undefined> {
  const pool = state.encodePool;
  if (!pool || rows < state.tuning.encodeMinRows) return undefined;
  if (pool.usable) return pool;
  const inProcessMs = (rows * columns * NS_PER_CELL) / 1e6;
  if (pool.starting && (await pool.whenStarted(inProcessMs / 2))) return pool;
  return undefined;
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

/** Row positions (within the class) that match, in a growable typed array: 4 bytes a match. */
function collect(demo: DemoClass, filter: (row: number) => boolean): Uint32Array {
  let out = new Uint32Array(1024);
  let n = 0;
  for (let k = 0; k < demo.count; k++) {
    if (!filter(demo.row(k))) continue;
    if (n === out.length) { const bigger = new Uint32Array(out.length * 2); bigger.set(out); out = bigger; }
    out[n++] = k;
  }
  return out.subarray(0, n);
}
