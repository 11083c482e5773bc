// Property test: DMQL2 queries generated (fixed seed, bounded count, the generator of the
// DMQL2 -> $filter property test) from the Demo MLS's metadata and sampled records, translated for
// the Demo's second naming (dialect b: other SystemNames, lookup codes and class names, the same
// listings) through both sides' standard names, and run on both servers over HTTP. Each
// translation returns exactly the listings the original finds, or says with an error note,
// pointing into the query, what it could not express.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../shared/dmql';
import { composeMappings, dmqlToDmql, pairClass, retsPivot } from '../../shared/translate/index';
import { collect } from '../client/helpers';
import { keysOf, type RetsSide, startRetsSide } from './demoSides';
import { CLASSES, Generator, random, type Sample } from './dmqlGenerator';

const QUERIES = 70;
let a: RetsSide;
let b: RetsSide;
beforeAll(async () => { [a, b] = await Promise.all([startRetsSide({ listings: 300, seed: 29 }), startRetsSide({ listings: 300, seed: 29, dialect: 'b' })]); }, 120_000);
afterAll(async () => { await Promise.all([a?.close(), b?.close()]); });

describe('DMQL2 for Demo A -> DMQL2 for Demo B', () => {
  it(`${QUERIES} generated queries return the same listings on B or say what they leave out`, async () => {
    const g = new Generator(random(20261208));
    const mapping = composeMappings(retsPivot(a.metadata, 'Property'), retsPivot(b.metadata, 'Property'));
    const samples = new Map<string, Sample>();
    for (const cls of CLASSES) {
      const rows = await collect(a.session.search({ resource: 'Property', class: cls, query: '(L_ListingKey=0+)', format: 'COMPACT', limit: 60 }));
      samples.set(cls, new Map(rows.columns.map((c, j) => [c, rows.rows.map((r) => r[j]).filter((x) => x !== '')])));
    }
    const tally = { same: 0, nonEmpty: 0, reported: 0 };
    for (let q = 0; q < QUERIES; q++) {
      const cls = g.pick(CLASSES);
      const source = buildSchema(a.metadata, 'Property', cls);
      const query = g.query(source.fields.filter((f) => f.searchable), samples.get(cls)!);
      const targetClass = pairClass(a.metadata, 'Property', cls, b.metadata, 'Property')!;
      const result = dmqlToDmql(query, { source, target: b.metadata, targetResource: 'Property', targetClass, mapping });
      const where = `#${q} ${cls} ${query}\n  -> ${targetClass} ${result.text}\n  ${result.notes.map((n) => `${n.severity} ${n.code}: ${n.message}`).join('\n  ')}`;
      if (!result.complete) {
        const errors = result.notes.filter((n) => n.severity === 'error');
        expect(errors.length, where).toBeGreaterThan(0);
        for (const e of errors) expect(e.range && e.range.end <= query.length && e.range.start < e.range.end, where).toBe(true);
        tally.reported++;
        continue;
      }
      const keys = await keysOf(a, cls, query, 'L_ListingKey');
      expect(await keysOf(b, targetClass, result.text, 'LM_LISTING_KEY'), where).toEqual(keys);
      tally.same++;
      if (keys.length) tally.nonEmpty++;
    }
    // Both outcomes must occur, and mostly queries that find something.
    expect(tally.same).toBeGreaterThan(QUERIES / 2);
    expect(tally.nonEmpty).toBeGreaterThan(QUERIES / 4);
    expect(tally.reported).toBeGreaterThan(2);
  }, 300_000);
});
