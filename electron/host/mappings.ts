// One mapping file per profile in the data folder (mappings/<profile id>.json, plain JSON the user
// can keep in git), proposed from the profile's metadata against a target's, imported and
// exported. Read-modify-writes go through the file queue; ids through insideFolder.
import { readFile, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  coverageOf, DataDictionaryError, MAX_DICTIONARY_CHARS, MappingFileError, MAX_MAPPING_CHARS, parseMappingFile, readDataDictionary,
  proposeMapping, serializeMapping, targetFromMetadata, withDictionary, type MappingFile, type TargetVocabulary,
} from '../../shared/mapping/index';
import type { MappingResponse } from '../../shared/contract';
import type { RetsMetadata } from '../../shared/rets/metadata/model';
import { decodeBody } from '../../shared/rets/text';
import { serialized } from './fileQueue';
import { isSafeId, writeFileAtomic } from './files';
import { inputError, notFound } from './hostError';
import { insideFolder } from './safePath';

/** What proposing needs from the rest of the host: a profile's metadata and display name. */
export interface MappingSources {
  metadata(profileId: string): Promise<RetsMetadata>;
  profileName(profileId: string): Promise<string>;
}

/** The target of a proposal: a profile (its metadata's names), or a Data Dictionary file on disk. */
export type ResolvedTarget = { kind: 'profile'; profileId: string } | { kind: 'dictionary'; path: string; name: string };

function respond(mapping: MappingFile | null): MappingResponse {
  return { mapping, coverage: mapping ? coverageOf(mapping) : null };
}

async function readCapped(path: string, name: string, cap: number, what: string): Promise<Uint8Array> {
  const st = await stat(path).catch(() => { throw inputError(`Cannot open "${name}": no such file.`); });
  if (!st.isFile()) throw inputError(`"${name}" is not a file.`);
  if (st.size > cap) throw inputError(`"${name}" is ${st.size.toLocaleString('en-US')} bytes, larger than ${what} ever is.`);
  return new Uint8Array(await readFile(path));
}

export class MappingStore {
  constructor(readonly dir: string, private readonly sources: MappingSources) {}

  private file(profileId: string): string {
    if (!isSafeId(profileId)) throw notFound('profile', profileId);
    return insideFolder(this.dir, `${profileId}.json`);
  }

  private async read(profileId: string): Promise<MappingFile | null> {
    let text: string;
    try { text = await readFile(this.file(profileId), 'utf8'); } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    try { return parseMappingFile(text); } catch (e) {
      if (e instanceof MappingFileError) throw inputError(`The saved mapping of this profile cannot be read: ${e.message}`, `Fix or remove mappings/${profileId}.json in the data folder, or import a good copy.`);
      throw e;
    }
  }

  private write(profileId: string, m: MappingFile): Promise<void> {
    return writeFileAtomic(this.file(profileId), serializeMapping({ ...m, profileId }));
  }

  async get(profileId: string): Promise<MappingResponse> {
    return respond(await this.read(profileId));
  }

  async save(profileId: string, mapping: MappingFile): Promise<MappingResponse> {
    const path = this.file(profileId);
    return serialized(path, async () => { await this.write(profileId, mapping); return respond({ ...mapping, profileId }); });
  }

  private async dictionary(path: string, name: string): Promise<TargetVocabulary> {
    const bytes = await readCapped(path, name, MAX_DICTIONARY_CHARS, 'a Data Dictionary');
    try { return readDataDictionary(bytes, name); } catch (e) {
      if (e instanceof DataDictionaryError) throw inputError(`"${name}": ${e.message}`, 'RESO publishes the Data Dictionary as a JSON metadata report, as EDMX and as a workbook (.xlsx); load one of those (see the README: Mapping).');
      throw e;
    }
  }

  /** A new proposal against the target, keeping what the user decided in the saved mapping; saved. */
  async propose(profileId: string, target: ResolvedTarget, dictionary?: { path: string; name: string }): Promise<MappingResponse> {
    const path = this.file(profileId);
    const source = await this.sources.metadata(profileId);
    let vocabulary: TargetVocabulary;
    if (target.kind === 'dictionary') vocabulary = await this.dictionary(target.path, target.name);
    else {
      vocabulary = targetFromMetadata(await this.sources.metadata(target.profileId), await this.sources.profileName(target.profileId));
      if (dictionary) vocabulary = withDictionary(vocabulary, await this.dictionary(dictionary.path, dictionary.name));
    }
    const sourceName = await this.sources.profileName(profileId);
    return serialized(path, async () => {
      const previous = await this.read(profileId).catch(() => null);
      const mapping = proposeMapping(source, vocabulary, { sourceName, profileId, ...(previous ? { previous } : {}) });
      await this.write(profileId, mapping);
      return respond(mapping);
    });
  }

  /** A mapping file's text becomes the profile's mapping (replacing the saved one). */
  async importText(profileId: string, text: string): Promise<MappingResponse> {
    let mapping: MappingFile;
    try { mapping = parseMappingFile(text); } catch (e) {
      if (e instanceof MappingFileError) throw inputError(e.message, 'Export a mapping from the workbench (or `rets-workbench mapping propose --out FILE`) to see the expected format.');
      throw e;
    }
    return this.save(profileId, mapping);
  }

  async importPath(profileId: string, path: string): Promise<MappingResponse> {
    return this.importText(profileId, decodeBody(await readCapped(path, basename(path), MAX_MAPPING_CHARS, 'a mapping')));
  }

  async exportText(profileId: string, path?: string): Promise<{ content: string; fileName: string }> {
    const m = await this.read(profileId);
    if (!m) throw inputError('This profile has no mapping yet.', 'Propose one first (Mapping…), or import a mapping file.');
    const content = serializeMapping(m);
    if (path) await writeFileAtomic(path, content);
    return { content, fileName: `mapping-${profileId}.json` };
  }

  /** The profile is gone: so is its mapping. */
  async forget(profileId: string): Promise<void> {
    await rm(this.file(profileId), { force: true });
  }
}
