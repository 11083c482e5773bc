// `rets-workbench odata check|format|complete|hover FILTER …`: lint, pretty-print and explore OData
// $filter expressions from the command line, against a saved $metadata (and the Lookup resource's
// values) when given; without --metadata, check reads the syntax only.
import { csdlToFilterInput } from '../../shared/odata/csdl/toFilterModel';
import {
  buildFilterModel, completeFilter, filterSchema, FilterSchemaError, formatFilter, hoverFilter, parseFilter, syntaxDiagnostic, validateFilter,
  type FilterSchema,
} from '../../shared/odata/filter/index';
import { intValue, parseCommandArgs, stringValue, stringValues, UsageError, withUsage, type ParsedArgs } from './args';
import { printDiagnostic } from './dmql';
import { loadCsdl, loadLookups, readSaved, SavedFileError } from './odataFiles';

const USAGE = `usage:
  rets-workbench odata check FILTER [--metadata FILE --entity-set NAME [--lookups FILE…]] [--json]
  rets-workbench odata format FILTER
  rets-workbench odata complete FILTER [--offset N] [--metadata FILE --entity-set NAME [--lookups FILE…]] [--json]
  rets-workbench odata hover FILTER [--offset N] [--metadata FILE --entity-set NAME [--lookups FILE…]] [--json]

FILTER is a $filter expression (quote it). FILE is a saved $metadata (CSDL XML or JSON) and, for
--lookups, a saved page of the Lookup resource (GET /Lookup; repeat --lookups for each page):
bare bodies or \`curl -i\` captures.
--offset counts characters from 0 (default: the end). check exits 1 when the filter has an error.
`;

const COMMANDS = ['check', 'format', 'complete', 'hover'] as const;
type Command = (typeof COMMANDS)[number];

const OPTIONS = {
  metadata: { type: 'string' }, 'entity-set': { type: 'string' }, lookups: { type: 'string', multiple: true }, offset: { type: 'string' }, json: { type: 'boolean' },
} as const;

interface Request { cmd: Command; filter: string; values: ParsedArgs['values'] }

function request(argv: string[]): Request {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const [cmd, ...rest] = positionals;
  if (!cmd) throw new UsageError('missing command (check, format, complete or hover)');
  if (!(COMMANDS as readonly string[]).includes(cmd)) throw new UsageError(`unknown odata command "${cmd}"`);
  if (rest.length !== 1) throw new UsageError(rest.length ? 'give the filter as one argument (quote it)' : 'missing FILTER');
  return { cmd: cmd as Command, filter: rest[0]!, values };
}

/** The schema of --entity-set in --metadata, with --lookups' values; undefined without --metadata. */
function schemaOf(values: ParsedArgs['values']): FilterSchema | undefined {
  const file = stringValue(values, 'metadata');
  const entitySet = stringValue(values, 'entity-set');
  const lookupFiles = stringValues(values, 'lookups');
  if (!file) {
    if (entitySet || lookupFiles.length) throw new UsageError('--entity-set and --lookups need --metadata FILE');
    return undefined;
  }
  const model = buildFilterModel(csdlToFilterInput(loadCsdl(readSaved(file), file), lookupFiles.length ? loadLookups(lookupFiles) : undefined));
  if (!entitySet) throw new UsageError(`--metadata needs --entity-set NAME (entity sets: ${[...model.entitySets.keys()].join(', ') || 'none'})`);
  return filterSchema(model, entitySet);
}

function check(r: Request, schema: FilterSchema | undefined): number {
  const diagnostics = schema ? validateFilter(r.filter, schema) : parseFilter(r.filter).errors.map(syntaxDiagnostic);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (r.values.json) process.stdout.write(`${JSON.stringify({ ok: errors === 0, diagnostics }, null, 2)}\n`);
  else if (diagnostics.length === 0) process.stdout.write(`ok${schema ? ` (checked against ${schema.entitySet}, OData ${schema.version})` : ' (syntax only: give --metadata and --entity-set to check names, types and values)'}\n`);
  else process.stdout.write(`${diagnostics.map((d) => printDiagnostic(r.filter, d)).join('\n\n')}\n`);
  return errors ? 1 : 0;
}

function format(r: Request): number {
  const p = parseFilter(r.filter);
  if (!p.ast) {
    process.stderr.write(`${p.errors.map((e) => printDiagnostic(r.filter, syntaxDiagnostic(e))).join('\n')}\n`);
    return 1;
  }
  process.stdout.write(`${formatFilter(p.ast)}\n`);
  return 0;
}

function offsetOf(r: Request): number {
  return intValue(r.values, 'offset', 0, r.filter.length) ?? r.filter.length;
}

function complete(r: Request, schema: FilterSchema | undefined): number {
  const c = completeFilter(r.filter, offsetOf(r), schema);
  if (r.values.json) process.stdout.write(`${JSON.stringify(c, null, 2)}\n`);
  else process.stdout.write(`${c.items.map((i) => `${i.label}\t${i.kind}\t${i.detail}`).join('\n')}\n`);
  return 0;
}

function hover(r: Request, schema: FilterSchema | undefined): number {
  const h = hoverFilter(r.filter, offsetOf(r), schema);
  if (r.values.json) process.stdout.write(`${JSON.stringify(h ?? null, null, 2)}\n`);
  else process.stdout.write(`${h ? h.contents : '(nothing here)'}\n`);
  return 0;
}

export async function run(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return argv.length ? 0 : 2;
  }
  return withUsage('odata', USAGE, async () => {
    const r = request(argv);
    let schema: FilterSchema | undefined;
    try {
      // format needs no schema: a broken metadata file must not stop it.
      schema = r.cmd === 'format' ? undefined : schemaOf(r.values);
    } catch (e) {
      if (!(e instanceof SavedFileError) && !(e instanceof FilterSchemaError)) throw e;
      process.stderr.write(`rets-workbench odata: ${e.message}\n`);
      return 2;
    }
    switch (r.cmd) {
      case 'check': return check(r, schema);
      case 'format': return format(r);
      case 'complete': return complete(r, schema);
      default: return hover(r, schema);
    }
  });
}
