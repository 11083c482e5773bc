// `rets-workbench dmql check|format|complete|hover QUERY …`: lint, pretty-print and explore
// DMQL2 queries from the command line, against a saved metadata file when one is given.
import { readFileSync } from 'node:fs';
import { buildSchema, complete, format, hover, parse, SchemaError, syntaxDiagnostic, validate, type Diagnostic, type DmqlSchema } from '../../shared/dmql';
import { parseMetadata } from '../../shared/rets/metadata';
import type { RetsMetadata } from '../../shared/rets/metadata/model';

const USAGE = `usage:
  rets-workbench dmql check QUERY [--metadata FILE --resource R --class C] [--standard-names] [--json]
  rets-workbench dmql format QUERY
  rets-workbench dmql complete QUERY [--offset N] [--metadata FILE --resource R --class C] [--json]
  rets-workbench dmql hover QUERY --offset N --metadata FILE --resource R --class C [--json]

FILE is a saved GetMetadata response (COMPACT or STANDARD-XML, raw HTTP capture accepted) or the
workbench's metadata cache (JSON). check exits 1 when the query has an error.
`;

interface Args { cmd: string; query: string; opts: Map<string, string>; flags: Set<string> }

const VALUED = new Set(['--metadata', '--resource', '--class', '--offset']);
const FLAGS = new Set(['--json', '--standard-names']);

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const [cmd, ...rest] = argv;
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let k = 0; k < rest.length; k += 1) {
    const a = rest[k];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (VALUED.has(name)) {
      const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : rest[(k += 1)];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      opts.set(name, v);
    } else if (FLAGS.has(a)) flags.add(a);
    else if (a.startsWith('--') && a.length > 2) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  if (!cmd || !['check', 'format', 'complete', 'hover'].includes(cmd)) throw new UsageError(cmd ? `unknown dmql command "${cmd}"` : 'missing command');
  if (positional.length !== 1) throw new UsageError(positional.length ? 'give the query as one argument (quote it)' : 'missing QUERY');
  return { cmd, query: positional[0], opts, flags };
}

/** Text of a saved file: UTF-8 when valid, else ISO-8859-1 (what RETS servers send without a charset). */
function readText(file: string): string {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

function isMetadata(x: unknown): x is RetsMetadata {
  return !!x && typeof x === 'object' && Array.isArray((x as RetsMetadata).resources);
}

/** A metadata file: the workbench cache (JSON RetsMetadata, possibly wrapped) or a GetMetadata body. */
export function loadMetadata(file: string): RetsMetadata {
  let text = readText(file);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    const json: unknown = JSON.parse(trimmed);
    if (isMetadata(json)) return json;
    const inner = json && typeof json === 'object' ? (json as { metadata?: unknown }).metadata : undefined;
    if (isMetadata(inner)) return inner;
    throw new Error(`${file} is JSON but not a saved RetsMetadata (no "resources" list)`);
  }
  // A raw HTTP capture: drop the status line and headers.
  if (/^HTTP\/\d/.test(trimmed)) {
    const m = /\r?\n\r?\n/.exec(trimmed);
    text = m ? trimmed.slice(m.index + m[0].length) : trimmed;
  }
  return parseMetadata(text);
}

function schemaFrom(a: Args): DmqlSchema | undefined {
  const file = a.opts.get('--metadata');
  if (!file) {
    if (a.opts.has('--resource') || a.opts.has('--class')) throw new UsageError('--resource and --class need --metadata FILE');
    return undefined;
  }
  const resource = a.opts.get('--resource');
  const cls = a.opts.get('--class');
  if (!resource || !cls) throw new UsageError('--metadata needs --resource R and --class C');
  return buildSchema(loadMetadata(file), resource, cls, { standardNames: a.flags.has('--standard-names') });
}

/** "error 1:8 unknown-field: message", the query, and carets under the range. */
export function printDiagnostic(query: string, d: Diagnostic): string {
  const width = Math.max(1, d.range.end - d.range.start);
  const cols = d.range.end - d.range.start > 1 ? `columns ${d.range.start + 1}-${d.range.end}` : `column ${d.range.start + 1}`;
  const lines = [`${d.severity} at ${cols} [${d.code}]: ${d.message}`, `  ${query}`, `  ${' '.repeat(d.range.start)}${'^'.repeat(width)}`];
  if (d.fix) lines.push(`  fix: ${d.fix.title}`);
  return lines.join('\n');
}

function check(a: Args, schema: DmqlSchema | undefined): number {
  const diagnostics = schema ? validate(a.query, schema) : parse(a.query).errors.map(syntaxDiagnostic);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (a.flags.has('--json')) process.stdout.write(`${JSON.stringify({ ok: errors === 0, diagnostics }, null, 2)}\n`);
  else if (diagnostics.length === 0) process.stdout.write(`ok${schema ? ` (checked against ${schema.resource}:${schema.className})` : ' (syntax only: give --metadata to check fields and values)'}\n`);
  else process.stdout.write(`${diagnostics.map((d) => printDiagnostic(a.query, d)).join('\n\n')}\n`);
  return errors ? 1 : 0;
}

function formatCmd(a: Args): number {
  const r = parse(a.query);
  if (!r.ast) {
    process.stderr.write(`${r.errors.map((e) => printDiagnostic(a.query, syntaxDiagnostic(e))).join('\n')}\n`);
    return 1;
  }
  process.stdout.write(`${format(r.ast)}\n`);
  return 0;
}

function offsetOf(a: Args): number {
  const raw = a.opts.get('--offset');
  if (raw === undefined) return a.query.length;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > a.query.length) throw new UsageError(`--offset must be a whole number from 0 to ${a.query.length}`);
  return n;
}

function completeCmd(a: Args, schema: DmqlSchema | undefined): number {
  const r = complete(a.query, offsetOf(a), schema);
  if (a.flags.has('--json')) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  else process.stdout.write(`${r.items.map((i) => `${i.label}\t${i.kind}\t${i.detail}`).join('\n')}\n`);
  return 0;
}

function hoverCmd(a: Args, schema: DmqlSchema | undefined): number {
  const h = hover(a.query, offsetOf(a), schema);
  if (a.flags.has('--json')) process.stdout.write(`${JSON.stringify(h ?? null, null, 2)}\n`);
  else process.stdout.write(`${h ? h.contents : '(nothing here)'}\n`);
  return 0;
}

export async function run(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(USAGE);
    return argv.length ? 0 : 2;
  }
  let a: Args;
  let schema: DmqlSchema | undefined;
  try {
    a = parseArgs(argv);
    schema = schemaFrom(a);
  } catch (e) {
    if (e instanceof UsageError) process.stderr.write(`rets-workbench dmql: ${e.message}\n\n${USAGE}`);
    else if (e instanceof SchemaError) process.stderr.write(`rets-workbench dmql: ${e.message}\n`);
    else process.stderr.write(`rets-workbench dmql: could not read the metadata: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  switch (a.cmd) {
    case 'check': return check(a, schema);
    case 'format': return formatCmd(a);
    case 'complete': return completeCmd(a, schema);
    default: return hoverCmd(a, schema);
  }
}
