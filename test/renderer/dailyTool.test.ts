// The renderer's logic behind issue 13's rough edges: Limit/Offset as typed text, paging, the
// run check (no Resource/Class, errors the editor found), the placeholder query built from the
// Demo MLS's own metadata (and accepted by the Demo MLS's filter), column widths from content,
// the connection form's checks, the tree's accessible names, palette keys per mode, the status
// bar's figures from the trace, and the photo download's file name.
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../electron/demo/catalog';
import { createDataset } from '../../electron/demo/dataset';
import { buildMetadata } from '../../electron/demo/metadataModel';
import { compileFilter } from '../../electron/demo/searchFilter';
import { validate } from '../../shared/dmql';
import type { TraceEntry } from '../../shared/contract';
import { pageOffset, parseLimit, parseOffset } from '../../renderer/src/query/numberFields';
import { blockReason, gateRun } from '../../renderer/src/query/runGate';
import { sampleQuery } from '../../renderer/src/query/sampleQuery';
import { schemaFor } from '../../renderer/src/query/schemaCache';
import { newTab } from '../../renderer/src/state/tabs';
import { FIT_MAX, FIT_MIN, fitWidths } from '../../renderer/src/grid/columnFit';
import { loginUrlProblem, validateProfileForm, type ProfileForm } from '../../renderer/src/connections/profileValidation';
import { treeLabel } from '../../renderer/src/explorer/treeLabel';
import { buildIndex, flatten } from '../../renderer/src/explorer/treeModel';
import { paletteFor, paletteShortcuts } from '../../renderer/src/shell/shortcuts';
import { traceStats } from '../../renderer/src/shell/traceStats';
import { photoFileName } from '../../renderer/src/details/PhotoViewer';

const catalog = buildCatalog(createDataset(400, 7), () => 'http://127.0.0.1');
const md = buildMetadata(catalog);
const property = md.resources.find((r) => r.id === 'Property')!;

describe('Limit and Offset as typed', () => {
  it('keeps editing states and says what is wrong instead of snapping to 1', () => {
    expect(parseLimit('')).toMatchObject({ ok: false, message: expect.stringContaining('empty') });
    for (const bad of ['0', '-5', 'abc', '1.5']) expect(parseLimit(bad).ok, bad).toBe(false);
    expect(parseLimit('0')).toMatchObject({ message: expect.stringContaining('at least 1') });
    expect(parseLimit('abc')).toMatchObject({ message: expect.stringContaining('“abc”') });
    expect(parseLimit('500')).toEqual({ ok: true, value: 500 });
    expect(parseLimit('none')).toEqual({ ok: true, value: 'NONE' });
    expect(parseOffset('')).toEqual({ ok: true, value: undefined });
    expect(parseOffset('1')).toEqual({ ok: true, value: undefined });
    expect(parseOffset('201')).toEqual({ ok: true, value: 201 });
    expect(parseOffset('0').ok).toBe(false);
    expect(parseOffset('x').ok).toBe(false);
  });

  it('pages by Limit: Next from the start goes to Limit+1, Previous back to the first row', () => {
    expect(pageOffset(undefined, 100, 1)).toBe(101);
    expect(pageOffset(101, 100, 1)).toBe(201);
    expect(pageOffset(201, 100, -1)).toBe(101);
    expect(pageOffset(101, 100, -1)).toBeUndefined();
    expect(pageOffset(50, 100, -1)).toBeUndefined();
  });
});

describe('the run check', () => {
  const tab = newTab({ resource: 'Property', cls: 'RES', query: '(L_Status=|A)' });

  it('blocks Run with a reason when there is no metadata (logged out) or the class is unknown', () => {
    expect(blockReason(tab, undefined, 'p1')).toMatch(/No metadata.*login failed.*Fix the profile with Edit/);
    expect(blockReason(tab, md, undefined)).toMatch(/connection/);
    expect(blockReason({ ...tab, cls: 'NOPE' }, md, 'p1')).toMatch(/Class NOPE is not in Property/);
    expect(blockReason({ ...tab, resource: '' }, md, 'p1')).toBe('Pick a Resource');
    expect(blockReason({ ...tab, limitText: '0' }, md, 'p1')).toMatch(/at least 1/);
    expect(blockReason(tab, md, 'p1')).toBeUndefined();
    expect(gateRun(tab, undefined, 'p1').kind).toBe('blocked');
  });

  it('asks first when the editor finds errors, and lets a clean query through', () => {
    expect(gateRun(tab, md, 'p1')).toEqual({ kind: 'ok' });
    const g = gateRun({ ...tab, query: '(L_ListPrise=100000+)' }, md, 'p1');
    expect(g.kind).toBe('errors');
    if (g.kind === 'errors') expect(g.errors[0].fix?.edits[0].text).toBe('L_ListPrice');
    // With StandardNames the same system name is the mistake.
    expect(gateRun({ ...tab, query: '(ListPrice=100000+)', standardNames: true }, md, 'p1')).toEqual({ kind: 'ok' });
    expect(gateRun({ ...tab, query: '(ListPrice=100000+)' }, md, 'p1').kind).toBe('errors');
  });
});

