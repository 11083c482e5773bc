// `rets-workbench metadata diff A B`: compares two metadata, each a saved file (RETS COMPACT or
// STANDARD-XML, or a Web API $metadata), a profile's current metadata (`profile:NAME`, RETS or
// Web API) or a version the cache keeps (`profile:NAME@VERSION`), and
// exits 0 when they are the same, 1 when they differ, 2 on a usage error or when a side cannot be
// fetched or parsed: a nightly job can warn when an MLS changed its metadata.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diffMetadata, type DiffAlignment, type MetadataDiff } from '../../shared/metadata/diff';
import { diffCsv, diffMarkdown, diffRows } from '../../shared/metadata/diffRender';
import { parseSavedMetadata } from '../../shared/metadata/load';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { describeError, isRetsError } from '../../shared/rets/errors';
import { decodeBody } from '../../shared/rets/text';
import { writeFileAtomic } from '../host/files';
import { wholeMetadata } from '../rets/wholeMetadata';
import { oneOf, parseCommandArgs, stringValue, UsageError, withUsage, type OptionsSpec } from './args';
import { openConnection } from './connection';
import { EXIT, runServerJob } from './serverRun';
import { openWebApiConnection, wantsWebApi, webApiFlags } from './webApiConnection';
import { runWebApiJob } from './webApiRun';
import { keepFetched, keptVersion } from './metadataVersions';
import type { FetchedMetadata } from '../host/metadataStore';

export const METADATA_DIFF_USAGE = `usage: rets-workbench metadata diff A B [--json] [--markdown] [--csv FILE] [--align versions|servers]

A and B are saved metadata files (a RETS GetMetadata body, COMPACT or STANDARD-XML, or a RESO Web
API $metadata, XML or JSON: detected) or profile:NAME (that profile's current metadata, RETS or
Web API, fetched as \`rets-workbench metadata --profile NAME\` does and kept among the profile's
versions as the app keeps them; "demo" and "demo-webapi" are the built-in Demo MLS), or profile:NAME@VERSION (a version the cache keeps: the MetadataVersion
for RETS, the date it was fetched for a Web API, as \`rets-workbench metadata versions
profile:NAME\` lists them).
  --json        the diff as JSON
  --markdown    the diff as a Markdown report
  --csv FILE    also write every difference as CSV (one row each)
  --align       versions: one server over time, fields by SystemName; servers: two servers or
                RETS vs Web API, fields by StandardName, then normalized names (default: guessed)

Exit code: 0 the same, 1 they differ, 2 usage, or a side could not be fetched or parsed.
`;

const OPTIONS = {
  json: { type: 'boolean' }, markdown: { type: 'boolean' }, csv: { type: 'string' }, align: { type: 'string' },
} as const satisfies OptionsSpec;

/** Saved metadata files larger than this are refused (the biggest real MLS metadata is tens of MB). */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** A side that could not be read, fetched or parsed: exit 2 with these words. */
export class SideError extends Error {}

