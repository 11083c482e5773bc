// `rets-workbench odata check|format|complete|hover FILTER …`: lint, pretty-print and explore OData
// $filter expressions from the command line, against a saved $metadata (and the Lookup resource's
// values) when given; without --metadata, check reads the syntax only.
import { csdlToFilterInput } from '../../shared/odata/csdl/toFilterModel';
import {
  buildFilterModel, completeFilter, filterSchema, FilterSchemaError, formatFilter, hoverFilter, parseFilter, syntaxDiagnostic, validateFilter,
  type FilterSchema,
} from '../../shared/odata/filter/index';
import { parseCommandArgs, stringValue, stringValues, UsageError, withUsage, type ParsedArgs } from './args';
import { runLanguageCommand, type QueryLanguage } from './languageCommands';
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

const FILTER: QueryLanguage<FilterSchema, NonNullable<ReturnType<typeof parseFilter>['ast']>, ReturnType<typeof parseFilter>['errors'][number]> = {
  validate: validateFilter, parse: parseFilter, syntaxDiagnostic, format: formatFilter, complete: completeFilter, hover: hoverFilter,
  checked: (schema) => (schema ? ` (checked against ${schema.entitySet}, OData ${schema.version})` : ' (syntax only: give --metadata and --entity-set to check names, types and values)'),
};

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
    return runLanguageCommand(FILTER, r.cmd, r.filter, r.values, schema);
  });
}
