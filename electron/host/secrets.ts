// Secrets (passwords, UA passwords) in the OS keychain through @napi-rs/keyring's keytar API:
// each save is read back once to confirm it. Where no keychain answers (headless Linux without
// a Secret Service), secrets are kept in memory for this session only, never written to disk,
// and the user is told so plainly.
import * as keytar from '@napi-rs/keyring/keytar';
import type { z } from 'zod';
import type { KeychainStatus } from '../../shared/contract';

export const KEYCHAIN_SERVICE = 'rets-workbench';

export type SecretKind = 'password' | 'uaPassword';
export type Storage = 'keychain' | 'memory';

export const NO_KEYCHAIN_MESSAGE =
  'No OS keychain answered (on Linux: no Secret Service such as gnome-keyring is running). ' +
  'Passwords are kept in memory for this session only and must be entered again after a restart; they are never written to disk.';

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
}

export class SecretStore {
  private readonly service: string;
  private readonly memory = new Map<string, string>();
  private keychain: Promise<boolean> | undefined;
  private probeError = '';

  constructor(private readonly opts: SecretStoreOptions = {}) {
    this.service = opts.service ?? KEYCHAIN_SERVICE;
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
    this.memory.set(account, secret);
    return 'memory';
  }

  async get(credentialId: string, kind: SecretKind, storage: Storage | 'none'): Promise<string | undefined> {
    const account = this.account(credentialId, kind);
    if (storage === 'memory') return this.memory.get(account);
    if (storage === 'keychain' && (await this.keychainAvailable())) {
      try {
        return (await bounded(keytar.getPassword(this.service, account), 'read')) ?? undefined;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  /** Whether the secret can be had right now (a memory secret is gone after a restart). */
  has(credentialId: string, kind: SecretKind, storage: Storage | 'none'): boolean {
    if (storage === 'keychain') return true;
    if (storage === 'memory') return this.memory.has(this.account(credentialId, kind));
    return false;
  }

  async delete(credentialId: string, kind: SecretKind): Promise<void> {
    const account = this.account(credentialId, kind);
    this.memory.delete(account);
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
