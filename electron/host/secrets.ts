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
        await keytar.setPassword(this.service, account, 'probe');
        const back = await keytar.getPassword(this.service, account);
        await keytar.deletePassword(this.service, account);
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
    return { available, backend: 'none', message: NO_KEYCHAIN_MESSAGE };
  }

  /** Stores a secret; returns where it landed. The keychain copy is read back to confirm. */
  async set(credentialId: string, kind: SecretKind, secret: string): Promise<Storage> {
    const account = this.account(credentialId, kind);
    if (await this.keychainAvailable()) {
      try {
        await keytar.setPassword(this.service, account, secret);
        if ((await keytar.getPassword(this.service, account)) === secret) {
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
        return (await keytar.getPassword(this.service, account)) ?? undefined;
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
      try { await keytar.deletePassword(this.service, account); } catch { /* already gone */ }
    }
  }
}

function backendName(): string {
  if (process.platform === 'darwin') return 'macOS Keychain';
  if (process.platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service';
}
