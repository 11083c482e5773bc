// The opt-in encrypted secrets file for boxes with no keychain (a headless server): every secret
// in one JSON map, sealed with AES-256-GCM under a key derived from the user's passphrase with
// scrypt. Each write draws a new salt and nonce; the file (0600, in the data folder) never holds
// a secret in plain text. The derived bytes also give a check value, so a wrong passphrase and a
// changed file are told apart: the check fails for the first, the GCM tag for the second.
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { RetsError } from '../../shared/rets/errors';
import { serialized } from './fileQueue';
import { writeFileAtomic } from './files';

/** scrypt cost: N = 2^15 (about 32 MiB, a tenth of a second here), r = 8, p = 1. */
const KDF = { N: 1 << 15, r: 8, p: 1 } as const;
const MAX_FILE_BYTES = 4 * 1024 * 1024;

const Sealed = z.object({
  format: z.literal('rets-workbench-secrets'),
  version: z.literal(1),
  // Bounded before use: the cost is read from the file before it can be authenticated (at most 128 MiB, a few seconds).
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(1 << 14).max(1 << 17).refine((n) => (n & (n - 1)) === 0), r: z.number().int().min(1).max(8), p: z.number().int().min(1).max(4), salt: z.string().max(64) }),
  cipher: z.literal('aes-256-gcm'),
  check: z.string().max(64),
  nonce: z.string().max(32),
  tag: z.string().max(32),
  data: z.string(),
});
type Sealed = z.infer<typeof Sealed>;

function secretsError(message: string, hint: string, cause?: string): RetsError {
  return new RetsError({ kind: 'input', transaction: 'Other', message, hint, ...(cause ? { cause } : {}) });
}

export const wrongPassphrase = () => secretsError(
  'The passphrase does not open the secrets file.',
  'Type the passphrase the secrets file was made with (RETS_WORKBENCH_PASSPHRASE for the command line).',
);

export const tamperedFile = () => secretsError(
  'The secrets file was changed outside the workbench or is damaged: it fails its integrity check.',
  'Restore it from a backup, or delete it and enter the passwords again.',
  'Someone or something edited the file; the workbench will not use secrets it cannot authenticate.',
);

export const lockedFile = () => secretsError(
  'The secrets file is locked: enter its passphrase.',
  'The app asks for it once per start; the command line reads RETS_WORKBENCH_PASSPHRASE or asks on a terminal.',
);

function deriveKey(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Promise<{ key: Buffer; check: Buffer }> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, { ...kdf, maxmem: 256 * kdf.N * kdf.r }, (err, out) => {
      if (err) return reject(err);
      // The second half never touches the data: its hash tells a wrong passphrase from a damaged file.
      resolve({ key: out.subarray(0, 32), check: createHash('sha256').update(out.subarray(32)).digest() });
    });
  });
}

const b64 = (b: Buffer) => b.toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');

export async function seal(entries: Record<string, string>, passphrase: string): Promise<string> {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const { key, check } = await deriveKey(passphrase, salt, KDF);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
  const header = { format: 'rets-workbench-secrets', version: 1, kdf: { name: 'scrypt', ...KDF, salt: b64(salt) }, cipher: 'aes-256-gcm', check: b64(check) } as const;
  // The header is authenticated too: a changed cost or check value is caught like changed data.
  cipher.setAAD(Buffer.from(JSON.stringify(header)));
  const data = Buffer.concat([cipher.update(JSON.stringify(entries), 'utf8'), cipher.final()]);
  const sealed: Sealed = { ...header, nonce: b64(nonce), tag: b64(cipher.getAuthTag()), data: b64(data) };
  return `${JSON.stringify(sealed, null, 2)}\n`;
}

export async function open(text: string, passphrase: string): Promise<Record<string, string>> {
  let sealed: Sealed;
  try { sealed = Sealed.parse(JSON.parse(text)); } catch { throw tamperedFile(); }
  const { nonce, tag, data, ...header } = sealed;
  const { key, check } = await deriveKey(passphrase, unb64(header.kdf.salt), header.kdf);
  const stored = unb64(header.check);
  if (stored.length !== check.length || !timingSafeEqual(stored, check)) throw wrongPassphrase();
  try {
    // A full 16-byte tag only: GCM would accept a truncated one, and with it a weaker check.
    const decipher = createDecipheriv('aes-256-gcm', key, unb64(nonce), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(JSON.stringify(header)));
    decipher.setAuthTag(unb64(tag));
    const plain = Buffer.concat([decipher.update(unb64(data)), decipher.final()]).toString('utf8');
    return z.record(z.string(), z.string()).parse(JSON.parse(plain));
  } catch {
    throw tamperedFile();
  }
}

/** The file on disk, unlocked by a passphrase held in memory until `lock`. */
export class SecretsFile {
  private entries: Map<string, string> | undefined;
  private passphrase: string | undefined;

  constructor(readonly path: string) {}

  get unlocked(): boolean {
    return this.entries !== undefined;
  }

  async exists(): Promise<boolean> {
    return (await this.read()) !== undefined;
  }

  private async read(): Promise<string | undefined> {
    try {
      const buf = await readFile(this.path);
      if (buf.byteLength > MAX_FILE_BYTES) throw tamperedFile();
      return buf.toString('utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  /** Opens the file with the passphrase, or makes an empty one when there is none yet (the opt-in). */
  unlock(passphrase: string): Promise<{ created: boolean }> {
    if (!passphrase) return Promise.reject(secretsError('The passphrase is empty.', 'Choose a passphrase for the secrets file.'));
    return serialized(this.path, async () => {
      const text = await this.read();
      if (text === undefined) {
        await writeFileAtomic(this.path, await seal({}, passphrase));
        this.entries = new Map();
        this.passphrase = passphrase;
        return { created: true };
      }
      this.entries = new Map(Object.entries(await open(text, passphrase)));
      this.passphrase = passphrase;
      return { created: false };
    });
  }

  lock(): void {
    this.entries = undefined;
    this.passphrase = undefined;
  }

  get(account: string): string | undefined {
    return this.entries?.get(account);
  }

  has(account: string): boolean {
    return this.entries?.has(account) ?? false;
  }

  set(account: string, secret: string): Promise<void> {
    return this.change((m) => m.set(account, secret));
  }

  delete(account: string): Promise<void> {
    return this.change((m) => m.delete(account));
  }

  /** Re-reads inside the file's queue (another process may have written), changes, seals anew. */
  private change(edit: (m: Map<string, string>) => void): Promise<void> {
    return serialized(this.path, async () => {
      const passphrase = this.passphrase;
      if (!this.entries || passphrase === undefined) throw lockedFile();
      const text = await this.read();
      const current = new Map(text === undefined ? [] : Object.entries(await open(text, passphrase)));
      edit(current);
      await writeFileAtomic(this.path, await seal(Object.fromEntries(current), passphrase));
      this.entries = current;
    });
  }
}
