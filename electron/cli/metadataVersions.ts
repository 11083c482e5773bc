// `rets-workbench metadata versions profile:NAME`: the metadata versions the workbench's cache
// keeps for a profile (as the app saw them), and the kept version `profile:NAME@VERSION` names in
// `metadata diff`: VERSION is a MetadataVersion (RETS), or the date a version was fetched (a Web
// API's $metadata has no version): the whole timestamp, or its start when only one matches.
import { MetadataStore, versionLabel, type FetchedMetadata, type VersionEntry } from '../host/metadataStore';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { parseCommandArgs, UsageError, withUsage, type OptionsSpec } from './args';
import { EXIT } from './serverRun';

export const METADATA_VERSIONS_USAGE = `usage: rets-workbench metadata versions profile:NAME [--json]

The metadata versions kept for a profile (the one in use first): each one's VERSION for
\`metadata diff profile:NAME@VERSION B\`, the MetadataVersion (RETS) or the date it was fetched
(Web API), when it was last seen, its fields and size. Versions are kept as the app (or serve)
fetches them.
  --json   the list as JSON

Exit code: 0 listed, 2 usage or no such profile.
`;

const OPTIONS = { json: { type: 'boolean' } } as const satisfies OptionsSpec;

const DEMO_IDS: Record<string, string> = {
  demo: 'demo', 'demo mls': 'demo', 'demo mls (rets)': 'demo',
  'demo-webapi': 'demo-webapi', 'demo mls (web api)': 'demo-webapi', 'demo web api': 'demo-webapi',
};

/** The profile's id (the cache folder's name) and the name to show. */
async function resolveProfile(name: string): Promise<{ id: string; label: string }> {
  const demo = DEMO_IDS[name.toLowerCase()];
  if (demo) return { id: demo, label: name };
  const [{ ProfileStore }, { cliSecretStore }, { dataLayout, defaultDataDir }] = await Promise.all([
    import('../host/profiles'), import('./secretStore'), import('../host/paths'),
  ]);
  const all = await new ProfileStore(dataLayout(defaultDataDir()).profiles, cliSecretStore()).list();
  const match = all.find((p) => p.name === name || p.id === name) ?? all.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (!match) {
    const names = all.map((p) => `"${p.name}"`).join(', ');
    throw new UsageError(`No profile named "${name}". ${names ? `Profiles: ${names}, "demo" and "demo-webapi".` : 'There are no saved profiles yet; "demo" and "demo-webapi" are the built-in Demo MLS.'}`);
  }
  return { id: match.id, label: match.name };
}

async function store(): Promise<MetadataStore> {
  const { dataLayout, defaultDataDir } = await import('../host/paths');
  return new MetadataStore(dataLayout(defaultDataDir()).metadataCache);
}

/**
 * Keeps a version the CLI fetched for a profile among the profile's versions, as the app does, so
 * `metadata versions` lists it and `profile:NAME@VERSION` finds it. A failure to keep it costs only
 * the cache: it is said on stderr, never fails the command.
 */
export async function keepFetched(name: string, fetched: FetchedMetadata): Promise<void> {
  try {
    const profile = await resolveProfile(name);
    const s = await store();
    const { entry, file, write } = await s.fetched(profile.id, fetched);
    const { saveError } = await s.put(profile.id, entry, write ? file : undefined);
    if (saveError) process.stderr.write(`rets-workbench: ${saveError}\n`);
  } catch (e) {
    process.stderr.write(`rets-workbench: the fetched metadata of "${name}" was not kept among its versions (${e instanceof Error ? e.message : String(e)}).\n`);
  }
}

/** The kept versions VERSION names: its id, its MetadataVersion, or its fetch time (whole or a start of it). */
export function matchVersions(versions: readonly VersionEntry[], version: string): VersionEntry[] {
  const byId = versions.filter((v) => v.id === version);
  if (byId.length) return byId;
  const byVersion = versions.filter((v) => v.metadataVersion === version);
  if (byVersion.length) return byVersion;
  return versions.filter((v) => v.fetchedAt === version || (version.length >= 4 && v.fetchedAt.startsWith(version)));
}

/** A kept version's model, for `profile:NAME@VERSION`; throws `fail` with words for the user when none or several match. */
export async function keptVersion(name: string, version: string, fail: (message: string) => Error): Promise<RetsMetadata> {
  const profile = await resolveProfile(name);
  const s = await store();
  const { versions } = await s.list(profile.id);
  if (!versions.length) throw fail(`No metadata versions are kept for profile "${profile.label}" yet: open it in the app (or compare profile:${name}) first.`);
  const found = matchVersions(versions, version);
  const list = versions.map((v) => `${versionLabel(v)}${v.metadataVersion ? ` (fetched ${v.fetchedAt})` : ''}`).join(', ');
  if (!found.length) throw fail(`Profile "${profile.label}" has no kept version "${version}". Kept: ${list}.`);
  if (found.length > 1) throw fail(`"${version}" names ${found.length} kept versions of "${profile.label}": give one of ${found.map((v) => v.fetchedAt).join(', ')}, or its id (${found.map((v) => v.id).join(', ')}).`);
  const file = await s.read(profile.id, found[0]!.id);
  if (!file) throw fail(`The kept version "${version}" of "${profile.label}" could not be read from the cache.`);
  return file.metadata;
}

function text(label: string, versions: readonly VersionEntry[]): string {
  if (!versions.length) return `No metadata versions are kept for profile "${label}" yet.\n`;
  const lines = [`Metadata versions kept for "${label}" (the one in use first):`];
  versions.forEach((v, i) => {
    const size = `${(v.bytes / 1024).toFixed(0)} KB`;
    lines.push(`  ${versionLabel(v).padEnd(26)} fetched ${v.fetchedAt}, last seen ${v.lastSeenAt}, ${v.fieldCount} fields, ${size}${i === 0 ? '  (in use)' : ''}`);
  });
  return `${lines.join('\n')}\n`;
}

export async function run(argv: string[]): Promise<number> {
  return withUsage('metadata versions', METADATA_VERSIONS_USAGE, async () => {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) { process.stdout.write(METADATA_VERSIONS_USAGE); return EXIT.done; }
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `Unexpected argument "${positionals[1]}".` : 'Give the profile: profile:NAME.');
    const arg = positionals[0]!;
    if (!arg.startsWith('profile:') || arg.length === 'profile:'.length) throw new UsageError(`"${arg}": give profile:NAME.`);
    const profile = await resolveProfile(arg.slice('profile:'.length));
    const { versions } = await (await store()).list(profile.id);
    process.stdout.write(values.json
      ? `${JSON.stringify({ profile: profile.label, versions: versions.map((v) => ({ version: versionLabel(v), ...v })) }, null, 2)}\n`
      : text(profile.label, versions));
    return EXIT.done;
  });
}
