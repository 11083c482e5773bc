// `rets-workbench metadata` on the Web API: `$metadata` saved as the server sent it (its text, as
// UTF-8) and a summary: OData version, lookup style, and per entity set its key, property count
// and lookup fields.
import { resolve } from 'node:path';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { writeFileAtomic } from '../host/files';
import { parseCommandArgs, stringValue, UsageError, withUsage, type OptionsSpec } from './args';
import { EXIT } from './serverRun';
import { openWebApiConnection, WEBAPI_CONNECTION_OPTIONS, WEBAPI_CONNECTION_USAGE, webApiFlags } from './webApiConnection';
import { runWebApiJob } from './webApiRun';

export const WEBAPI_METADATA_USAGE = `usage: rets-workbench metadata [--out FILE] [--json] (--profile NAME | --service-root URL ...)

The Web API form: $metadata (CSDL, asked as XML).
  --out FILE   save it as the server sent it (written whole, then renamed)
  --json       the summary as JSON

${WEBAPI_CONNECTION_USAGE}
Exit code: 0 done, 1 the server said no, 2 usage, 130 interrupted.
`;

const OPTIONS = { ...WEBAPI_CONNECTION_OPTIONS, out: { type: 'string' }, json: { type: 'boolean' } } as const satisfies OptionsSpec;

export interface WebApiMetadataSummary {
  version?: string;
  format?: 'xml' | 'json';
  lookupStyle?: string;
  bytes: number;
  entitySets: { name: string; key: string[]; properties: number; lookupFields: number; lookups: number; navigation: string[] }[];
  unresolvedLookups: number;
  file?: string;
}

export function summarizeWebApi(model: RetsMetadata, bytes: number): WebApiMetadataSummary {
  const info = model.odata;
  return {
    ...(info ? { version: info.version, format: info.format, lookupStyle: info.lookupStyle } : {}),
    bytes,
    entitySets: model.resources.map((r) => {
      const fields = r.classes.flatMap((c) => c.fields);
      return {
        name: r.odata?.entitySet ?? r.id,
        key: r.odata?.key ?? (r.keyField ? [r.keyField] : []),
        properties: fields.length,
        lookupFields: fields.filter((f) => f.lookupName).length,
        lookups: r.lookups.length,
        navigation: (r.odata?.navigation ?? []).map((n) => n.name),
      };
    }),
    unresolvedLookups: info?.unresolvedLookups.length ?? 0,
  };
}

function summaryText(s: WebApiMetadataSummary): string {
  const lines = [`$metadata${s.version ? ` OData ${s.version}` : ''}${s.format ? `, CSDL ${s.format.toUpperCase()}` : ''}${s.lookupStyle ? `, lookups: ${s.lookupStyle}` : ''}, ${s.bytes.toLocaleString('en-US')} bytes`];
  for (const e of s.entitySets) {
    const nav = e.navigation.length ? `, navigation ${e.navigation.join(', ')}` : '';
    lines.push(`  ${e.name.padEnd(16)} key ${e.key.join(',') || '(none)'}, ${e.properties} properties, ${e.lookupFields} with lookups${nav}`);
  }
  if (s.unresolvedLookups) lines.push(`  ${s.unresolvedLookups} lookup names have no values in $metadata (string lookups: their values are rows of the Lookup entity set)`);
  if (s.file) lines.push(`Saved to ${s.file}`);
  return `${lines.join('\n')}\n`;
}

export async function run(argv: string[]): Promise<number> {
  return withUsage('metadata', WEBAPI_METADATA_USAGE, async () => {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) { process.stdout.write(WEBAPI_METADATA_USAGE); return EXIT.done; }
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const out = stringValue(values, 'out');
    const conn = await openWebApiConnection(webApiFlags(values));
    return runWebApiJob('metadata', conn, async ({ session, signal }) => {
      const md = await session.metadata(signal);
      const body = Buffer.from(md.text, 'utf8');
      const summary = summarizeWebApi(md.model, body.length);
      if (out) {
        summary.file = resolve(out);
        await writeFileAtomic(summary.file, body);
      }
      process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : summaryText(summary));
      return EXIT.done;
    });
  });
}
