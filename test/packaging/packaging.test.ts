// Packaging without Electron's binary: Forge's configuration loads and its Vite plugin resolves
// the main, preload and renderer builds; main and preload really build (bundled, only Electron,
// Node built-ins and the native keychain module left outside); electron-builder validates its
// configuration for Windows, macOS and Linux; build/ holds the icon and entitlements; the
// window's security policy is what the issue asks for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinModules } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, mergeConfig, type InlineConfig } from 'vite';
import ViteConfigGenerator from '@electron-forge/plugin-vite/dist/ViteConfig';
import type { VitePluginConfig } from '@electron-forge/plugin-vite/dist/Config';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import forgeConfig, { packagerIgnore } from '../../forge.config';
import { callNames } from '../../shared/contract';
import { DESKTOP_CSP, isAppUrl, isTrustedSender, webPreferences, windowCsp } from '../../electron/main/policy';

const root = join(__dirname, '..', '..');
const pluginConfig = (): VitePluginConfig => (forgeConfig.plugins![0] as unknown as { config: VitePluginConfig }).config;

describe('forge.config.ts', () => {
  it('uses the Vite plugin with entries and configs that exist', () => {
    const cfg = pluginConfig();
    expect(cfg.build.map((b) => [b.entry, b.target])).toEqual([['electron/main/main.ts', 'main'], ['electron/main/preload.ts', 'preload']]);
    for (const b of cfg.build) {
      expect(existsSync(join(root, String(b.entry)))).toBe(true);
      expect(existsSync(join(root, b.config))).toBe(true);
    }
    expect(cfg.renderer).toEqual([{ name: 'main_window', config: 'electron/main/vite.renderer.config.mts' }]);
    expect(existsSync(join(root, cfg.renderer[0].config))).toBe(true);
  });

  it('packages only .vite/, package.json and the native keychain module, unpacked from asar', () => {
    for (const keep of ['', '/package.json', '/.vite', '/.vite/build/main.js', '/node_modules', '/node_modules/@napi-rs/keyring/index.js']) expect(packagerIgnore(keep)).toBe(false);
    for (const drop of ['/electron', '/electron/main/main.ts', '/renderer/src/App.tsx', '/node_modules/react', '/test', '/shared/contract/calls.ts', '/dist/renderer/index.html']) expect(packagerIgnore(drop)).toBe(true);
    expect(forgeConfig.packagerConfig?.asar).toEqual({ unpack: '**/*.node' });
  });

  it("resolves Forge's Vite configs: CommonJS main and preload in .vite/build, the renderer in .vite/renderer/main_window", async () => {
    const gen = new ViteConfigGenerator(pluginConfig(), root, true);
    const [main, preload] = await gen.getBuildConfigs();
    expect(main.build?.lib).toMatchObject({ entry: 'electron/main/main.ts', formats: ['cjs'] });
    expect(main.build?.outDir).toBe('.vite/build');
    expect(preload.build?.outDir).toBe('.vite/build');
    const [renderer] = await gen.getRendererConfig();
    expect(renderer.build?.outDir).toBe(join(root, '.vite', 'renderer', 'main_window'));
    expect(renderer.base).toBe('./');
  });
});

