// Connection profiles as plain JSON files (one per profile) in the user data folder, written
// atomically, one change at a time per file. A file holds only a credential id and where each
// secret is kept; the secrets themselves live in the keychain (or, with no keychain, in the
// encrypted secrets file when turned on, else in memory for this session). A password typed into
// the login URL is moved there too.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  type UnreadableFile, AuthScheme, ConnectionType, HttpMethod, Profile, ProfileFields, ProfileInput, ProfilePatch, RetsVersion, Throttle, Timeouts,
  DEFAULT_TIMEOUTS, WebApiSettings,
} from '../../shared/contract';
import { serialized } from './fileQueue';
import { isSafeId, readJsonFile, shortId, slugify, unreadableFile, writeJsonAtomic } from './files';
import { inputError, notFound } from './hostError';
import { splitUserinfo } from './loginUrlUserinfo';
import { RetsError } from '../../shared/rets/errors';
import { NO_KEYCHAIN_MESSAGE, NO_STORED_PASSWORD, SECRET_KINDS, SecretStore, type SecretKind } from './secrets';
import { lockedFile } from './secretsFile';
import { idFixNote, readStoreFolder, type IdFix } from './storeIds';
import { insideFolder } from './safePath';

// 'file' (the encrypted secrets file) came later: files written before it hold the other three.
const SecretPlace = z.enum(['keychain', 'file', 'memory', 'none']);

const SECRET_WORDS: Record<SecretKind, string> = { password: 'password', uaPassword: 'UA password', clientSecret: 'client secret', token: 'access token' };

function noStoredSecret(kind: SecretKind): RetsError {
  return new RetsError({
    kind: 'auth', transaction: 'Login',
    message: kind === 'password' ? NO_STORED_PASSWORD : `No ${SECRET_WORDS[kind]} is stored for this profile (no keychain here): enter it.`,
    cause: 'No OS keychain answers here, so the secret was kept in memory only, and the workbench has restarted since.',
    hint: 'Enter it when asked (it is kept for this session), or turn on the encrypted secrets file to keep it across restarts; the command line reads RETS_PASSWORD / RETS_UA_PASSWORD.',
  });
}

