// `rets-workbench mapping propose SOURCE TARGET [--dd FILE]`: proposes a mapping from SOURCE's
// fields to TARGET's names (a Web API's $metadata names its fields by the RESO Data Dictionary),
// or to a Data Dictionary file's (--dd alone), and prints it, saves it (--out) or both (--json).
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import {
  coverageOf, DataDictionaryError, MAX_DICTIONARY_CHARS, proposeMapping, readDataDictionary, serializeMapping,
  targetFromMetadata, withDictionary, type MappingFile, type TargetVocabulary,
} from '../../shared/mapping/index';
import { writeFileAtomic } from '../host/files';
import { parseCommandArgs, stringValue, UsageError, withUsage, type OptionsSpec } from './args';
import { Interrupted, side, SideError } from './metadataDiff';
import { EXIT } from './serverRun';

export const MAPPING_USAGE = `usage: rets-workbench mapping propose SOURCE [TARGET] [--dd FILE] [--json] [--out FILE]

Proposes a mapping from SOURCE's fields to TARGET's names: each field with the target field it
maps to, the reason (StandardName, same name, synonym, long name, similar words, lookup values)
and a confidence; lookup values too (MLS code -> standard value); and the coverage.
SOURCE and TARGET are saved metadata files (RETS or a Web API $metadata) or profile:NAME ("demo"
and "demo-webapi" are the built-in Demo MLS). A certified Web API names its fields by the RESO
Data Dictionary, so its $metadata is a good TARGET.
  --dd FILE    a RESO Data Dictionary file (the JSON metadata report, EDMX or the .xlsx workbook,
               from RESO): the target alone when TARGET is left out, else its synonyms improve
               the proposals
  --json       the mapping file and its coverage as JSON
  --out FILE   save the mapping file (the format the workbench imports)

Exit code: 0 proposed, 2 usage, or a side could not be fetched or parsed.
`;

const OPTIONS = { dd: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } } as const satisfies OptionsSpec;

async function dictionary(file: string): Promise<TargetVocabulary> {
  let bytes: Uint8Array;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new SideError(`${file} is not a file.`);
    if (st.size > MAX_DICTIONARY_CHARS * 2) throw new SideError(`${file} is ${st.size.toLocaleString('en-US')} bytes, more than a Data Dictionary ever is.`);
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    if (e instanceof SideError) throw e;
    throw new SideError(`Cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return readDataDictionary(bytes, basename(file));
  } catch (e) {
    if (e instanceof DataDictionaryError) throw new SideError(`${file}: ${e.message}`);
    throw e;
  }
}

function summary(m: MappingFile): string {
  const c = coverageOf(m).counts;
  const lines = [
    `${m.source.name} → ${m.target.name}: ${c.proposed} of ${c.sourceFields} fields mapped; the target's ${c.targetFields} fields: ${c.present} present, ${c.missing} missing; ${c.extra} fields of the source map to nothing.`,
    ...m.notes.map((n) => `Note: ${n}`),
  ];
  for (const f of m.fields) {
    const to = f.target === null ? '(none)' : `${f.targetResource}.${f.target}`;
    const values = f.values ? ` [${f.values.filter((v) => v.target !== null).length}/${f.values.length} values]` : '';
    lines.push(`  ${f.resource}.${f.field} → ${to}  ${f.reason} ${f.confidence.toFixed(2)}${values}${f.why ? `  ${f.why}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

async function propose(positionals: string[], values: Record<string, string | boolean | undefined>): Promise<number> {
  const dd = stringValue(values, 'dd');
  const out = stringValue(values, 'out');
  if (positionals.length < 1) throw new UsageError('Give the SOURCE metadata to map.');
  if (positionals.length < 2 && !dd) throw new UsageError('Give a TARGET (metadata file or profile:NAME) or a Data Dictionary file (--dd FILE).');
  if (positionals.length > 2) throw new UsageError(`Unexpected argument "${positionals[2]}".`);
  const [source, targetArg] = positionals as [string, string | undefined];
  let mapping: MappingFile;
  try {
    const md = await side(source);
    const ddVocabulary = dd ? await dictionary(dd) : undefined;
    let target: TargetVocabulary;
    if (targetArg) {
      target = targetFromMetadata(await side(targetArg), targetArg);
      if (ddVocabulary) target = withDictionary(target, ddVocabulary);
    } else target = ddVocabulary!;
    mapping = proposeMapping(md, target, { sourceName: source });
  } catch (e) {
    if (e instanceof Interrupted) return EXIT.interrupted;
    if (!(e instanceof SideError)) throw e;
    process.stderr.write(`rets-workbench mapping propose: ${e.message}\n`);
    return EXIT.usage;
  }
  if (out) await writeFileAtomic(resolve(out), Buffer.from(serializeMapping(mapping), 'utf8'));
  process.stdout.write(values.json ? `${JSON.stringify({ mapping, coverage: coverageOf(mapping) }, null, 2)}\n` : summary(mapping));
  return EXIT.done;
}

export async function run(argv: string[]): Promise<number> {
  return withUsage('mapping', MAPPING_USAGE, async () => {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) { process.stdout.write(MAPPING_USAGE); return EXIT.done; }
    const [sub, ...rest] = positionals;
    if (sub !== 'propose') throw new UsageError(sub ? `Unknown subcommand "${sub}" (there is: propose).` : 'Give a subcommand: propose.');
    return propose(rest, values);
  });
}
