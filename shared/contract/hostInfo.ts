// Facts about the host the renderer adapts to: desktop or browser mode, the keychain, the demo.
import { z } from 'zod';
import { Id } from './common';

export const KeychainStatus = z.object({
  available: z.boolean(),
  /** e.g. "Secret Service", "macOS Keychain", "Windows Credential Manager", "none". */
  backend: z.string(),
  /** Plain words when not available: secrets are kept for this session only. */
  message: z.string().optional(),
});

/** The opt-in encrypted secrets file for boxes with no keychain. */
export const SecretsFileStatus = z.object({
  /** This host offers the file (it has a data folder). */
  available: z.boolean(),
  exists: z.boolean(),
  /** Unlocked by its passphrase since the host started. */
  unlocked: z.boolean(),
});
export type SecretsFileStatus = z.infer<typeof SecretsFileStatus>;

export const HostInfo = z.object({
  mode: z.enum(['electron', 'browser']),
  version: z.string(),
  platform: z.string(),
  keychain: KeychainStatus,
  secretsFile: SecretsFileStatus.optional(),
  demo: z.object({ profileId: Id, loginUrl: z.string() }).optional(),
});

export type HostInfo = z.infer<typeof HostInfo>;
