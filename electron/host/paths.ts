// Where the workbench keeps its files. Electron passes app.getPath('userData'); plain Node (browser
// mode, CLI, tests) uses the same folder Electron would, so both modes share profiles and
// snippets. RETS_WORKBENCH_HOME overrides it.
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensurePrivateDir, tightenFolders } from './files';

export const PRODUCT_NAME = 'RETS Workbench';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.RETS_WORKBENCH_HOME) return env.RETS_WORKBENCH_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export interface DataLayout {
  root: string;
  profiles: string;
  snippets: string;
  /** One mapping file per profile (mappings/<profile id>.json). */
  mappings: string;
  history: string;
  metadataCache: string;
  objectCache: string;
  exports: string;
  /** Browser-mode uploads waiting to be read (removed once used, and at start). */
  uploads: string;
  /** The opt-in encrypted secrets file (boxes with no keychain). */
  secretsFile: string;
  /** The request inspector's ring: one folder per profile. */
  traces: string;
  /** One journal per running host: its exports' temp files in progress (removed at the next start). */
  tempJournal: string;
}

export function dataLayout(root: string): DataLayout {
  return {
    root,
    profiles: join(root, 'profiles'),
    snippets: join(root, 'snippets'),
    mappings: join(root, 'mappings'),
    history: root,
    metadataCache: join(root, 'cache', 'metadata'),
    objectCache: join(root, 'cache', 'objects'),
    exports: join(root, 'exports'),
    uploads: join(root, 'uploads'),
    traces: join(root, 'traces'),
    tempJournal: join(root, 'temp-journal'),
    secretsFile: join(root, 'secrets.enc'),
  };
}

/**
 * The data folder, closed to other users: created 0700 when missing, and the folders an older
 * version made 0755 set to 0700 (with these closed, nothing inside is reachable by others).
 */
export async function prepareDataFolder(layout: DataLayout): Promise<void> {
  await ensurePrivateDir(layout.root);
  await tightenFolders([layout.root, layout.profiles, layout.snippets, dirname(layout.metadataCache), layout.metadataCache, layout.objectCache, layout.exports]);
}
