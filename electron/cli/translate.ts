// `rets-workbench translate QUERY --from dmql --to odata …` (and the reverse): a DMQL2 query as an
// OData $filter for a Web API server, or a $filter as a DMQL2 query and its class, against both
// sides' saved metadata and a mapping (proposed from the two when no --mapping is given). With
// --from and --to the same: a query for MLS A as one for MLS B, through each side's mapping file
// (--mapping, --target-mapping; else StandardNames). The translation goes to stdout, its notes to
// stderr (all of it as JSON with --json).
import { readFileSync } from 'node:fs';
import { buildSchema, SchemaError } from '../../shared/dmql';
import type { Diagnostic } from '../../shared/dmql/validate';
import { csdlToFilterInput } from '../../shared/odata/csdl/toFilterModel';
import { buildFilterModel, filterSchema, FilterSchemaError, type FilterModel, type FilterSchema } from '../../shared/odata/filter/index';
import { findResource, type RetsMetadata } from '../../shared/rets/metadata/model';
import { parseMappingFile } from '../../shared/mapping/file';
import { translationMapping } from '../../shared/mapping/translation';
import type { MappingFile } from '../../shared/mapping/types';
import { composeMappings, deriveMapping, dmqlToDmql, dmqlToOData, entitySetFor, odataToDmql, odataToOData, pairClass, readMapping, resourceFor, retsPivot, webApiPivot, type ODataToDmqlResult, type TranslationMapping, type TranslationNote, type TranslationResult } from '../../shared/translate/index';
import { oneOf, parseCommandArgs, stringValue, stringValues, UsageError, withUsage, type OptionsSpec, type ParsedArgs } from './args';
import { loadMetadata } from './dmql';
import { printDiagnostic } from './languageCommands';
import { loadCsdl, loadLookups, readSaved, SavedFileError } from './odataFiles';

const USAGE = `usage:
  rets-workbench translate QUERY --from dmql --to odata --metadata FILE --resource R --class C
      --target-metadata FILE [--entity-set NAME] [--lookups FILE…] [--mapping FILE] [--standard-names] [--json]
  rets-workbench translate FILTER --from odata --to dmql --metadata FILE --resource ENTITYSET
      --target-metadata FILE [--target-resource R] [--class C] [--lookups FILE…] [--mapping FILE] [--standard-names] [--json]

DMQL2 -> $filter: --metadata is the RETS side's saved metadata (GetMetadata body or the workbench's
cache), --target-metadata the Web API's saved $metadata (CSDL XML or JSON). $filter -> DMQL2: the
other way round, --resource names the entity set and the class comes from the filter's condition on
the mapping's class field (PropertyType), else from --class.
--lookups: saved pages of the Web API's Lookup resource (its lookup values), repeatable.
--mapping: a JSON mapping {resource, entitySet, fields: [{source, target, values?}], classField?};
without it, fields pair by StandardName and by the same name, and the notes say so.
The translation goes to stdout and the notes to stderr (both to stdout with --json).

  rets-workbench translate QUERY --from dmql --to dmql --metadata FILE --resource R --class C
      --target-metadata FILE [--target-resource R] [--target-class C] [--mapping FILE] [--target-mapping FILE] [--json]
  rets-workbench translate FILTER --from odata --to odata --metadata FILE --resource ENTITYSET
      --target-metadata FILE [--target-resource ENTITYSET] [--lookups FILE…] [--target-lookups FILE…]
      [--mapping FILE] [--target-mapping FILE] [--json]

Same protocol, MLS A -> MLS B: --mapping and --target-mapping are the two profiles' mapping files
(as the workbench saves and exports them: mapping-<profile>.json) onto the same standard names;
without one, that side's fields pair by StandardName (RETS) or by their own names (Web API). The
class is B's class with A's class's StandardName (and visible name), else --target-class.
Exit code: 0 translated whole, 1 translated with parts left out (see the notes), 2 usage or file error.
`;

