// Restarting browser mode over the same data folder keeps its URLs: the same browser-mode port
// (the tab's origin and saved state survive) and the same Demo MLS port (a profile the user
// pointed at the demo keeps working); a remembered port that is taken falls back to a free one.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowserMode } from '../../electron/server/launch';

const dirs: string[] = [];
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'rw-ports-'));
  dirs.push(d);
  return join(d, 'data');
}
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

const launch = (dir: string, port?: number) => launchBrowserMode({ dataDir: dir, demo: { listings: 50 }, secrets: { disableKeychain: true }, ...(port !== undefined ? { port } : {}) });

describe('remembered ports', () => {
  it('reuses the browser-mode and Demo MLS ports after a restart', async () => {
    const dir = dataDir();
    const first = await launch(dir);
    const { server: s1, host: h1 } = first;
    const before = { browser: s1.port, demo: h1.demo!.port, login: h1.demo!.loginUrl };
    await first.close();
    expect(JSON.parse(readFileSync(join(dir, 'ports.json'), 'utf8'))).toEqual({ demo: before.demo, browser: before.browser });

    const second = await launch(dir);
    try {
      expect(second.server.port).toBe(before.browser);
      expect(second.host.demo!.loginUrl).toBe(before.login);
      const res = await fetch(before.login);
      expect(res.status).toBe(401); // the demo answers at the old address (and asks to log in)
    } finally {
      await second.close();
    }
  });

  it('takes a free port when the remembered one is in use, and remembers the new one', async () => {
    const dir = dataDir();
    const first = await launch(dir);
    const oldPort = first.server.port;
    await first.close();
    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(oldPort, '127.0.0.1', () => r()));
    try {
      const second = await launch(dir);
      try {
        expect(second.server.port).not.toBe(oldPort);
        expect(JSON.parse(readFileSync(join(dir, 'ports.json'), 'utf8')).browser).toBe(second.server.port);
      } finally {
        await second.close();
      }
    } finally {
      await new Promise<void>((r) => squatter.close(() => r()));
    }
  });

  it('an explicit port 0 means any free port and is not replaced by the remembered one', async () => {
    const dir = dataDir();
    const first = await launch(dir);
    const oldPort = first.server.port;
    await first.close();
    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(oldPort, '127.0.0.1', () => r())); // so "any free port" cannot land on it by chance
    try {
      const second = await launch(dir, 0);
      try {
        expect(second.server.port).not.toBe(oldPort);
      } finally {
        await second.close();
      }
    } finally {
      await new Promise<void>((r) => squatter.close(() => r()));
    }
  });
});
