// Secrets (passwords, UA passwords) in the OS keychain through @napi-rs/keyring's keytar API:
// each save is read back once to confirm it. Where no keychain answers (headless Linux without
// a Secret Service), secrets go to the encrypted secrets file when the user opted in to it and
// unlocked it (secretsFile.ts), else to memory for this session only, and the user is told so.
import * as keytar from '@napi-rs/keyring/keytar';
import type { z } from 'zod';
import type { KeychainStatus, SecretsFileStatus } from '../../shared/contract';
import { lockedFile, SecretsFile } from './secretsFile';

export const KEYCHAIN_SERVICE = 'rets-workbench';

/** password and uaPassword (RETS; password also the Web API password grant's), clientSecret and token (Web API). */
export const SECRET_KINDS = ['password', 'uaPassword', 'clientSecret', 'token'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];
export type Storage = 'keychain' | 'memory' | 'file';

export const NO_KEYCHAIN_MESSAGE =
  'No OS keychain answered (on Linux: no Secret Service such as gnome-keyring is running). ' +
  'Passwords are kept in memory for this session only and must be entered again after a restart; they are never written to disk ' +
  'unless you turn on the encrypted secrets file.';

/** What a profile whose in-memory password is gone (a restart) says when it connects. */
export const NO_STORED_PASSWORD = 'No password is stored for this profile (no keychain here): enter it.';

/** A keychain that neither answers nor fails (a locked keyring waiting on a prompt) must not hang the app. */
const KEYCHAIN_TIMEOUT_MS = 10_000;

