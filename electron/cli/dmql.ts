// `rets-workbench dmql check|format|complete|hover QUERY …`: lint, pretty-print and explore
// DMQL2 queries from the command line, against a saved metadata file when one is given.
import { readFileSync } from 'node:fs';
import { buildSchema, complete, format, hover, parse, SchemaError, syntaxDiagnostic, validate, type DmqlSchema } from '../../shared/dmql';
import { parseMetadata } from '../../shared/rets/metadata';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { parseCommandArgs, stringValue, UsageError, withUsage, type OptionsSpec, type ParsedArgs } from './args';
import { runLanguageCommand, type QueryLanguage } from './languageCommands';

const USAGE = `usage:
  rets-workbench dmql check QUERY [--metadata FILE --resource R --class C] [--standard-names] [--json]
  rets-workbench dmql format QUERY
  rets-workbench dmql complete QUERY [--offset N] [--metadata FILE --resource R --class C] [--json]
  rets-workbench dmql hover QUERY --offset N --metadata FILE --resource R --class C [--json]

FILE is a saved GetMetadata response (COMPACT or STANDARD-XML, raw HTTP capture accepted) or the
workbench's metadata cache (JSON). check exits 1 when the query has an error.
`;

interface Args { cmd: string; query: string; values: ParsedArgs['values'] }

const COMMANDS = ['check', 'format', 'complete', 'hover'];

const OPTIONS = {
  metadata: { type: 'string' }, resource: { type: 'string' }, class: { type: 'string' }, offset: { type: 'string' },
  json: { type: 'boolean' }, 'standard-names': { type: 'boolean' },
} as const satisfies OptionsSpec;

function parseDmqlArgs(values: ParsedArgs['values'], positionals: string[]): Args {
  const [cmd, ...rest] = positionals;
  if (!cmd || !COMMANDS.includes(cmd)) throw new UsageError(cmd ? `unknown dmql command "${cmd}"` : 'missing command');
  if (rest.length !== 1) throw new UsageError(rest.length ? 'give the query as one argument (quote it)' : 'missing QUERY');
  return { cmd, query: rest[0]!, values };
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
  const file = stringValue(a.values, 'metadata');
  const resource = stringValue(a.values, 'resource');
  const cls = stringValue(a.values, 'class');
  if (!file) {
    if (resource !== undefined || cls !== undefined) throw new UsageError('--resource and --class need --metadata FILE');
    return undefined;
  }
  if (!resource || !cls) throw new UsageError('--metadata needs --resource R and --class C');
  return buildSchema(loadMetadata(file), resource, cls, { standardNames: a.values['standard-names'] === true });
}

const DMQL2: QueryLanguage<DmqlSchema, NonNullable<ReturnType<typeof parse>['ast']>, ReturnType<typeof parse>['errors'][number]> = {
  validate, parse, syntaxDiagnostic, format, complete, hover,
  checked: (schema) => (schema ? ` (checked against ${schema.resource}:${schema.className})` : ' (syntax only: give --metadata to check fields and values)'),
};

export async function run(argv: string[]): Promise<number> {
  if (argv.length === 0) {
    process.stdout.write(USAGE);
    return 2;
  }
  return withUsage('dmql', USAGE, async () => {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const a = parseDmqlArgs(values, positionals);
    let schema: DmqlSchema | undefined;
    try {
      schema = schemaFrom(a);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      if (e instanceof SchemaError) process.stderr.write(`rets-workbench dmql: ${e.message}\n`);
      else process.stderr.write(`rets-workbench dmql: could not read the metadata: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    return runLanguageCommand(DMQL2, a.cmd, a.query, a.values, schema);
  });
}
