// `rets-workbench mapping propose` as a user runs it: subprocesses on the Demo MLS's saved RETS
// metadata and Web API $metadata, a Data Dictionary file (JSON report or workbook), and a side that
// is not metadata.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMappingFile, type Coverage, type MappingFile } from '../../shared/mapping/index';
import { fetchDemoMetadata } from '../metadata-diff/demo';
import { ddSheets, xlsx, zipParts } from './xlsxBuilder';
import { runCli } from '../cli/runCli';

let work: string;

/** `mapping propose ARGS` in the work folder, with its own data folder there. */
const cli = (args: string[]) => runCli(['mapping', 'propose', ...args], { home: path.join(work, 'home'), cwd: work });

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
  writeFileSync(path.join(work, 'RESO DD.xlsx'), xlsx(ddSheets()));
  writeFileSync(path.join(work, 'letter.xlsx'), zipParts({ 'word/document.xml': '<document/>' }));
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

  it('--dd takes the Data Dictionary workbook (.xlsx): its names, synonyms and lookup values', async () => {
    const r = await cli(['rets.xml', '--dd', 'RESO DD.xlsx', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { mapping, coverage } = JSON.parse(r.stdout) as { mapping: MappingFile; coverage: Coverage };
    expect(mapping.target).toMatchObject({ kind: 'data-dictionary', name: 'RESO DD.xlsx' });
    expect(mapping.notes[0]).toBe('Proposed against the Data Dictionary file "RESO DD.xlsx", with its synonyms.');
    const entry = (field: string) => mapping.fields.find((f) => f.resource === 'Property' && f.field === field);
    expect(entry('L_ListPrice')).toMatchObject({ target: 'ListPrice', reason: 'standard-name' });
    expect(entry('LIST_132')).toMatchObject({ target: 'Township', reason: 'long-name' });
    const status = entry('L_Status')!;
    expect(status).toMatchObject({ target: 'StandardStatus', reason: 'standard-name' });
    expect(status.values?.find((v) => v.code === 'AC')).toMatchObject({ target: 'ActiveUnderContract', reason: 'display-name' });
    expect(status.values?.find((v) => v.code === 'T')).toMatchObject({ target: 'Hold', reason: 'synonym' });
    expect(coverage.counts.targetFields).toBe(12);
  });

  it('exit 2 when a side is not metadata, or a TARGET is missing', async () => {
    const r = await cli(['rets.xml', 'notes.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rets-workbench mapping propose: notes\.txt is not RETS metadata nor a Web API \$metadata/);
    const u = await cli(['rets.xml']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('Give a TARGET (metadata file or profile:NAME) or a Data Dictionary file (--dd FILE).');
    const x = await cli(['rets.xml', '--dd', 'letter.xlsx']);
    expect(x.code).toBe(2);
    expect(x.stderr).toBe('rets-workbench mapping propose: letter.xlsx: The zip has no xl/workbook.xml: it is not an xlsx workbook (an .ods or .xls file must be saved as .xlsx first).\n');
  });
});
