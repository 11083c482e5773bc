// The dmql CLI as a user runs it: a subprocess of bin/rets-workbench.cjs, against a recorded
// metadata response (libRETS raw-metadata: Variman COMPACT, Property:CON) and the JSON cache form.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMetadata } from '../../shared/rets/metadata';

const repoRoot = path.resolve(__dirname, '..', '..');
const samples = path.join(repoRoot, '..', 'shared', 'rets-samples');
const META = path.join(samples, 'NationalAssociationOfRealtors__libRETS/project/librets/test/src/resources/raw-metadata');
const CON = ['--metadata', META, '--resource', 'Property', '--class', 'CON'];
const tmp = mkdtempSync(path.join(tmpdir(), 'dmql-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'rets-workbench.cjs'), 'dmql', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('rets-workbench dmql', () => {
  it('check: diagnostics against recorded metadata, exit 1 on an error', () => {
    const r = cli('check', '(STATUS=|A,Q),(LP=abc),(Staus=A)', ...CON, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { ok: boolean; diagnostics: { code: string; message: string; range: { start: number } }[] };
    expect(json.ok).toBe(false);
    expect(json.diagnostics.map((d) => d.code)).toEqual(['unknown-lookup-value', 'type-mismatch', 'unknown-field']);
    expect(json.diagnostics[2].message).toContain('Did you mean STATUS (Status)');
  });

  it('check: a valid query exits 0; text output names the class; the metadata cache JSON works too', () => {
    const md = parseMetadata(readFileSync(META, 'latin1'));
    const cache = path.join(tmp, 'metadata.json');
    writeFileSync(cache, JSON.stringify(md));
    const r = cli('check', '(STATUS=|A,U),(LP=100000-200000),(LD=2026-01-01+),(EF=+FE,SN)', '--metadata', cache, '--resource', 'Property', '--class', 'CON');
    expect(r.err).toBe('');
    expect(r.out).toContain('ok (checked against Property:CON)');
    expect(r.code).toBe(0);
  });

  it('check without metadata: syntax only, with the caret and the fix', () => {
    const r = cli('check', '(ListPrice=100');
    expect(r.code).toBe(1);
    expect(r.out).toContain('expected `)` after the value of ListPrice');
    expect(r.out).toContain('fix: Add `)`');
  });

  it('format prints canonical DMQL2', () => {
    const r = cli('format', '(Status = | A , P) AND NOT (City=Chi*) OR (Beds=4 +)');
    expect(r.code).toBe(0);
    expect(r.out).toBe('(Status=|A,P),~(City=Chi*)|(Beds=4+)\n');
  });

  it('complete --json: "list pr" finds LP (Listing Price); lookup values inside a list', () => {
    const r = cli('complete', '(list pr),(STATUS=|', '--offset', '8', ...CON, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { items: { label: string; detail: string }[] };
    expect(json.items[0].label).toBe('LP');
    expect(json.items[0].detail).toContain('Listing Price');
    const v = JSON.parse(cli('complete', '(STATUS=|', ...CON, '--json').out) as { items: { label: string; detail: string; kind: string }[] };
    expect(v.items.map((i) => `${i.label}=${i.detail}`)).toContain('A=Active');
    expect(v.items.every((i) => i.kind === 'lookup')).toBe(true);
  });

  it('usage errors and unknown classes exit 2 with a plain message', () => {
    const r = cli('check', '(A=1)', '--metadata', META, '--resource', 'Property', '--class', 'NOPE');
    expect(r.code).toBe(2);
    expect(r.err).toContain('class "NOPE" is not in resource Property');
    expect(cli('frob', 'x').code).toBe(2);
    const unknown = cli('check', '(A=1)', '--bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^rets-workbench dmql: Unknown option '--bogus'\.\n\nusage:/);
    const offset = cli('complete', '(A=1)', '--offset', '9');
    expect(offset.code).toBe(2);
    expect(offset.err).toContain('--offset must be a whole number from 0 to 5 (got "9").');
    expect(cli('complete', '(STATUS=|)', ...CON, '--offset=8', '--json').code).toBe(0);
  });
});