describe('the placeholder query', () => {
  for (const standardNames of [false, true]) {
    for (const cls of property.classes) {
      it(`works on Property ${cls.name}${standardNames ? ' with StandardNames' : ''}: the Demo MLS accepts it and finds rows`, () => {
        const schema = schemaFor({ metadata: md, resource: 'Property', cls: cls.name, standardNames })!;
        const q = sampleQuery(schema)!;
        expect(q).toBeTruthy();
        expect(validate(q, schema)).toEqual([]);
        const demo = catalog.find((r) => r.id === 'Property')!.classes.find((c) => c.name === cls.name)!;
        const r = compileFilter(q, { demo, resource: property, cls, metadata: md } as Parameters<typeof compileFilter>[1], standardNames);
        expect('filter' in r, JSON.stringify(r)).toBe(true);
        if (!('filter' in r)) return;
        let hits = 0;
        for (let row = 0; row < demo.count; row += 1) if (r.filter(row)) hits += 1;
        expect(hits).toBeGreaterThan(0);
      });
    }
  }
  it('is absent without a schema', () => { expect(sampleQuery(undefined)).toBeUndefined(); });
});

describe('column widths from content', () => {
  it('sizes by the longer of the header and the first rows, within bounds', () => {
    const w = fitWidths(['ID', 'L_Remarks', 'X'], [['1', 'a'.repeat(30), ''], ['22', 'short', '']]);
    expect(w[1]).toBeGreaterThan(w[0]);
    expect(w[1]).toBeGreaterThanOrEqual(30 * 7.5);
    expect(w[2]).toBe(FIT_MIN);
    expect(fitWidths(['A'], [['z'.repeat(500)]])[0]).toBe(FIT_MAX);
    // A short header over a long value is not cut to the header's length.
    expect(fitWidths(['St'], [['Active Under Contract']])[0]).toBeGreaterThan(fitWidths(['St'], [['A']])[0]);
  });
});

describe('the connection form', () => {
  const good: ProfileForm = { name: 'Acme', loginUrl: 'https://rets.example.com/rets/login', username: 'u', userAgent: 'RETSWorkbench/1.0', retsVersion: 'RETS/1.7.2', rpm: '0', connectS: '15', responseS: '60' };
  it('accepts a usable form and names every wrong field', () => {
    expect(validateProfileForm(good)).toEqual({});
    const e = validateProfileForm({ ...good, loginUrl: 'not a url at all', rpm: 'x', connectS: '0', responseS: '', retsVersion: 'RETS/9', name: ' ' });
    expect(Object.keys(e).sort()).toEqual(['connectS', 'loginUrl', 'name', 'responseS', 'retsVersion', 'rpm']);
    expect(e.loginUrl).toMatch(/not a web address/);
    expect(e.connectS).toMatch(/from 1 to 300/);
    expect(loginUrlProblem('ftp://x.example/')).toMatch(/https:\/\//);
  });
});

describe('tree accessible names', () => {
  it('separates the parts of a row instead of running them together', () => {
    const rows = flatten(buildIndex(md), new Set(['r:Property', 'c:Property:RES']));
    const status = rows.find((n) => n.kind === 'field' && n.field.systemName === 'L_Status');
    expect(status).toBeDefined();
    const label = treeLabel(status!);
    expect(label.startsWith('L_Status, ')).toBe(true);
    expect(label).toContain('lookup field');
    expect(label).not.toMatch(/LL_Status/);
  });
});

describe('palette keys', () => {
  const key = (k: string, m: Partial<{ ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean }>) => ({ key: k, code: `Key${k.toUpperCase()}`, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...m });
  it('leaves Ctrl+P and Ctrl+R to the browser in browser mode and uses Alt there', () => {
    expect(paletteFor('browser', key('p', { ctrlKey: true }))).toBeUndefined();
    expect(paletteFor('browser', key('r', { ctrlKey: true }))).toBeUndefined();
    expect(paletteFor('browser', key('p', { altKey: true }))).toBe('snippets');
    expect(paletteFor('browser', key('r', { altKey: true }))).toBe('history');
    expect(paletteFor('browser', key('p', { altKey: true, shiftKey: true }))).toBe('commands');
    expect(paletteFor('electron', key('p', { ctrlKey: true }))).toBe('snippets');
    expect(paletteFor('electron', key('p', { metaKey: true, shiftKey: true }))).toBe('commands');
    expect(paletteShortcuts('browser').history.label).toBe('Alt+R');
  });
});

describe('status bar figures', () => {
  const entry = (id: number, durationMs?: number): TraceEntry => ({ id, profileId: 'p', transaction: 'Search', method: 'GET', url: 'http://x/', startedAt: '2026-01-01T00:00:00.000Z', requestHeaders: {}, responseHeaders: {}, ...(durationMs !== undefined ? { durationMs } : {}) });
  it('counts the entries the log lists and takes the last finished time', () => {
    expect(traceStats(undefined)).toEqual({ requests: 0 });
    expect(traceStats([entry(1, 40), entry(2, 12.4), entry(3)])).toEqual({ requests: 3, lastMs: 12.4 });
  });
});

describe('photo download name', () => {
  it('names the file after the record and object, with the type’s extension', () => {
    expect(photoFileName('500002', { objectId: 3, contentType: 'image/jpeg' })).toBe('500002-3.jpg');
    expect(photoFileName('../a b', { objectId: 1, contentType: 'application/x-unknown' })).toBe('.._a_b-1.bin');
  });
});
