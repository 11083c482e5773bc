// metadata.diff and metadata.saveDiff: two metadata (a profile's current metadata, one of its kept
// versions, or a file the user picked, RETS or a Web API $metadata) compared with the shared diff;
// a report the renderer rendered saved to a picked file or kept as a download. Across servers, the
// first side's saved mapping (when its profile has one) pairs fields too, with the reason 'mapping'.
import { readFile, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { MetadataDiffRequest, MetadataDiffResponse, MetadataDiffSide, MetadataSaveDiffRequest, MetadataSaveDiffResponse } from '../../shared/contract';
import { diffMetadata, type DiffOptions } from '../../shared/metadata/diff';
import { diffPairing } from '../../shared/mapping/use';
import type { MappingFile } from '../../shared/mapping/types';
import { detectSavedMetadata, parseSavedMetadata } from '../../shared/metadata/load';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { RetsError, isRetsError } from '../../shared/rets/errors';
import { decodeBody } from '../../shared/rets/text';
import { excerpt } from './excerpt';
import type { FileHandles } from './fileHandles';
import { writeFileAtomic } from './files';
import { inputError } from './hostError';
import type { MetadataService } from './metadataCache';
import { openMetadataPath } from './metadataFile';
import type { ProfileStore } from './profiles';

const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface DiffDeps {
  metadata: MetadataService;
  profiles: ProfileStore;
  files: FileHandles;
  keepDownload(id: string, fileName: string, content: string, ext: string): Promise<string>;
  /** A profile's saved mapping (null when none). */
  mapping?(profileId: string): Promise<MappingFile | null>;
}

/** A picked file of either protocol: RETS through the open-file path (its errors), a $metadata through the CSDL reader. */
async function fileSide(path: string, rawName: string): Promise<{ metadata: RetsMetadata; label: string }> {
  const name = excerpt(rawName, 120);
  const st = await stat(path).catch(() => undefined);
  if (!st?.isFile()) throw inputError(`Cannot open "${name}": no such file.`);
  if (st.size > MAX_FILE_BYTES) throw inputError(`"${name}" is larger than 512 MB.`);
  const text = decodeBody(new Uint8Array(await readFile(path)));
  if (detectSavedMetadata(text) === 'rets') return { metadata: (await openMetadataPath(path, rawName)).metadata, label: name };
  try {
    return { metadata: parseSavedMetadata(text).metadata, label: name };
  } catch (err) {
    const why = isRetsError(err) ? err.info.message : err instanceof Error ? err.message : String(err);
    throw new RetsError({ kind: 'parse', transaction: 'GetMetadata', message: `"${name}" could not be read as a Web API $metadata: ${excerpt(why, 400)}`, hint: 'Open a $metadata document saved as CSDL XML or JSON.' });
  }
}

async function side(deps: DiffDeps, s: MetadataDiffSide): Promise<{ metadata: RetsMetadata; label: string }> {
  if ('handle' in s) return deps.files.use(s.handle, 'metadata', 'read', (f) => fileSide(f.path, f.name));
  const profile = await deps.profiles.get(s.profileId);
  if (!s.version) return { metadata: await deps.metadata.current(s.profileId), label: `${profile.name} (current)` };
  const { metadata, entry } = await deps.metadata.version(s.profileId, s.version);
  return { metadata, label: `${profile.name} @ ${entry.metadataVersion || entry.fetchedAt}` };
}

export async function diffSides(deps: DiffDeps, r: z.output<typeof MetadataDiffRequest>): Promise<z.output<typeof MetadataDiffResponse>> {
  const a = await side(deps, r.a);
  const b = await side(deps, r.b);
  const options: DiffOptions = r.alignment ? { alignment: r.alignment } : {};
  const mapping = await mappingOf(deps, r);
  if (mapping) options.pairing = diffPairing(mapping);
  return {
    diff: diffMetadata(a.metadata, b.metadata, options),
    labels: { a: a.label, b: b.label },
    fieldLookups: { a: fieldLookups(a.metadata), b: fieldLookups(b.metadata) },
  };
}

/** A's saved mapping when A is a profile and B is another server (another profile or a file). */
async function mappingOf(deps: DiffDeps, r: z.output<typeof MetadataDiffRequest>): Promise<MappingFile | null> {
  if (!deps.mapping || 'handle' in r.a || r.alignment === 'versions') return null;
  if (!('handle' in r.b) && r.b.profileId === r.a.profileId) return null;
  return deps.mapping(r.a.profileId).catch(() => null);
}

function fieldLookups(md: RetsMetadata): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of md.resources) for (const c of r.classes) for (const f of c.fields) if (f.lookupName) out[`${r.id}.${f.systemName}`] = f.lookupName;
  return out;
}

export async function saveDiff(deps: DiffDeps, r: z.output<typeof MetadataSaveDiffRequest>): Promise<z.output<typeof MetadataSaveDiffResponse>> {
  const bytes = Buffer.byteLength(r.content, 'utf8');
  if (r.handle) {
    const target = deps.files.take(r.handle, 'metadata-diff', 'write');
    await writeFileAtomic(target.path, r.content);
    return { fileName: target.name, bytes };
  }
  if (!r.download) return { fileName: r.fileName, bytes };
  const ext = r.format === 'csv' ? '.csv' : '.md';
  const downloadUrl = await deps.keepDownload(`metadata-diff-${randomBytes(6).toString('hex')}`, r.fileName, r.content, ext);
  return { fileName: r.fileName, bytes, downloadUrl };
}
