// Electron Forge drives the bundling and the dev loop (`npx electron-forge start` / `package`)
// through its Vite plugin: main and preload are built to .vite/build/, the renderer (the same Vite
// config as browser mode, output redirected) to .vite/renderer/main_window/.
// electron-builder (electron-builder.yml) then makes the Windows, macOS and Linux installers.
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** What goes into the package: the Vite output, package.json and the native keychain module. */
export function packagerIgnore(file: string): boolean {
  if (file === '' || file === '/package.json') return false;
  if (file === '/.vite' || file.startsWith('/.vite/')) return false;
  // @napi-rs/keyring is native (a .node per platform) and stays outside the bundle.
  if (file === '/node_modules' || file === '/node_modules/@napi-rs' || file.startsWith('/node_modules/@napi-rs/')) return false;
  return true;
}

/**
 * Electron's fuses, flipped in the packaged binary: no running it as plain Node, no NODE_OPTIONS or
 * --inspect to inject code, the app only from its asar and only if that asar is the one signed in,
 * cookies encrypted, no extra powers for file:// pages (the renderer comes from app://). Every fuse
 * @electron/fuses 1.8 knows is set explicitly; electron-builder.yml's electronFuses says the same.
 */
export const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

const config: ForgeConfig = {
  packagerConfig: {
    name: 'RETS Workbench',
    executableName: 'rets-workbench',
    appBundleId: 'dev.retsworkbench.app',
    appCategoryType: 'public.app-category.developer-tools',
    // Icons come with the installers: electron-builder converts build/icon.png per platform.
    // Native modules cannot be loaded from inside the asar archive.
    asar: { unpack: '**/*.node' },
    ignore: packagerIgnore,
  },
  rebuildConfig: {},
  // Installers come from electron-builder (see electron-builder.yml), not Forge makers.
  makers: [],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main/main.ts', config: 'electron/main/vite.main.config.mts', target: 'main' },
        { entry: 'electron/main/preload.ts', config: 'electron/main/vite.preload.config.mts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'electron/main/vite.renderer.config.mts' }],
    }),
    new FusesPlugin({ version: FuseVersion.V1, ...FUSES }),
  ],
};

export default config;
