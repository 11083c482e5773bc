// `rets-workbench objects RESOURCE KEY` on the Web API: a record's Media rows (the Media resource
// by ResourceRecordKey, in Order) and each MediaURL's image saved under the same name pattern as
// RETS objects. Only raster images up to the size cap are saved (the hardening rules); a MediaURL
// that fails or holds something else is reported and makes the exit code 1.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describeODataError, isODataError } from '../../shared/odata/errors';
import { writeFileAtomic } from '../host/files';
import { withRetry } from '../host/retry';
import { parseCommandArgs, stringValue, UsageError, withUsage, type OptionsSpec } from './args';
import { extensionFor, objectFileName } from './objects';
import { EXIT } from './serverRun';
import { openWebApiConnection, WEBAPI_CONNECTION_OPTIONS, WEBAPI_CONNECTION_USAGE, webApiFlags } from './webApiConnection';
import { runWebApiJob } from './webApiRun';

export const WEBAPI_OBJECTS_USAGE = `usage: rets-workbench objects RESOURCE KEY [--out DIR] [--name PATTERN] [--location] [--json]
                             (--profile NAME | --service-root URL ...)

The Web API form: the Media of the record whose key is KEY (Media with ResourceName RESOURCE and
ResourceRecordKey KEY, in Order), e.g. objects Property 500002
  --out DIR     where to save (default: the current folder)
  --name P      file names from {key} {n} {ext} {type} {resource} (default: {key}-{n}.{ext});
                {n} is the Order (else the position), {type} the MediaCategory
  --location    print the MediaURLs instead of saving the images
  --json        one JSON line per media item on stdout

${WEBAPI_CONNECTION_USAGE}
Exit code: 0 every image saved, 1 the server refused the request or some images, 2 usage,
130 interrupted.
`;

const OPTIONS = {
  ...WEBAPI_CONNECTION_OPTIONS, out: { type: 'string' }, name: { type: 'string' }, location: { type: 'boolean' }, json: { type: 'boolean' },
} as const satisfies OptionsSpec;

/** Dropped connections and timeouts pass on a second try; refusals and wrong content do not. */
function retryable(e: unknown): boolean {
  return isODataError(e) && (e.info.kind === 'network' || e.info.kind === 'timeout' || (e.info.kind === 'http' && (e.info.httpStatus ?? 500) >= 500));
}

export async function run(argv: string[]): Promise<number> {
  return withUsage('objects', WEBAPI_OBJECTS_USAGE, async () => {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) { process.stdout.write(WEBAPI_OBJECTS_USAGE); return EXIT.done; }
    if (positionals.length !== 2) throw new UsageError('Give RESOURCE KEY (e.g. Property 500002).');
    const [resource, key] = positionals as [string, string];
    const dir = resolve(stringValue(values, 'out') ?? '.');
    const pattern = stringValue(values, 'name') ?? '{key}-{n}.{ext}';
    const location = values.location === true;
    const conn = await openWebApiConnection(webApiFlags(values));
    return runWebApiJob('objects', conn, async ({ session, signal, say }) => {
      const items = await session.media({ ResourceRecordKey: key, ResourceName: resource }, signal);
      if (items.length === 0) say(`${resource} ${key} has no Media.\n`);
      let failures = 0;
      if (!location && items.length) await mkdir(dir, { recursive: true });
      for (const [i, m] of items.entries()) {
        const n = String(m.order ?? i + 1);
        if (location) {
          if (values.json) process.stdout.write(`${JSON.stringify({ key, n, mediaKey: m.mediaKey, url: m.url || null, mimeType: m.mimeType ?? null, category: m.category ?? null })}\n`);
          else process.stdout.write(`${key}:${n}\t${m.url || '(no MediaURL)'}\n`);
          continue;
        }
        if (!m.url) {
          failures += 1;
          say(`${key}:${n}: media ${m.mediaKey} has no MediaURL.\n`);
          continue;
        }
        try {
          const image = (await withRetry(() => session.mediaImage(m.url, signal), { signal, retryable })).value;
          const file = join(dir, objectFileName(pattern, { key, n, ext: extensionFor(image.type), type: m.category ?? 'Photo', resource }));
          await writeFileAtomic(file, image.bytes);
          if (values.json) process.stdout.write(`${JSON.stringify({ key, n, mediaKey: m.mediaKey, contentType: image.type, bytes: image.bytes.byteLength, file })}\n`);
          else process.stdout.write(`${file}\t${image.type}\t${image.bytes.byteLength.toLocaleString('en-US')} bytes\n`);
        } catch (e) {
          if (signal.aborted || !isODataError(e)) throw e;
          failures += 1;
          if (values.json) process.stdout.write(`${JSON.stringify({ key, n, mediaKey: m.mediaKey, error: e.info })}\n`);
          else say(`${key}:${n}: ${describeODataError(e.info)}\n`);
        }
      }
      return failures > 0 ? EXIT.refused : EXIT.done;
    });
  });
}