/** What a profile file holds: no secret, ever. */
export const ProfileFile = z.object({
  id: z.string(),
  name: z.string(),
  type: ConnectionType.default('rets'), // absent in files written before Web API profiles
  loginUrl: z.string(),
  username: z.string(),
  userAgent: z.string(),
  retsVersion: RetsVersion,
  authScheme: AuthScheme,
  method: HttpMethod,
  throttle: Throttle,
  timeouts: Timeouts.default(DEFAULT_TIMEOUTS), // absent in files written before timeouts existed
  keepLoginHost: z.boolean().default(false), // absent in older files
  webApi: WebApiSettings.optional(),
  credentialId: z.string(),
  // The Web API's secrets are named only once a profile has them: RETS files stay as they were.
  secrets: z.object({ password: SecretPlace, uaPassword: SecretPlace, clientSecret: SecretPlace.optional(), token: SecretPlace.optional() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProfileFile = z.infer<typeof ProfileFile>;

type Fields = z.infer<typeof ProfileFields>;
type Place = z.infer<typeof SecretPlace>;

function placeOf(f: ProfileFile, kind: SecretKind): Place {
  return f.secrets[kind] ?? 'none';
}

function setPlace(f: ProfileFile, kind: SecretKind, place: Place): void {
  if (place === 'none' && (kind === 'clientSecret' || kind === 'token')) delete f.secrets[kind];
  else f.secrets[kind] = place;
}

/** Everything a session needs, secrets included: stays in the host. */
export interface ProfileConnection extends Omit<Fields, 'type'> {
  /** Absent: RETS (callers written before Web API profiles). */
  type?: Fields['type'];
  id: string;
  password: string;
  uaPassword?: string;
  clientSecret?: string;
  token?: string;
}

/** A profile the host provides itself (the Demo MLS): in memory only, not editable. */
export type BuiltinProfile = ProfileConnection;

/** The secret a profile cannot connect without. */
export function mainSecretKind(f: { type?: 'rets' | 'webapi'; webApi?: WebApiSettings }): SecretKind {
  if (f.type !== 'webapi') return 'password';
  const auth = f.webApi?.auth;
  return auth === 'bearer' ? 'token' : auth === 'password' ? 'password' : 'clientSecret';
}

/** A Web API profile's settings must say how it authenticates: checked on create and update. */
export function checkWebApi(f: { type?: 'rets' | 'webapi'; webApi?: WebApiSettings }): void {
  if (f.type !== 'webapi') return;
  const w = f.webApi;
  if (!w) throw inputError('A Web API profile needs its authentication settings.', 'Choose bearer token, client credentials or password grant.');
  if (w.auth !== 'bearer' && !w.tokenUrl) throw inputError('A Web API profile with OAuth2 needs the token URL.', 'Enter the token URL the MLS documents (https://…/token).');
  if (w.auth !== 'bearer' && !w.clientId) throw inputError('A Web API profile with OAuth2 needs the client id.', 'Enter the client id the MLS gave you.');
}

export class ProfileStore {
  private readonly builtins = new Map<string, BuiltinProfile>();
  private readonly createdAt = new Date().toISOString();
  /** Copies given their own id since the host started: listed with every list, so the user sees them. */
  private readonly fixed: UnreadableFile[] = [];

  constructor(readonly dir: string, private readonly secrets: SecretStore) {}

  addBuiltin(p: BuiltinProfile): void {
    this.builtins.set(p.id, p);
  }

  private file(id: string): string {
    if (!isSafeId(id)) throw notFound('profile', id);
    return insideFolder(this.dir, `${id}.json`);
  }

  /** Runs a read-modify-write of one profile file alone. */
  private locked<T>(id: string, work: () => Promise<T>): Promise<T> {
    return serialized(this.file(id), work);
  }

  /** The file as it is on disk; its id is its file name, whatever it says inside. */
  private async readFile(id: string): Promise<ProfileFile | undefined> {
    const raw = await readJsonFile(this.file(id));
    return raw === undefined ? undefined : ProfileFile.parse({ ...(raw as object), id });
  }

  /** The file, with a password left in its login URL by an older version moved out first. */
  private async load(id: string): Promise<ProfileFile> {
    const f = await this.readFile(id);
    if (!f) throw notFound('profile', id);
    if (!splitUserinfo(f.loginUrl)) return f;
    return this.locked(id, async () => {
      const g = await this.readFile(id);
      if (!g) throw notFound('profile', id);
      if (await this.takeUrlUserinfo(g, false)) await writeJsonAtomic(this.file(id), g);
      return g;
    });
  }

  private view(f: ProfileFile): Profile {
    const hasPassword = this.secrets.has(f.credentialId, 'password', f.secrets.password);
    const hasUaPassword = this.secrets.has(f.credentialId, 'uaPassword', f.secrets.uaPassword);
    const hasClientSecret = this.secrets.has(f.credentialId, 'clientSecret', placeOf(f, 'clientSecret'));
    const hasToken = this.secrets.has(f.credentialId, 'token', placeOf(f, 'token'));
    const places = SECRET_KINDS.map((k) => placeOf(f, k));
    // The weakest place wins: a profile with one secret in memory is a memory profile.
    const secretStorage = (['memory', 'file', 'keychain'] as const).find((p) => places.includes(p)) ?? 'none';
    const lost = SECRET_KINDS.some((k) => f.secrets[k] === 'memory' && !this.secrets.has(f.credentialId, k, 'memory'));
    const locked = places.includes('file') && !this.secrets.file?.unlocked;
    const { credentialId: _c, secrets: _s, ...fields } = f;
    const warning = lost ? `${NO_STORED_PASSWORD} ${NO_KEYCHAIN_MESSAGE}` : locked ? lockedFile().message : secretStorage === 'memory' ? NO_KEYCHAIN_MESSAGE : undefined;
    return {
      ...fields, hasPassword, hasUaPassword, ...(f.type === 'webapi' ? { hasClientSecret, hasToken } : {}),
      secretStorage, builtin: false, ...(warning ? { secretWarning: warning } : {}),
    };
  }

  private builtinView(b: BuiltinProfile): Profile {
    const { password, uaPassword, clientSecret, token, ...fields } = b;
    return {
      ...fields, type: b.type ?? 'rets', hasPassword: !!password, hasUaPassword: !!uaPassword, ...(b.type === 'webapi' ? { hasClientSecret: !!clientSecret, hasToken: !!token } : {}),
      secretStorage: 'memory', builtin: true, createdAt: this.createdAt, updatedAt: this.createdAt,
    };
  }

  async list(): Promise<Profile[]> {
    return (await this.listAll()).profiles;
  }

  /**
   * Every profile, and the files that could not be read (a hand-broken file hides only itself).
   * Loading fixes what older versions and file copies left: a copy gets its own id and its own
   * credential, a password in a login URL moves to the secret store. One list at a time.
   */
  listAll(): Promise<{ profiles: Profile[]; unreadable: UnreadableFile[] }> {
    return serialized(join(this.dir, '.list'), () => this.loadAll());
  }

  private async loadAll(): Promise<{ profiles: Profile[]; unreadable: UnreadableFile[] }> {
    const out: Profile[] = [...this.builtins.values()].map((b) => this.builtinView(b));
    const { found, unreadable, fixes } = await readStoreFolder(this.dir, (raw) => ProfileFile.parse({ ...raw, id: 'checked' }), (label) => `${slugify(label, 30)}-${shortId()}`);
    // The original keeps the credential a copy shares with it: originals first.
    found.sort((a, b) => Number(fixes.has(a.name)) - Number(fixes.has(b.name)));
    const credentials = new Set<string>();
    const files: ProfileFile[] = [];
    for (const { name, raw } of found) {
      const fix = fixes.get(name);
      const sharedCredential = credentials.has(String(raw.credentialId));
      try {
        const f = fix || sharedCredential || splitUserinfo(String(raw.loginUrl)) ? await this.repair(name, fix, sharedCredential) : ProfileFile.parse({ ...raw, id: name });
        credentials.add(f.credentialId);
        files.push(f);
        const note = fix && idFixNote(join(this.dir, `${name}.json`), fix, 'connection');
        if (note) this.fixed.push(note);
      } catch (err) {
        unreadable.push(unreadableFile(join(this.dir, `${name}.json`), err));
      }
    }
    files.sort((a, b) => a.name.localeCompare(b.name));
    return { profiles: out.concat(files.map((f) => this.view(f))), unreadable: [...unreadable, ...this.fixed] };
  }

  /** Rewrites one file: its own id (saved under it), its own credential, no userinfo in its URL. */
  private async repair(name: string, fix: IdFix | undefined, sharedCredential: boolean): Promise<ProfileFile> {
    const id = fix?.id ?? name;
    const from = join(this.dir, `${name}.json`);
    return this.locked(id, async () => {
      const raw = await readJsonFile(from);
      if (raw === undefined) throw notFound('profile', name);
      const f = ProfileFile.parse({ ...(raw as object), id });
      if (sharedCredential) await this.ownCredential(f);
      await this.takeUrlUserinfo(f, false);
      await writeJsonAtomic(this.file(id), f);
      if (fix?.rename) await rm(from, { force: true });
      return f;
    });
  }

  /** A copied file shares its original's credential id: give it its own, with the same secrets. */
  private async ownCredential(f: ProfileFile): Promise<void> {
    const from = f.credentialId;
    f.credentialId = randomUUID();
    for (const kind of SECRET_KINDS) {
      const value = await this.secrets.get(from, kind, placeOf(f, kind));
      setPlace(f, kind, value ? await this.secrets.set(f.credentialId, kind, value) : 'none');
    }
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
    const { password, uaPassword, clientSecret, token, ...fields } = parsed;
    checkWebApi(fields);
    const f: ProfileFile = {
      ...fields, id, credentialId: randomUUID(), secrets: { password: 'none', uaPassword: 'none' }, createdAt: now, updatedAt: now,
    };
    await this.applySecrets(f, { password, uaPassword, clientSecret, token });
    await this.takeUrlUserinfo(f, password === undefined);
    await this.locked(id, () => writeJsonAtomic(this.file(id), f));
    return this.view(f);
  }

  /** Re-reads the file inside its queue, so concurrent updates of different fields all land. */
  async update(id: string, patch: z.input<typeof ProfilePatch>): Promise<Profile> {
    if (this.builtins.has(id)) throw inputError('The Demo MLS profile cannot be changed.', 'Create your own profile for other settings.');
    const { password, uaPassword, clientSecret, token, ...fields } = ProfilePatch.parse(patch);
    return this.locked(id, async () => {
      const f = await this.readFile(id);
      if (!f) throw notFound('profile', id);
      await this.takeUrlUserinfo(f, false); // what an older version left in the file
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) (f as Record<string, unknown>)[k] = v;
      checkWebApi(f);
      await this.applySecrets(f, { password, uaPassword, clientSecret, token });
      await this.takeUrlUserinfo(f, password === undefined);
      f.updatedAt = new Date().toISOString();
      await writeJsonAtomic(this.file(id), ProfileFile.parse(f));
      return this.view(f);
    });
  }

  async delete(id: string): Promise<void> {
    if (this.builtins.has(id)) throw inputError('The Demo MLS profile cannot be deleted.');
    await this.locked(id, async () => {
      const f = await this.readFile(id);
      if (!f) throw notFound('profile', id);
      for (const kind of SECRET_KINDS) await this.secrets.delete(f.credentialId, kind);
      await rm(this.file(id), { force: true });
    });
  }

  /**
   * The profile with its secrets, for the session layer. A secret kept in memory and lost to a
   * restart is a typed error (sending an empty password would come back as a wrong-password
   * refusal); so is a locked secrets file. The CLI, whose environment may supply the secret, asks
   * with `requireSecrets: false`.
   */
  async connection(id: string, opts: { requireSecrets?: boolean } = {}): Promise<ProfileConnection> {
    const b = this.builtins.get(id);
    if (b) return { ...b };
    const f = await this.load(id);
    if (opts.requireSecrets !== false) {
      for (const kind of SECRET_KINDS) {
        if (f.secrets[kind] === 'memory' && !this.secrets.has(f.credentialId, kind, 'memory')) throw noStoredSecret(kind);
      }
    }
    const password = await this.secrets.get(f.credentialId, 'password', f.secrets.password);
    const uaPassword = await this.secrets.get(f.credentialId, 'uaPassword', f.secrets.uaPassword);
    const clientSecret = await this.secrets.get(f.credentialId, 'clientSecret', placeOf(f, 'clientSecret'));
    const token = await this.secrets.get(f.credentialId, 'token', placeOf(f, 'token'));
    if (opts.requireSecrets !== false) {
      const stored = { password, uaPassword, clientSecret, token };
      for (const kind of SECRET_KINDS) if (f.secrets[kind] === 'file' && stored[kind] === undefined) throw noStoredSecret(kind);
    }
    const { credentialId: _c, secrets: _s, createdAt: _a, updatedAt: _u, ...fields } = f;
    return { ...fields, password: password ?? '', ...(uaPassword ? { uaPassword } : {}), ...(clientSecret ? { clientSecret } : {}), ...(token ? { token } : {}) };
  }

  /** Secrets typed for this session because none is stored: host memory only, the file unchanged. */
  async sessionSecrets(id: string, password: string, uaPassword?: string): Promise<Profile> {
    if (this.builtins.has(id)) return this.get(id);
    const f = await this.load(id);
    // A Web API profile's one prompted secret is the one its authentication uses.
    this.secrets.setForSession(f.credentialId, mainSecretKind(f), password);
    if (uaPassword) this.secrets.setForSession(f.credentialId, 'uaPassword', uaPassword);
    return this.view(f);
  }

  /** Once the secrets file is unlocked: the secrets kept in memory move into it. Returns how many. */
  async moveMemorySecretsToFile(): Promise<number> {
    let moved = 0;
    for (const p of await this.list()) {
      if (p.builtin || p.secretStorage !== 'memory') continue;
      await this.locked(p.id, async () => {
        const f = await this.readFile(p.id);
        if (!f) return;
        let changed = false;
        for (const kind of SECRET_KINDS) {
          if (f.secrets[kind] === 'memory' && (await this.secrets.moveToFile(f.credentialId, kind))) { setPlace(f, kind, 'file'); changed = true; moved += 1; }
        }
        if (changed) await writeJsonAtomic(this.file(p.id), f);
      });
    }
    return moved;
  }

  /** The raw file, for tests and the doctor (no secrets in it). */
  async fileOf(id: string): Promise<ProfileFile> {
    return this.load(id);
  }

  private async applySecrets(f: ProfileFile, values: Partial<Record<SecretKind, string | null | undefined>>): Promise<void> {
    for (const kind of SECRET_KINDS) await this.applySecret(f, kind, values[kind]);
  }

  // undefined keeps, null or "" clears, a string sets (keychain first, memory when none answers).
  private async applySecret(f: ProfileFile, kind: SecretKind, value: string | null | undefined): Promise<void> {
    if (value === undefined) return;
    if (value === null || value === '') {
      await this.secrets.delete(f.credentialId, kind);
      setPlace(f, kind, 'none');
      return;
    }
    setPlace(f, kind, await this.secrets.set(f.credentialId, kind, value));
  }

  /**
   * Takes the userinfo out of the login URL: its username fills an empty username, its password
   * goes to the secret store when `urlPasswordWins` (the user just typed it) or when no password
   * is kept yet (a file from an older version: the kept password is the one logins used).
   */
  private async takeUrlUserinfo(f: ProfileFile, urlPasswordWins: boolean): Promise<boolean> {
    const split = splitUserinfo(f.loginUrl);
    if (!split) return false;
    f.loginUrl = split.url;
    if (!f.username && split.username) f.username = split.username;
    if (split.password && (urlPasswordWins || !this.secrets.has(f.credentialId, 'password', f.secrets.password))) {
      f.secrets.password = await this.secrets.set(f.credentialId, 'password', split.password);
    }
    return true;
  }
}
