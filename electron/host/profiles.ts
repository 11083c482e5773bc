// Connection profiles as plain JSON files (one per profile) in the user data folder, written
// atomically. A file holds only a credential id and where each secret is kept; the secrets
// themselves live in the keychain (or, with no keychain, in memory for this session).
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  type UnreadableFile, AuthScheme, HttpMethod, Profile, ProfileFields, ProfileInput, ProfilePatch, RetsVersion, Throttle, Timeouts, DEFAULT_TIMEOUTS,
} from '../../shared/contract';
import { isSafeId, readJsonFile, shortId, slugify, unreadableFile, writeJsonAtomic } from './files';
import { inputError, notFound } from './hostError';
import { NO_KEYCHAIN_MESSAGE, SecretStore, type SecretKind } from './secrets';
import { insideFolder } from './safePath';

const SecretPlace = z.enum(['keychain', 'memory', 'none']);

/** What a profile file holds: no secret, ever. */
export const ProfileFile = z.object({
  id: z.string(),
  name: z.string(),
  loginUrl: z.string(),
  username: z.string(),
  userAgent: z.string(),
  retsVersion: RetsVersion,
  authScheme: AuthScheme,
  method: HttpMethod,
  throttle: Throttle,
  timeouts: Timeouts.default(DEFAULT_TIMEOUTS), // absent in files written before timeouts existed
  keepLoginHost: z.boolean().default(false), // absent in older files
  credentialId: z.string(),
  secrets: z.object({ password: SecretPlace, uaPassword: SecretPlace }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProfileFile = z.infer<typeof ProfileFile>;

type Fields = z.infer<typeof ProfileFields>;

/** Everything a RETS session needs, secrets included: stays in the host. */
export interface ProfileConnection extends Fields {
  id: string;
  password: string;
  uaPassword?: string;
}

/** A profile the host provides itself (the Demo MLS): in memory only, not editable. */
export interface BuiltinProfile extends Fields {
  id: string;
  password: string;
  uaPassword?: string;
}

export class ProfileStore {
  private readonly builtins = new Map<string, BuiltinProfile>();
  private readonly createdAt = new Date().toISOString();

  constructor(readonly dir: string, private readonly secrets: SecretStore) {}

  addBuiltin(p: BuiltinProfile): void {
    this.builtins.set(p.id, p);
  }

  private file(id: string): string {
    if (!isSafeId(id)) throw notFound('profile', id);
    return insideFolder(this.dir, `${id}.json`);
  }

  private async readFile(id: string): Promise<ProfileFile | undefined> {
    const raw = await readJsonFile(this.file(id));
    return raw === undefined ? undefined : ProfileFile.parse(raw);
  }

  private async load(id: string): Promise<ProfileFile> {
    const f = await this.readFile(id);
    if (!f) throw notFound('profile', id);
    return f;
  }

  private view(f: ProfileFile): Profile {
    const hasPassword = this.secrets.has(f.credentialId, 'password', f.secrets.password);
    const hasUaPassword = this.secrets.has(f.credentialId, 'uaPassword', f.secrets.uaPassword);
    const inMemory = f.secrets.password === 'memory' || f.secrets.uaPassword === 'memory';
    const secretStorage = f.secrets.password === 'keychain' || f.secrets.uaPassword === 'keychain' ? (inMemory ? 'memory' : 'keychain') : inMemory ? 'memory' : 'none';
    const lost = inMemory && ((f.secrets.password === 'memory' && !hasPassword) || (f.secrets.uaPassword === 'memory' && !hasUaPassword));
    const { credentialId: _c, secrets: _s, ...fields } = f;
    return {
      ...fields,
      hasPassword, hasUaPassword, secretStorage, builtin: false,
      ...(inMemory ? { secretWarning: lost ? `${NO_KEYCHAIN_MESSAGE} Enter the password again.` : NO_KEYCHAIN_MESSAGE } : {}),
    };
  }

  private builtinView(b: BuiltinProfile): Profile {
    const { password: _p, uaPassword, ...fields } = b;
    return { ...fields, hasPassword: true, hasUaPassword: !!uaPassword, secretStorage: 'memory', builtin: true, createdAt: this.createdAt, updatedAt: this.createdAt };
  }

  async list(): Promise<Profile[]> {
    return (await this.listAll()).profiles;
  }

  /** Every profile, and the files that could not be read (a hand-broken file hides only itself). */
  async listAll(): Promise<{ profiles: Profile[]; unreadable: UnreadableFile[] }> {
    const out: Profile[] = [...this.builtins.values()].map((b) => this.builtinView(b));
    let names: string[] = [];
    try { names = await readdir(this.dir); } catch { /* no folder yet */ }
    const files: ProfileFile[] = [];
    const unreadable: UnreadableFile[] = [];
    for (const n of names) {
      if (!n.endsWith('.json') || n.startsWith('.')) continue;
      try {
        const f = await this.readFile(n.slice(0, -5));
        if (f) files.push(f);
      } catch (err) {
        unreadable.push(unreadableFile(join(this.dir, n), err));
      }
    }
    files.sort((a, b) => a.name.localeCompare(b.name));
    return { profiles: out.concat(files.map((f) => this.view(f))), unreadable };
  }

  async get(id: string): Promise<Profile> {
    const b = this.builtins.get(id);
    if (b) return this.builtinView(b);
    return this.view(await this.load(id));
  }

  async create(input: z.input<typeof ProfileInput>): Promise<Profile> {
    const parsed = ProfileInput.parse(input);
    const now = new Date().toISOString();
    const id = `${slugify(parsed.name, 30)}-${shortId()}`;
    const { password, uaPassword, ...fields } = parsed;
    const f: ProfileFile = { ...fields, id, credentialId: randomUUID(), secrets: { password: 'none', uaPassword: 'none' }, createdAt: now, updatedAt: now };
    await this.applySecret(f, 'password', password);
    await this.applySecret(f, 'uaPassword', uaPassword);
    await writeJsonAtomic(this.file(id), f);
    return this.view(f);
  }

  async update(id: string, patch: z.input<typeof ProfilePatch>): Promise<Profile> {
    if (this.builtins.has(id)) throw inputError('The Demo MLS profile cannot be changed.', 'Create your own profile for other settings.');
    const f = await this.load(id);
    const { password, uaPassword, ...fields } = ProfilePatch.parse(patch);
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) (f as Record<string, unknown>)[k] = v;
    await this.applySecret(f, 'password', password);
    await this.applySecret(f, 'uaPassword', uaPassword);
    f.updatedAt = new Date().toISOString();
    await writeJsonAtomic(this.file(id), ProfileFile.parse(f));
    return this.view(f);
  }

  async delete(id: string): Promise<void> {
    if (this.builtins.has(id)) throw inputError('The Demo MLS profile cannot be deleted.');
    const f = await this.load(id);
    await this.secrets.delete(f.credentialId, 'password');
    await this.secrets.delete(f.credentialId, 'uaPassword');
    await rm(this.file(id), { force: true });
  }

  /** The profile with its secrets, for the session layer. */
  async connection(id: string): Promise<ProfileConnection> {
    const b = this.builtins.get(id);
    if (b) return { ...b };
    const f = await this.load(id);
    const password = await this.secrets.get(f.credentialId, 'password', f.secrets.password);
    const uaPassword = await this.secrets.get(f.credentialId, 'uaPassword', f.secrets.uaPassword);
    const { credentialId: _c, secrets: _s, createdAt: _a, updatedAt: _u, ...fields } = f;
    return { ...fields, password: password ?? '', ...(uaPassword ? { uaPassword } : {}) };
  }

  /** The raw file, for tests and the doctor (no secrets in it). */
  async fileOf(id: string): Promise<ProfileFile> {
    return this.load(id);
  }

  // undefined keeps, null or "" clears, a string sets (keychain first, memory when none answers).
  private async applySecret(f: ProfileFile, kind: SecretKind, value: string | null | undefined): Promise<void> {
    if (value === undefined) return;
    if (value === null || value === '') {
      await this.secrets.delete(f.credentialId, kind);
      f.secrets[kind] = 'none';
      return;
    }
    f.secrets[kind] = await this.secrets.set(f.credentialId, kind, value);
  }
}