const OPTIONS = {
  from: { type: 'string' }, to: { type: 'string' }, metadata: { type: 'string' }, resource: { type: 'string' }, class: { type: 'string' },
  'target-metadata': { type: 'string' }, 'target-resource': { type: 'string' }, 'entity-set': { type: 'string' },
  lookups: { type: 'string', multiple: true }, 'target-lookups': { type: 'string', multiple: true }, mapping: { type: 'string' },
  'target-mapping': { type: 'string' }, 'target-class': { type: 'string' }, 'standard-names': { type: 'boolean' }, json: { type: 'boolean' },
} as const satisfies OptionsSpec;

type Values = ParsedArgs['values'];

function required(values: Values, name: string): string {
  const v = stringValue(values, name);
  if (!v) throw new UsageError(`missing --${name}`);
  return v;
}

function webModel(file: string, lookupFiles: string[]): FilterModel {
  return buildFilterModel(csdlToFilterInput(loadCsdl(readSaved(file), file), lookupFiles.length ? loadLookups(lookupFiles) : undefined));
}

function retsMetadata(file: string): RetsMetadata {
  try {
    return loadMetadata(file);
  } catch (e) {
    throw new SavedFileError(`Cannot read ${file} as RETS metadata: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 2);
  }
}

function mappingOf(values: Values, metadata: RetsMetadata, resource: string, schema: FilterSchema): TranslationMapping {
  const file = stringValue(values, 'mapping');
  if (!file) return deriveMapping(metadata, resource, schema);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SavedFileError(`Cannot read ${file} as a JSON mapping: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 2);
  }
  try {
    return readMapping(json);
  } catch (e) {
    throw new SavedFileError(`${file}: ${(e as Error).message}`, 2);
  }
}

function entitySetOf(model: FilterModel, metadata: RetsMetadata, resource: string): string {
  const hit = entitySetFor(model, metadata, resource);
  if (!hit) throw new UsageError(`no entity set is named ${resource} or like its StandardName: give --entity-set (entity sets: ${[...model.entitySets.keys()].join(', ') || 'none'})`);
  return hit;
}

function resourceOf(metadata: RetsMetadata, entitySet: string): string {
  const res = resourceFor(metadata, entitySet);
  if (!res) throw new UsageError(`no RETS resource is named ${entitySet} or has it as StandardName: give --target-resource (resources: ${metadata.resources.map((r) => r.id).join(', ') || 'none'})`);
  return res;
}

function toOData(query: string, values: Values): TranslationResult {
  const metadata = retsMetadata(required(values, 'metadata'));
  const resource = required(values, 'resource');
  const cls = required(values, 'class');
  const model = webModel(required(values, 'target-metadata'), stringValues(values, 'lookups'));
  const target = filterSchema(model, stringValue(values, 'entity-set') ?? entitySetOf(model, metadata, resource));
  const source = buildSchema(metadata, resource, cls, { standardNames: values['standard-names'] === true });
  return dmqlToOData(query, { source, target, mapping: mappingOf(values, metadata, resource, target) });
}

function toDmql(filter: string, values: Values): ODataToDmqlResult {
  const model = webModel(required(values, 'metadata'), stringValues(values, 'lookups'));
  const source = filterSchema(model, required(values, 'resource'));
  const metadata = retsMetadata(required(values, 'target-metadata'));
  const given = stringValue(values, 'mapping');
  const resource = stringValue(values, 'target-resource') ?? (given ? undefined : resourceOf(metadata, source.entitySet));
  const mapping = mappingOf(values, metadata, resource ?? '', source);
  const cls = stringValue(values, 'class');
  return odataToDmql(filter, { source, metadata, mapping, ...(cls ? { className: cls } : {}), standardNames: values['standard-names'] === true });
}

