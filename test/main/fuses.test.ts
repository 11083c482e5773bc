// Electron's fuses for the builds users install, in both packagers' configurations: Forge's fuses
// plugin (forge.config.ts) and electron-builder's electronFuses (electron-builder.yml). Flipping
// them needs Electron's binary, which this machine cannot download, so the configuration is what
// is checked: every fuse set, the dangerous ones off, and both packagers saying the same.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import forgeConfig from '../../forge.config';

const root = join(__dirname, '..', '..');

/** Every fuse @electron/fuses knows, by name (RunAsNode, …). */
const fuseNames = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k))) as (keyof typeof FuseV1Options)[];

const REQUIRED: Partial<Record<keyof typeof FuseV1Options, boolean>> = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

function forgeFuses(): FuseV1Config {
  const plugins = (forgeConfig.plugins ?? []).filter((p) => p instanceof FusesPlugin);
  expect(plugins).toHaveLength(1);
  return (plugins[0] as unknown as { fusesConfig: FuseV1Config }).fusesConfig;
}

/** electron-builder names a fuse in lower camel case: RunAsNode -> runAsNode. */
const builderKey = (name: string): string => name[0].toLowerCase() + name.slice(1);

describe("Forge's fuses plugin", () => {
  it('sets every fuse, with Node, NODE_OPTIONS and --inspect off and the app only from its checked asar', () => {
    const fuses = forgeFuses();
    expect(fuses.version).toBe(FuseVersion.V1);
    const byName = Object.fromEntries(fuseNames.map((n) => [n, (fuses as Record<number, boolean | undefined>)[FuseV1Options[n]]]));
    expect(byName).toEqual(REQUIRED);
    expect(fuseNames.length).toBe(Object.keys(REQUIRED).length);
  });
});

describe("electron-builder's electronFuses", () => {
  it('says exactly what Forge says, fuse by fuse', () => {
    const yml = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, boolean> };
    const forge = forgeFuses() as Record<number, boolean | undefined>;
    expect(yml.electronFuses).toEqual(Object.fromEntries(fuseNames.map((n) => [builderKey(n), forge[FuseV1Options[n]]])));
  });

  it("passes electron-builder's own schema (a misspelt fuse does not)", async () => {
    const cfg = await getConfig(root, join(root, 'electron-builder.yml'), null);
    await validateConfiguration(cfg, new DebugLogger(false));
    expect(cfg.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true });
    await expect(validateConfiguration({ ...cfg, electronFuses: { ...cfg.electronFuses, runAsNodee: false } as typeof cfg.electronFuses }, new DebugLogger(false))).rejects.toThrow(/configuration.electronFuses/);
  });
});