function bounded<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The OS keychain did not answer within ${KEYCHAIN_TIMEOUT_MS / 1000} s (${what}); is it locked?`)), KEYCHAIN_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export interface SecretStoreOptions {
  /** Keychain service name (tests use their own). */
  service?: string;
  /** Skip the keychain entirely (e.g. a CLI asked for it). */
  disableKeychain?: boolean;
  /** The encrypted secrets file's path (in the data folder); without it there is no file backend. */
  file?: string;
  /** Asked once when a secret in the locked file is needed (the CLI: RETS_WORKBENCH_PASSPHRASE or a prompt). */
  passphrase?: () => Promise<string | undefined>;
  /** With no keychain, make the file on the first save when none exists (the CLI given a passphrase). */
  fileOptIn?: boolean;
}

export class SecretStore {
  private readonly service: string;
  private readonly memory = new Map<string, string>();
  private keychain: Promise<boolean> | undefined;
  private probeError = '';
  readonly file: SecretsFile | undefined;
  private asked: Promise<boolean> | undefined;

  constructor(private readonly opts: SecretStoreOptions = {}) {
    this.service = opts.service ?? KEYCHAIN_SERVICE;
    this.file = opts.file ? new SecretsFile(opts.file) : undefined;
  }

  async fileStatus(): Promise<SecretsFileStatus> {
    if (!this.file) return { available: false, exists: false, unlocked: false };
    return { available: true, exists: await this.file.exists(), unlocked: this.file.unlocked };
  }

  /** Unlocks the secrets file (making it when absent: the opt-in); a wrong passphrase is a typed error. */
  async unlockFile(passphrase: string): Promise<{ created: boolean }> {
    if (!this.file) throw lockedFile();
    return this.file.unlock(passphrase);
  }

  /** The file unlocked, asking the passphrase provider once when it is locked; false when it stays locked. */
  private async fileReady(create: boolean): Promise<boolean> {
    const file = this.file;
    if (!file) return false;
    if (file.unlocked) return true;
    if (!this.opts.passphrase || !(create || (await file.exists()))) return false;
    this.asked ??= (async () => {
      const p = await this.opts.passphrase!();
      if (!p) return false;
      await file.unlock(p);
      return true;
    })();
    return this.asked;
  }

  private account(credentialId: string, kind: SecretKind): string {
    return `${credentialId}:${kind}`;
  }

  /** Whether a keychain answers: one write, read-back and delete of a probe entry, done once. */
  keychainAvailable(): Promise<boolean> {
    this.keychain ??= (async () => {
      if (this.opts.disableKeychain) { this.probeError = 'disabled'; return false; }
      const account = `probe-${process.pid}`;
      try {
        await bounded(keytar.setPassword(this.service, account, 'probe'), 'probe');
        const back = await bounded(keytar.getPassword(this.service, account), 'probe');
        await bounded(keytar.deletePassword(this.service, account), 'probe');
        return back === 'probe';
      } catch (err) {
        this.probeError = err instanceof Error ? err.message : String(err);
        return false;
      }
    })();
    return this.keychain;
  }

  async status(): Promise<z.infer<typeof KeychainStatus>> {
    const available = await this.keychainAvailable();
    if (available) return { available, backend: backendName() };
    const said = this.probeError && this.probeError !== 'disabled' ? ` (The keychain said: ${this.probeError})` : '';
    return { available, backend: 'none', message: `${NO_KEYCHAIN_MESSAGE}${said}` };
  }

  /** Stores a secret; returns where it landed. The keychain copy is read back to confirm. */
  async set(credentialId: string, kind: SecretKind, secret: string): Promise<Storage> {
    const account = this.account(credentialId, kind);
    if (await this.keychainAvailable()) {
      try {
        await bounded(keytar.setPassword(this.service, account, secret), 'save');
        if ((await bounded(keytar.getPassword(this.service, account), 'read back')) === secret) {
          this.memory.delete(account);
          return 'keychain';
        }
      } catch { /* fall through to memory: the keychain refused this one */ }
    }
    if (await this.fileReady(Boolean(this.opts.fileOptIn))) {
      await this.file!.set(account, secret);
      this.memory.delete(account);
      return 'file';
    }
    this.memory.set(account, secret);
    return 'memory';
  }

  /** A secret for this session only (typed when none is stored): memory, whatever the profile's place. */
  setForSession(credentialId: string, kind: SecretKind, secret: string): void {
    this.memory.set(this.account(credentialId, kind), secret);
  }

  /** Moves a memory secret into the unlocked file; false when there was none or the file is locked. */
  async moveToFile(credentialId: string, kind: SecretKind): Promise<boolean> {
    const account = this.account(credentialId, kind);
    const secret = this.memory.get(account);
    if (secret === undefined || !this.file?.unlocked) return false;
    await this.file.set(account, secret);
    this.memory.delete(account);
    return true;
  }

  async get(credentialId: string, kind: SecretKind, storage: Storage | 'none'): Promise<string | undefined> {
    const account = this.account(credentialId, kind);
    if (storage === 'memory') return this.memory.get(account);
    if (storage === 'file') {
      if (!(await this.fileReady(false))) throw lockedFile();
      return this.file!.get(account) ?? this.memory.get(account);
    }
    if (storage === 'keychain' && (await this.keychainAvailable())) {
      try {
        const kept = await bounded(keytar.getPassword(this.service, account), 'read');
        if (kept) return kept;
      } catch { /* a session secret may stand in */ }
    }
    return this.memory.get(account); // one typed for this session, if any
  }

  /** Whether the secret can be had right now (a memory secret is gone after a restart). */
  has(credentialId: string, kind: SecretKind, storage: Storage | 'none'): boolean {
    const account = this.account(credentialId, kind);
    if (storage === 'keychain' || this.memory.has(account)) return true;
    if (storage === 'file') return this.file?.has(account) ?? false;
    return false;
  }

  async delete(credentialId: string, kind: SecretKind): Promise<void> {
    const account = this.account(credentialId, kind);
    this.memory.delete(account);
    if (this.file?.has(account)) await this.file.delete(account);
    if (await this.keychainAvailable()) {
      try { await bounded(keytar.deletePassword(this.service, account), 'delete'); } catch { /* already gone */ }
    }
  }
}

function backendName(): string {
  if (process.platform === 'darwin') return 'macOS Keychain';
  if (process.platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service';
}
