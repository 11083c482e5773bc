// `rets-workbench translate --from dmql --to dmql` (MLS A -> MLS B) against metadata saved from
// the Demo MLS and its second naming (dialect b) over HTTP, with a mapping file of the workbench's
// per-profile format for A; the translated query runs on B and finds what A's finds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli';
import { MAPPING_FORMAT, MAPPING_FORMAT_VERSION, type MappingFile } from '../../shared/mapping/types';
import { keysOf, startRetsSide, type RetsSide } from './demoSides';

let a: RetsSide;
let b: RetsSide;
let dir: string;
const files = { a: '', b: '', mapping: '' };

/** `translate ARGS` as a user runs it, with its own data folder. */
const cli = (args: string[]) => runCli(['translate', ...args], { home: join(dir, 'home') });

beforeAll(async () => {
  [a, b] = await Promise.all([startRetsSide({ listings: 300, seed: 8 }), startRetsSide({ listings: 300, seed: 8, dialect: 'b' })]);
  dir = mkdtempSync(join(tmpdir(), 'translate-cli-mls-'));
  files.a = join(dir, 'a.json');
  files.b = join(dir, 'b.json');
  writeFileSync(files.a, JSON.stringify(a.metadata));
  writeFileSync(files.b, JSON.stringify(b.metadata));
  const mapping: MappingFile = {
    format: MAPPING_FORMAT, version: MAPPING_FORMAT_VERSION, source: { name: 'Demo A', kind: 'rets' },
    target: { name: 'RESO DD', kind: 'data-dictionary', fields: { Property: ['ListPrice', 'OriginalListPrice'] } }, notes: [],
    fields: [{ resource: 'Property', field: 'L_ListPrice', longName: 'List Price', targetResource: 'Property', target: 'OriginalListPrice', reason: 'user', why: '', confidence: 1, status: 'edited' }],
  };
  files.mapping = join(dir, 'mapping-a.json');
  writeFileSync(files.mapping, JSON.stringify(mapping));
}, 120_000);
afterAll(async () => { await Promise.all([a?.close(), b?.close()]); rmSync(dir, { recursive: true, force: true }); });

describe('rets-workbench translate, MLS A -> MLS B', () => {
  it('writes the query with B\'s names, codes and class, which finds the same listings', async () => {
    const query = '(L_Status=|A,S),(L_ListPrice=100000-900000),(L_City=M*)';
    const r = await cli([query, '--from', 'dmql', '--to', 'dmql', '--metadata', files.a, '--resource', 'Property', '--class', 'RES', '--target-metadata', files.b]);
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout.trim();
    expect(text).toMatch(/^\(LM_STATUS=\|ACT,CLS\),\(LM_LIST_PRICE=100000-900000\),\(LM_CITY=\|[A-Z,]+\)$/);
    expect(r.stderr).toContain('class Property:SF');
    const keys = await keysOf(a, 'RES', query, 'L_ListingKey');
    expect(keys.length).toBeGreaterThan(0);
    expect(await keysOf(b, 'SF', text, 'LM_LISTING_KEY')).toEqual(keys);
  });

  it('follows --mapping, and says as JSON what has no counterpart (exit 1)', async () => {
    const query = '(L_ListPrice=100000+),(LFD_SHOWING=|1)';
    const r = await cli([query, '--from', 'dmql', '--to', 'dmql', '--metadata', files.a, '--resource', 'Property', '--class', 'RES', '--target-metadata', files.b, '--mapping', files.mapping, '--json']);
    expect(r.code, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as { text: string; className: string; complete: boolean; notes: { severity: string; code: string; range?: { start: number; end: number } }[] };
    expect(out).toMatchObject({ text: '(LM_ORIGINAL_LIST_PRICE=100000+)', className: 'SF', complete: false });
    const err = out.notes.find((n) => n.severity === 'error')!;
    expect(query.slice(err.range!.start, err.range!.end)).toBe('LFD_SHOWING');
  });

  it('is a usage error (exit 2) when no class of B matches', async () => {
    const r = await cli(['(L_Status=A)', '--from', 'dmql', '--to', 'dmql', '--metadata', files.a, '--resource', 'Property', '--class', 'NOPE', '--target-metadata', files.b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--target-class');
  });
});
