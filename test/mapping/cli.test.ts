// `rets-workbench mapping propose` as a user runs it: subprocesses on the Demo MLS's saved RETS
// metadata and Web API $metadata, a Data Dictionary file, and a side that is not metadata.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMappingFile, type Coverage, type MappingFile } from '../../shared/mapping/index';
import { fetchDemoMetadata } from '../metadata-diff/demo';

const repoRoot = path.resolve(__dirname, '..', '..');
const bin = path.join(repoRoot, 'bin', 'rets-workbench.cjs');
let work: string;

interface Result { code: number | null; stdout: string; stderr: string }

function cli(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'mapping', 'propose', ...args], {
      cwd: work,
      env: { ...process.env, RETS_WORKBENCH_HOME: path.join(work, 'home'), DBUS_SESSION_BUS_ADDRESS: 'disabled:' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString('utf8'); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
    child.stdin.end('');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'rw-mapping-cli-'));
  const saved = await fetchDemoMetadata();
  writeFileSync(path.join(work, 'rets.xml'), saved.rets172);
  writeFileSync(path.join(work, 'webapi.xml'), saved.webApi);
  writeFileSync(path.join(work, 'dd.json'), JSON.stringify({
    version: '2.0',
    fields: [{ resourceName: 'Property', fieldName: 'Township', type: 'Edm.String', annotations: [{ term: 'RESO.OData.Metadata.Synonyms', value: 'Twp' }] }],
    lookups: [],
  }));
  writeFileSync(path.join(work, 'notes.txt'), 'not metadata at all\n');
}, 120_000);
afterAll(() => { rmSync(work, { recursive: true, force: true }); });

describe('rets-workbench mapping propose', { timeout: 180_000 }, () => {
  it('saved RETS metadata against a saved $metadata: a summary, and the mapping file with --out', async () => {
    const r = await cli(['rets.xml', 'webapi.xml', '--out', 'demo-mapping.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^rets\.xml → webapi\.xml: \d+ of \d+ fields mapped; the target's \d+ fields: \d+ present, \d+ missing;/);
    expect(r.stdout).toContain("  Property.L_ListPrice → Property.ListPrice  standard-name 1.00  The MLS's StandardName is ListPrice.\n");
    expect(r.stdout).toContain('Note: No Data Dictionary file: proposals use the RETS StandardName');
    const m = parseMappingFile(readFileSync(path.join(work, 'demo-mapping.json'), 'utf8'));
    expect(m.fields.find((f) => f.field === 'L_Status')).toMatchObject({ target: 'StandardStatus', reason: 'standard-name' });
  });

  it('--dd alone is the target; --json gives the mapping and its coverage', async () => {
    const r = await cli(['rets.xml', '--dd', 'dd.json', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { mapping: MappingFile; coverage: Coverage };
    expect(out.mapping.target).toMatchObject({ kind: 'data-dictionary', name: 'dd.json', version: '2.0' });
    expect(out.mapping.fields.find((f) => f.field === 'LIST_132')).toMatchObject({ target: 'Township', reason: 'long-name' });
    expect(out.coverage.counts).toMatchObject({ targetFields: 1, present: 1, missing: 0 });
  });

  it('exit 2 when a side is not metadata, or a TARGET is missing', async () => {
    const r = await cli(['rets.xml', 'notes.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rets-workbench mapping propose: notes\.txt is not RETS metadata nor a Web API \$metadata/);
    const u = await cli(['rets.xml']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('Give a TARGET (metadata file or profile:NAME) or a Data Dictionary file (--dd FILE).');
  });
});