/** One side's mapping file (the workbench's per-profile format) reduced to a resource; undefined without the option. */
function savedPivot(values: Values, option: string, resource: string): TranslationMapping | undefined {
  const file = stringValue(values, option);
  if (!file) return undefined;
  let m: MappingFile;
  try {
    m = parseMappingFile(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SavedFileError(`Cannot read ${file} as a mapping file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 2);
  }
  return translationMapping(m, resource);
}

function sameProtocol(lang: 'dmql' | 'odata', query: string, values: Values): TranslationResult | ODataToDmqlResult {
  const resource = required(values, 'resource');
  if (lang === 'odata') {
    const source = filterSchema(webModel(required(values, 'metadata'), stringValues(values, 'lookups')), resource);
    const target = filterSchema(webModel(required(values, 'target-metadata'), stringValues(values, 'target-lookups')), stringValue(values, 'target-resource') ?? resource);
    const mapping = composeMappings(webApiPivot(source, savedPivot(values, 'mapping', resource)), webApiPivot(target, savedPivot(values, 'target-mapping', target.entitySet)));
    return odataToOData(query, { source, target, mapping });
  }
  const a = retsMetadata(required(values, 'metadata'));
  const b = retsMetadata(required(values, 'target-metadata'));
  const cls = required(values, 'class');
  const resB = stringValue(values, 'target-resource') ?? findResource(b, resource)?.id ?? resourceFor(b, findResource(a, resource)?.standardName || resource);
  if (!resB) throw new UsageError(`the target metadata has no resource like ${resource}: give --target-resource (resources: ${b.resources.map((r) => r.id).join(', ') || 'none'})`);
  const clsB = stringValue(values, 'target-class') ?? pairClass(a, resource, cls, b, resB);
  if (!clsB) throw new UsageError(`no class of ${resB} in the target metadata matches ${resource}:${cls}: give --target-class (classes: ${findResource(b, resB)?.classes.map((c) => c.name).join(', ') || 'none'})`);
  const mapping = composeMappings(retsPivot(a, resource, savedPivot(values, 'mapping', resource)), retsPivot(b, resB, savedPivot(values, 'target-mapping', resB)));
  return dmqlToDmql(query, { source: buildSchema(a, resource, cls), target: b, targetResource: resB, targetClass: clsB, mapping });
}

function printNotes(query: string, notes: TranslationNote[]): string {
  return notes.map((n) => (n.range ? printDiagnostic(query, n as Diagnostic) : `${n.severity} [${n.code}]: ${n.message}`)).join('\n\n');
}

export async function run(argv: string[]): Promise<number> {
  if (argv.length === 0) { process.stdout.write(USAGE); return 2; }
  return withUsage('translate', USAGE, async () => {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) { process.stdout.write(USAGE); return 0; }
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give the query as one argument (quote it)' : 'missing QUERY');
    const from = oneOf(values, 'from', ['dmql', 'odata'] as const);
    const to = oneOf(values, 'to', ['dmql', 'odata'] as const);
    if (!from || !to) throw new UsageError('give --from and --to (dmql, odata)');
    const query = positionals[0]!;
    let result: TranslationResult | ODataToDmqlResult;
    try {
      result = from === to ? sameProtocol(from, query, values) : from === 'dmql' ? toOData(query, values) : toDmql(query, values);
    } catch (e) {
      if (!(e instanceof SavedFileError) && !(e instanceof FilterSchemaError) && !(e instanceof SchemaError)) throw e;
      process.stderr.write(`rets-workbench translate: ${e.message}\n`);
      return 2;
    }
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      if (result.text) process.stdout.write(`${result.text}\n`);
      const reverse = to === 'dmql' ? (result as ODataToDmqlResult) : undefined;
      const header = reverse?.className ? `class ${reverse.resource}:${reverse.className}\n` : '';
      if (header || result.notes.length) process.stderr.write(`${header}${printNotes(query, result.notes)}\n`);
    }
    return result.complete ? 0 : 1;
  });
}
