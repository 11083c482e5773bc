// Layers by where code runs (as VS Code does): shared/ is pure TypeScript for both sides,
// electron/ is Node, renderer/ is the browser. The rules below make a wrong-way import a lint
// error; the per-layer tsconfig files make a wrong-layer global a type error.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodeOnlyPackages = ['electron', 'undici', '@napi-rs/keyring', '@napi-rs/keyring/keytar', 'tough-cookie', 'csv-stringify', 'rets-client', 'fast-xml-parser/src/*'];
const uiPackages = ['react', 'react-dom', 'react-dom/client', 'monaco-editor', '@tanstack/*'];

export default tseslint.config(
  { ignores: ['node_modules/', '.tsbuild/', '.vite/', 'dist/', 'out/', 'test-results/', 'playwright-report/', 'bench-results/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins, ...nodeOnlyPackages, ...uiPackages].map((name) => ({ name, message: 'shared/ is pure TypeScript: no Node, Electron or DOM-side packages.' })),
        patterns: [
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not depend on electron/ or renderer/.' },
          { group: ['node:*'], message: 'shared/ is pure TypeScript: no Node APIs.' },
        ],
      }],
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global']
          .map((name) => ({ name, message: 'shared/ runs in both the Node host and the renderer: no DOM or Node globals.' })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.mts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins, ...nodeOnlyPackages].map((name) => ({ name, message: 'renderer/ runs in the browser sandbox: talk to the host through the contract in shared/.' })),
        patterns: [
          { group: ['**/electron/**'], message: 'renderer/ must not import electron/: use the contract in shared/contract.' },
          { group: ['node:*'], message: 'renderer/ runs in the browser sandbox: no Node APIs.' },
        ],
      }],
      'no-restricted-globals': ['error', ...['process', 'Buffer', 'require', '__dirname', '__filename'].map((name) => ({ name, message: 'No Node globals in the renderer.' }))],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...uiPackages.filter((p) => p !== 'monaco-editor').map((name) => ({ name, message: 'electron/ is the Node host: no UI packages.' })),
          // The host runs without Electron (browser mode, the CLI, tests): only electron/main/ may load it.
          { name: 'electron', message: 'Only electron/main/ imports electron: the host services run in plain Node too.' },
        ],
        patterns: [
          { group: ['**/renderer/**'], message: 'electron/ must not import renderer/ code.' },
          { group: ['**/demo/*', '!**/demo/index'], message: 'The Demo MLS is used through its one entry, electron/demo/index.' },
        ],
      }],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: uiPackages.filter((p) => p !== 'monaco-editor').map((name) => ({ name, message: 'electron/ is the Node host: no UI packages.' })),
        patterns: [
          { group: ['**/renderer/**'], message: 'electron/ must not import renderer/ code.' },
          { group: ['**/demo/*', '!**/demo/index'], message: 'The Demo MLS is used through its one entry, electron/demo/index.' },
        ],
      }],
    },
  },
  {
    // Inside the Demo MLS its own modules import each other freely.
    files: ['electron/demo/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...uiPackages.filter((p) => p !== 'monaco-editor').map((name) => ({ name, message: 'electron/ is the Node host: no UI packages.' })),
          { name: 'electron', message: 'Only electron/main/ imports electron: the host services run in plain Node too.' },
        ],
        patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import renderer/ code.' }],
      }],
    },
  },
  {
    files: ['test/**/*.{ts,mts,mjs}', '*.{ts,mts,mjs,cjs}', 'bin/**/*.cjs', 'build/**/*.mjs', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
