// The general defences behind the file calls: ids joined into paths stay in their folder, error
// excerpts are short and escaped, and file handles are single use, for one purpose, and expire.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insideFolder } from '../../electron/host/safePath';
import { excerpt } from '../../electron/host/excerpt';
import { FileHandles } from '../../electron/host/fileHandles';

describe('insideFolder', () => {
  it('joins plain names and refuses any that would leave the folder', () => {
    expect(insideFolder('/data/exports', 'export-1', 'a.csv')).toBe(join('/data/exports', 'export-1', 'a.csv'));
    for (const bad of [['..'], ['.'], [''], ['a/../..'], ['..', 'x'], ['a\\b'], ['/etc/passwd'], ['a\u0000b']]) {
      expect(() => insideFolder('/data/exports', ...bad), JSON.stringify(bad)).toThrow(/not a valid name/);
    }
  });
});

describe('excerpt', () => {
  it('keeps a short start and escapes control characters', () => {
    expect(excerpt('a\tb\nc\u001b[31m')).toBe('a\\tb\\nc\\u001b[31m');
    const long = excerpt('x'.repeat(1000));
    expect(long).toBe(`${'x'.repeat(80)}…`);
  });
});

describe('FileHandles', () => {
  it('gives a file once, for its purpose and direction only, until it expires; owned files go with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-handles-'));
    let now = 0;
    const handles = new FileHandles(1000, () => now);
    try {
      const a = handles.issue('/x/a.csv', 'export-csv', 'write');
      expect(handles.take(a, 'export-csv', 'write').path).toBe('/x/a.csv');
      expect(() => handles.take(a, 'export-csv', 'write')).toThrow(/no longer valid/);
      const b = handles.issue('/x/b.csv', 'export-csv', 'write');
      expect(() => handles.take(b, 'metadata', 'read')).toThrow(/no longer valid/);
      expect(() => handles.take(b, 'export-csv', 'write')).toThrow(/no longer valid/);

      const upload = join(dir, 'u.upload');
      writeFileSync(upload, 'bytes');
      const c = handles.issue(upload, 'metadata', 'read', { owned: true, name: 'dump.xml' });
      now = 1000;
      expect(() => handles.take(c, 'metadata', 'read')).toThrow(/no longer valid/);
      await handles.clear();
      expect(existsSync(upload)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