async function fromFile(file: string): Promise<RetsMetadata> {
  let bytes: Buffer;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new SideError(`${file} is not a file.`);
    if (st.size > MAX_FILE_BYTES) throw new SideError(`${file} is ${st.size.toLocaleString('en-US')} bytes, more than metadata ever is (limit ${MAX_FILE_BYTES.toLocaleString('en-US')}).`);
    bytes = await readFile(file);
  } catch (e) {
    if (e instanceof SideError) throw e;
    throw new SideError(`Cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return parseSavedMetadata(decodeBody(bytes)).metadata;
  } catch (e) {
    const why = isRetsError(e) ? describeError(e.info) : (e as Error).message;
    throw new SideError(`${file} is not RETS metadata nor a Web API $metadata: ${why}`);
  }
}

async function fromProfile(name: string): Promise<RetsMetadata> {
  const at = name.lastIndexOf('@');
  if (at >= 0) {
    const version = name.slice(at + 1);
    if (!version) throw new UsageError(`"profile:${name}": give the version after @ (see rets-workbench metadata versions profile:${name.slice(0, at)}).`);
    return keptVersion(name.slice(0, at), version, (m) => new SideError(m));
  }
  let got: FetchedMetadata | undefined;
  let code: number;
  if (await wantsWebApi(['--profile', name])) {
    const conn = await openWebApiConnection(webApiFlags({ profile: name }));
    code = await runWebApiJob('metadata diff', conn, async ({ session, signal }) => {
      const m = await session.metadata(signal);
      got = { metadata: m.model, raw: m.text, format: 'CSDL' };
      return EXIT.done;
    });
  } else {
    const conn = await openConnection({ profile: name, keepLoginHost: false });
    code = await runServerJob('metadata diff', conn, async ({ session, signal }) => {
      const m = await wholeMetadata(session, signal);
      const login = session.loginResponse;
      got = { metadata: m.metadata, raw: m.raw, format: m.format, ...(login?.metadataVersion ? { metadataVersion: login.metadataVersion } : {}), ...(login?.metadataTimestamp ? { metadataTimestamp: login.metadataTimestamp } : {}) };
      return EXIT.done;
    });
  }
  if (code === EXIT.interrupted) throw new Interrupted();
  if (!got) throw new SideError(`The metadata of profile "${name}" could not be fetched (see above).`);
  // Kept among the profile's versions, as the app keeps what it fetches.
  await keepFetched(name, got);
  return got.metadata;
}

export class Interrupted extends Error {}

/** One side: a saved file or profile:NAME (also the mapping command's SOURCE and TARGET). */
export function side(arg: string): Promise<RetsMetadata> {
  if (arg.startsWith('profile:')) {
    const name = arg.slice('profile:'.length);
    if (!name) throw new UsageError('profile: needs a name (profile:NAME).');
    return fromProfile(name);
  }
  return fromFile(arg);
}

function summaryText(d: MetadataDiff, a: string, b: string): string {
  const notes = d.notes.map((n) => `Note: ${n}\n`).join('');
  if (d.same) return `The same: ${a} and ${b} (${d.pairs.length} fields compared).\n${notes}`;
  const lines = [`${a} → ${b}: ${diffRows(d).length} differences (aligned as ${d.alignment}).`, ...d.notes.map((n) => `Note: ${n}`)];
  for (const r of diffRows(d)) {
    const where = [r.resource, r.group].filter(Boolean).join(':');
    const what = r.a || r.b ? ` (${r.a} → ${r.b})` : '';
    lines.push(`  ${r.kind} ${r.change}: ${where} ${r.name}${what}${r.reason ? ` [${r.reason}]` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function run(argv: string[]): Promise<number> {
  return withUsage('metadata diff', METADATA_DIFF_USAGE, async () => {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) { process.stdout.write(METADATA_DIFF_USAGE); return EXIT.done; }
    if (positionals.length !== 2) throw new UsageError(positionals.length < 2 ? 'Give two metadata to compare: A and B.' : `Unexpected argument "${positionals[2]}".`);
    if (values.json && values.markdown) throw new UsageError('Choose --json or --markdown, not both.');
    const alignment: DiffAlignment | undefined = oneOf(values, 'align', ['versions', 'servers'] as const);
    const csv = stringValue(values, 'csv');
    const [a, b] = positionals as [string, string];
    let ma: RetsMetadata;
    let mb: RetsMetadata;
    try {
      ma = await side(a);
      mb = await side(b);
    } catch (e) {
      if (e instanceof Interrupted) return EXIT.interrupted;
      if (!(e instanceof SideError)) throw e;
      process.stderr.write(`rets-workbench metadata diff: ${e.message}\n`);
      return EXIT.usage;
    }
    const d = diffMetadata(ma, mb, alignment ? { alignment } : {});
    if (csv) await writeFileAtomic(resolve(csv), Buffer.from(diffCsv(d), 'utf8'));
    process.stdout.write(values.json ? `${JSON.stringify(d, null, 2)}\n` : values.markdown ? diffMarkdown(d, { a, b }) : summaryText(d, a, b));
    return d.same ? EXIT.done : 1;
  });
}
