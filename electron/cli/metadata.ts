// `rets-workbench metadata`: the server's metadata (whole, or one type) saved as the server sent it,
// and a summary (version, resources, classes, field counts) on stdout.
import { resolve } from 'node:path';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { writeFileAtomic } from '../host/files';
import { wholeMetadata } from '../rets/wholeMetadata';
import type { MetadataFormat } from '../rets/types';
import { oneOf, parseCommandArgs, stringValue, UsageError, withUsage, type OptionsSpec } from './args';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connectionFlags, openConnection } from './connection';
import { EXIT, runServerJob } from './serverRun';
import { wantsWebApi } from './webApiConnection';

export const METADATA_USAGE = `usage: rets-workbench metadata [--type T --id ID] [--format COMPACT|STANDARD-XML] [--out FILE] [--json]
                              (--profile NAME | --url URL --user NAME)

Without --type: the whole metadata (METADATA-SYSTEM with ID *; COMPACT, or STANDARD-XML when the
server offers only that). --type TABLE --id Property:RES asks for one block.
  --out FILE   save the body exactly as the server sent it (written whole, then renamed)
  --json       the summary as JSON

${CONNECTION_USAGE}
Also: rets-workbench metadata diff A B (compare two metadata; --help for more) and
      rets-workbench metadata versions profile:NAME (the versions the cache keeps).
Exit code: 0 done, 1 the server said no, 2 usage, 130 interrupted.
`;

const OPTIONS = {
  ...CONNECTION_OPTIONS, type: { type: 'string' }, id: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' },
} as const satisfies OptionsSpec;

export interface MetadataSummary {
  version?: string;
  timestamp?: string;
  systemId?: string;
  format: MetadataFormat;
  bytes: number;
  resources: { id: string; classes: { name: string; fields: number }[]; lookups: number }[];
  file?: string;
}

export function summarize(md: RetsMetadata, format: MetadataFormat, bytes: number): MetadataSummary {
  return {
    ...(md.system?.version ? { version: md.system.version } : {}),
    ...(md.system?.date ? { timestamp: md.system.date } : {}),
    ...(md.system?.systemId ? { systemId: md.system.systemId } : {}),
    format, bytes,
    resources: md.resources.map((r) => ({ id: r.id, classes: r.classes.map((c) => ({ name: c.name, fields: c.fields.length })), lookups: r.lookups.length })),
  };
}

function summaryText(s: MetadataSummary): string {
  const lines = [`Metadata${s.version ? ` version ${s.version}` : ''}${s.timestamp ? ` (${s.timestamp})` : ''}${s.systemId ? `, system ${s.systemId}` : ''}: ${s.format}, ${s.bytes.toLocaleString('en-US')} bytes`];
  for (const r of s.resources) {
    lines.push(`  ${r.id}: ${r.classes.length} class${r.classes.length === 1 ? '' : 'es'}, ${r.lookups} lookups`);
    for (const c of r.classes) lines.push(`    ${c.name.padEnd(16)} ${c.fields} fields`);
  }
  if (s.file) lines.push(`Saved to ${s.file}`);
  return `${lines.join('\n')}\n`;
}

export async function run(argv: string[]): Promise<number> {
  if (argv[0] === 'diff') return (await import('./metadataDiff')).run(argv.slice(1));
  if (argv[0] === 'versions') return (await import('./metadataVersions')).run(argv.slice(1));
  if (await wantsWebApi(argv)) return (await import('./webApiMetadata')).run(argv);
  return withUsage('metadata', METADATA_USAGE, async () => {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) { process.stdout.write(`${METADATA_USAGE}\n${(await import('./webApiMetadata')).WEBAPI_METADATA_USAGE}`); return EXIT.done; }
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const type = stringValue(values, 'type');
    const id = stringValue(values, 'id');
    if (id !== undefined && type === undefined) throw new UsageError('--id needs --type (e.g. --type TABLE --id Property:RES).');
    const format = oneOf(values, 'format', ['COMPACT', 'STANDARD-XML'] as const, true);
    const out = stringValue(values, 'out');
    const conn = await openConnection(connectionFlags(values));
    return runServerJob('metadata', conn, async ({ session, signal }) => {
      const got = type === undefined && format === undefined
        ? await wholeMetadata(session, signal)
        : { ...(await session.getMetadata({ type: type ?? 'METADATA-SYSTEM', id: id ?? (type ? '0' : '*'), format: format ?? 'COMPACT' }, signal)), format: format ?? 'COMPACT' };
      const body = Buffer.from(got.raw, 'utf8');
      const summary = summarize(got.metadata, got.format, body.length);
      if (out) {
        summary.file = resolve(out);
        await writeFileAtomic(summary.file, body);
      }
      process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : summaryText(summary));
      return EXIT.done;
    });
  });
}
