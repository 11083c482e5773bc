// `rets-workbench objects RESOURCE TYPE ID[:n,...|:*]`: a record's objects (photos, documents)
// saved under a name pattern, with the app's retries (a dropped request again with backoff, objects
// that failed once asked for again). --location asks for URLs and prints them instead.
import { mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { ObjectItem, RetsObject } from '../rets/objects';
import type { RetsSession } from '../rets/session';
import { describeError } from '../../shared/rets/errors';
import { isEmptyResultCode } from '../../shared/rets/replyCodes';
import { writeFileAtomic } from '../host/files';
import { withRetry } from '../host/retry';
import { parseCommandArgs, stringValue, UsageError, withUsage, type OptionsSpec } from './args';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connectionFlags, openConnection } from './connection';
import { EXIT, runServerJob } from './serverRun';
import { wantsWebApi } from './webApiConnection';

export const OBJECTS_USAGE = `usage: rets-workbench objects RESOURCE TYPE ID[:n,...|:*] [--out DIR] [--name PATTERN] [--location] [--json]
                             (--profile NAME | --url URL --user NAME)

  ID            a record key; ID alone means every object (ID:*), ID:1,3 objects 1 and 3
  --out DIR     where to save (default: the current folder)
  --name P      file names from {key} {n} {ext} {type} {resource} (default: {key}-{n}.{ext})
  --location    ask for URLs (Location=1) and print them instead of saving bytes
  --json        one JSON line per object on stdout

${CONNECTION_USAGE}
Exit code: 0 every object saved, 1 the server refused the request or some objects, 2 usage,
130 interrupted.
`;

const OPTIONS = {
  ...CONNECTION_OPTIONS, out: { type: 'string' }, name: { type: 'string' }, location: { type: 'boolean' }, json: { type: 'boolean' },
} as const satisfies OptionsSpec;

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/jpg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/bmp': 'bmp',
  'image/avif': 'avif', 'image/tiff': 'tif', 'application/pdf': 'pdf', 'text/xml': 'xml', 'text/plain': 'txt', 'video/mp4': 'mp4',
};

export function extensionFor(contentType: string): string {
  return EXTENSIONS[contentType.split(';')[0]!.trim().toLowerCase()] ?? 'bin';
}

/** A file name from the pattern; server-sent parts cannot add folders or hidden names. */
export function objectFileName(pattern: string, parts: Record<'key' | 'n' | 'ext' | 'type' | 'resource', string>): string {
  const safe = (s: string) => s.replace(/[^\w.-]/g, '_').replace(/^\.+/, '_');
  const name = pattern.replace(/\{(key|n|ext|type|resource)\}/g, (_m, k: keyof typeof parts) => safe(parts[k]));
  return basename(name.replace(/[\\/]/g, '_')) || safe(`${parts.key}-${parts.n}.${parts.ext}`);
}

function idList(id: string): string {
  return id.includes(':') ? id : `${id}:*`;
}

async function fetchAll(session: RetsSession, resource: string, type: string, ids: string, location: boolean, signal: AbortSignal): Promise<ObjectItem[]> {
  const once = async () => {
    const items: ObjectItem[] = [];
    for await (const item of session.getObject({ resource, type, ids, ...(location ? { location: 1 as const } : {}) }, signal)) items.push(item);
    return items;
  };
  const items = (await withRetry(once, { signal })).value;
  // Objects that failed inside a good answer (20409 "unavailable" and the like) get one more try.
  const failed = items.filter((i) => i.kind === 'error' && i.objectId !== '' && i.objectId !== '*');
  if (failed.length === 0) return items;
  const key = ids.split(':')[0];
  const again = await withRetry(async () => {
    const out: ObjectItem[] = [];
    for await (const item of session.getObject({ resource, type, ids: `${key}:${failed.map((f) => f.objectId).join(':')}`, ...(location ? { location: 1 as const } : {}) }, signal)) out.push(item);
    return out;
  }, { signal, attempts: 2 }).then((r) => r.value).catch(() => [] as ObjectItem[]);
  const fixed = new Map(again.filter((i) => i.kind === 'object').map((i) => [i.objectId, i]));
  return items.map((i) => (i.kind === 'error' ? fixed.get(i.objectId) ?? i : i));
}

export async function run(argv: string[]): Promise<number> {
  if (await wantsWebApi(argv)) return (await import('./webApiObjects')).run(argv);
  return withUsage('objects', OBJECTS_USAGE, async () => {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) { process.stdout.write(`${OBJECTS_USAGE}\n${(await import('./webApiObjects')).WEBAPI_OBJECTS_USAGE}`); return EXIT.done; }
    if (positionals.length !== 3) throw new UsageError('Give RESOURCE TYPE ID (e.g. Property Photo 500002:*).');
    const [resource, type, id] = positionals as [string, string, string];
    const dir = resolve(stringValue(values, 'out') ?? '.');
    const pattern = stringValue(values, 'name') ?? '{key}-{n}.{ext}';
    const location = values.location === true;
    const conn = await openConnection(connectionFlags(values));
    return runServerJob('objects', conn, async ({ session, signal, say }) => {
      const items = await fetchAll(session, resource, type, idList(id), location, signal);
      let failures = 0;
      if (!location) await mkdir(dir, { recursive: true });
      for (const item of items) {
        if (item.kind === 'error') {
          // "No object found" is an empty answer, not a failure (as a search with no records).
          if (item.error.replyCode === undefined || !isEmptyResultCode(item.error.replyCode)) failures += 1;
          if (values.json) process.stdout.write(`${JSON.stringify({ key: item.contentId, n: item.objectId, error: item.error })}\n`);
          else say(`${item.contentId}:${item.objectId}: ${describeError(item.error)}\n`);
          continue;
        }
        const o: RetsObject = item;
        if (location) {
          if (values.json) process.stdout.write(`${JSON.stringify({ key: o.contentId, n: o.objectId, contentType: o.contentType, location: o.location ?? null, description: o.description ?? '' })}\n`);
          else process.stdout.write(`${o.contentId}:${o.objectId}\t${o.location ?? '(no Location header)'}\n`);
          continue;
        }
        const file = join(dir, objectFileName(pattern, { key: o.contentId || id.split(':')[0]!, n: o.objectId, ext: extensionFor(o.contentType), type, resource }));
        await writeFileAtomic(file, o.data);
        if (values.json) process.stdout.write(`${JSON.stringify({ key: o.contentId, n: o.objectId, contentType: o.contentType, bytes: o.data.byteLength, file })}\n`);
        else process.stdout.write(`${file}\t${o.contentType}\t${o.data.byteLength.toLocaleString('en-US')} bytes\n`);
      }
      return failures > 0 ? EXIT.refused : EXIT.done;
    });
  });
}