describe('main and preload bundles', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'rw-forge-build-'));
    const gen = new ViteConfigGenerator(pluginConfig(), root, true);
    for (const c of await gen.getBuildConfigs()) {
      await build(mergeConfig(c, { logLevel: 'silent', build: { outDir: out, emptyOutDir: false, sourcemap: false } } as InlineConfig));
    }
  }, 120_000);
  afterAll(() => { if (out) rmSync(out, { recursive: true, force: true }); });

  const requires = (file: string) => [...readFileSync(join(out, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);

  it('bundles every dependency into main: only Electron, Node built-ins and the keychain module stay outside', () => {
    // node:sqlite (undici's optional cache store) is built into Electron 45's Node 22, not Node 20.
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:sqlite']);
    const outside = readdirSync(out).filter((f) => f.endsWith('.js')).flatMap(requires)
      .filter((r) => !r.startsWith('./') && !builtins.has(r));
    expect([...new Set(outside)].sort(), [...new Set(outside)].join(' ')).toEqual(['@napi-rs/keyring/keytar', 'electron']);
  });

  it('sets up the window as the issue asks: single instance, isolated sandboxed page, blocked navigation', () => {
    const main = readFileSync(join(out, 'main.js'), 'utf8');
    for (const s of ['requestSingleInstanceLock', 'setWindowOpenHandler', 'will-navigate', 'will-attach-webview', 'setPermissionRequestHandler', 'registerSchemesAsPrivileged']) {
      expect(main).toContain(s);
    }
  });

  it('exposes exactly the contract\'s named calls from the preload, each on its own channel', () => {
    const preload = readFileSync(join(out, 'preload.js'), 'utf8');
    expect(preload.includes('exposeInMainWorld')).toBe(true);
    expect(/[`"']retsWorkbench[`"']/.test(preload)).toBe(true);
    expect(requires('preload.js').filter((r) => !r.startsWith('./'))).toEqual(['electron']);
    // Channel names are built from the call table (rw:call:<name>), never taken from the page.
    expect(preload.includes('rw:call:')).toBe(true);
    expect(preload.includes('"profiles.list"')).toBe(true);
    // No generic send/invoke taking a channel from the page.
    expect(/ipcRenderer\.(send|sendSync)\(/.test(preload)).toBe(false);
    expect(callNames.length).toBeGreaterThan(25);
  });
});

describe('window policy', () => {
  it('isolates and sandboxes the page without Node', () => {
    expect(webPreferences('/app/preload.js', false)).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false });
  });

  it('has a CSP with no remote code and Monaco workers allowed', () => {
    expect(DESKTOP_CSP).toContain("script-src 'self'");
    expect(DESKTOP_CSP).toContain("worker-src 'self' blob:");
    expect(DESKTOP_CSP).toContain("object-src 'none'");
    expect(DESKTOP_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(windowCsp(undefined)).toBe(DESKTOP_CSP);
    // Only Forge's dev loop may load from its local dev server.
    const dev = windowCsp('http://localhost:5173/');
    expect(dev).toContain("script-src 'self' 'unsafe-inline' http://localhost:5173");
    expect(dev).toContain('ws://localhost:5173');
  });

  it('trusts IPC only from the top frame of the app itself', () => {
    expect(isTrustedSender({ url: 'app://workbench/index.html', parent: null }, undefined)).toBe(true);
    expect(isTrustedSender({ url: 'app://workbench/index.html', parent: {} }, undefined)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, undefined)).toBe(false);
    expect(isTrustedSender(null, undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd', undefined)).toBe(false);
  });
});

describe('electron-builder', () => {
  it('validates its configuration (Windows, macOS, Linux) without the Electron binary', async () => {
    const cfg = await getConfig(root, join(root, 'electron-builder.yml'), null);
    await validateConfiguration(cfg, new DebugLogger(false));
    expect(cfg.appId).toBe('dev.retsworkbench.app');
    expect(cfg.productName).toBe('RETS Workbench');
    expect(cfg.directories?.buildResources).toBe('build');
    expect(JSON.stringify(cfg.files)).toContain('".vite/**/*"');
    expect(cfg.asarUnpack).toEqual(['**/*.node']);
    expect(cfg.mac?.entitlements).toBe('build/entitlements.mac.plist');
    expect(cfg.mac?.hardenedRuntime).toBe(true);
    expect(JSON.stringify(cfg.win?.target)).toContain('nsis');
    expect(cfg.linux?.target).toEqual(['AppImage', 'deb', 'rpm']);
  });

  it('refuses a broken configuration (so the check above means something)', async () => {
    const cfg = await getConfig(root, join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration({ ...cfg, mac: { ...cfg.mac, hardenedRuntime: 'yes' as unknown as boolean } }, new DebugLogger(false))).rejects.toThrow(/hardenedRuntime/);
  });

  it('finds its resources in build/: a 1024 px PNG icon and the macOS entitlements', () => {
    const png = readFileSync(join(root, 'build', 'icon.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(1024);
    expect(png.readUInt32BE(20)).toBe(1024);
    const plist = readFileSync(join(root, 'build', 'entitlements.mac.plist'), 'utf8');
    for (const key of ['com.apple.security.cs.allow-jit', 'com.apple.security.network.client', 'com.apple.security.network.server']) expect(plist).toContain(`<key>${key}</key>`);
  });

  it('keeps only native modules in dependencies (electron-builder packs every one of them)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; main: string };
    expect(Object.keys(pkg.dependencies)).toEqual(['@napi-rs/keyring']);
    expect(pkg.main).toBe('.vite/build/main.js');
  });
});
