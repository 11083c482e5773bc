// Builds the renderer once (dist/renderer) so browser mode serves the current code.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export default function globalSetup(): void {
  const root = join(__dirname, '..', '..');
  const r = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'renderer/vite.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`renderer build failed (exit ${r.status})`);
}
