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

export const HostInfo = z.object({
  mode: z.enum(['electron', 'browser']),
  version: z.string(),
  platform: z.string(),
  keychain: KeychainStatus,
  demo: z.object({ profileId: Id, loginUrl: z.string() }).optional(),
});

export type HostInfo = z.infer<typeof HostInfo>;
