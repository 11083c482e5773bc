// Property test: DMQL2 queries generated (fixed seed, bounded count) from the Demo MLS's RETS
// metadata and sampled records, translated to $filter, run on both doors of the Demo over HTTP.
// Each translation either returns exactly the RETS search's listings (on the Lookup-resource root
// and the EnumType root), and translated back to DMQL2 returns them again, or it says with an
// error note, pointing into the query, what it could not express.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, type DmqlField } from '../../shared/dmql';
import type { FilterSchema } from '../../shared/odata/filter/index';
import { deriveMapping, dmqlToOData, odataToDmql } from '../../shared/translate/index';
import { collect } from '../client/helpers';
import { type DemoSides, retsKeys, startSides, webKeys } from './demoSides';

const QUERIES = 70;
const CLASSES = ['RES', 'CND', 'LND', 'COM', 'RNT'];
const WORD = /^[A-Za-z0-9_]+$/;

/** mulberry32: a small seeded generator, so every run asks the same queries. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Sample = Map<string, string[]>;

class Generator {
  constructor(private readonly r: () => number) {}
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.r() * xs.length)]; }
  chance(p: number): boolean { return this.r() < p; }
  casing(s: string): string { return this.chance(0.5) ? s.toUpperCase() : s.toLowerCase(); }

  criterion(f: DmqlField, sample: Sample): string | undefined {
    const values = sample.get(f.systemName) ?? [];
    if (this.chance(0.08)) return `(${f.systemName}=${this.pick(['.EMPTY.', '.ANY.'])})`;
    if (f.kind === 'lookup' && f.lookup) {
      const codes = f.lookup.values.map((v) => v.value).filter((c) => WORD.test(c));
      const held = values.flatMap((v) => v.split(','));
      const some = (n: number) => [...new Set(Array.from({ length: n }, () => this.pick(held.length && this.chance(0.7) ? held : codes)))].join(',');
      if (!codes.length) return undefined;
      switch (this.pick(['any', 'any', 'all', 'none', 'bare', 'pattern'])) {
        case 'any': return `(${f.systemName}=|${some(1 + Math.floor(this.r() * 3))})`;
        case 'all': return `(${f.systemName}=+${some(f.multi ? 2 : 1)})`;
        case 'none': return `(${f.systemName}=~${some(1 + Math.floor(this.r() * 2))})`;
        case 'bare': return `(${f.systemName}=${some(1)})`;
        default: return `(${f.systemName}=${this.pick(codes).slice(0, 1)}*)`;
      }
    }
    if (!values.length) return undefined;
    const v = this.pick(values);
    const w = this.pick(values);
    switch (f.kind) {
      case 'number': {
        if (v.startsWith('-') || w.startsWith('-')) return undefined;
        const [lo, hi] = Number(v) <= Number(w) ? [v, w] : [w, v];
        return `(${f.systemName}=${this.pick([`${lo}-${hi}`, `${lo}+`, `${hi}-`, v])})`;
      }
      case 'date': {
        const [lo, hi] = v <= w ? [v, w] : [w, v];
        return `(${f.systemName}=${this.pick([`${lo}-${hi}`, `${lo}+`, `${hi}-`, v, 'TODAY-'])})`;
      }
      case 'datetime': {
        const [lo, hi] = v <= w ? [v, w] : [w, v];
        return `(${f.systemName}=${this.pick([`${lo}-${hi}`, `${lo}+`, `${hi}-`, `${lo.slice(0, 10)}+`, 'NOW-'])})`;
      }
      case 'string': {
        const words = v.split(/[^A-Za-z0-9_]+/).filter((x) => x.length >= 2);
        const word = words.length ? this.pick(words) : undefined;
        const form = this.pick(['eq', 'eq', 'prefix', 'suffix', 'contains', 'one', 'order']);
        if (form === 'eq') return `(${f.systemName}=${WORD.test(v) ? this.casing(v) : `"${this.casing(v).replace(/"/g, '""')}"`})`;
        if (!word) return undefined;
        const k = Math.max(1, Math.floor(word.length / 2));
        switch (form) {
          case 'prefix': return WORD.test(v.slice(0, k)) ? `(${f.systemName}=${this.casing(v.slice(0, k))}*)` : `(${f.systemName}=*${this.casing(word)}*)`;
          case 'suffix': return `(${f.systemName}=*${this.casing(word.slice(-k))})`;
          case 'contains': return `(${f.systemName}=*${this.casing(word)}*)`;
          case 'one': return `(${f.systemName}=${word.slice(0, 1)}?${word.slice(2)}*)`;
          default: return `(${f.systemName}=*${word.slice(0, 1)}*${word.slice(-1)}*)`;
        }
      }
      default: return undefined;
    }
  }

  query(fields: DmqlField[], sample: Sample): string {
    const parts: string[] = [];
    const n = 1 + Math.floor(this.r() * 3);
    // Mostly fields the Web API has (those with a StandardName), some it lacks.
    const standard = fields.filter((f) => f.standardName);
    while (parts.length < n) {
      const c = this.criterion(this.pick(this.chance(0.85) ? standard : fields), sample);
      if (c) parts.push(this.chance(0.12) ? `~${c}` : c);
    }
    return parts.join(this.chance(0.25) ? '|' : ',');
  }
}

let sides: DemoSides;
beforeAll(async () => { sides = await startSides(300, 23); }, 120_000);
afterAll(async () => { await sides?.close(); });

describe('DMQL2 -> $filter on the Demo MLS, both doors', () => {
  it(`${QUERIES} generated queries return the same listings or say what they leave out`, async () => {
    const g = new Generator(random(20261207));
    const roots: [string, FilterSchema][] = [[sides.mls.webApi.serviceRoot, sides.property], [sides.mls.webApi.enumServiceRoot, sides.propertyEnum]];
    const mappings = roots.map(([, schema]) => deriveMapping(sides.metadata, 'Property', schema));
    const samples = new Map<string, Sample>();
    for (const cls of CLASSES) {
      const rows = await collect(sides.session.search({ resource: 'Property', class: cls, query: '(L_ListingKey=0+)', format: 'COMPACT', limit: 60 }));
      samples.set(cls, new Map(rows.columns.map((c, j) => [c, rows.rows.map((r) => r[j]).filter((x) => x !== '')])));
    }
    const tally = { same: 0, nonEmpty: 0, reported: 0, back: 0, refused: 0 };
    for (let q = 0; q < QUERIES; q++) {
      const cls = g.pick(CLASSES);
      const source = buildSchema(sides.metadata, 'Property', cls);
      const query = g.query(source.fields.filter((f) => f.searchable), samples.get(cls)!);
      const [root, target] = roots[q % 2];
      const mapping = mappings[q % 2];
      const result = dmqlToOData(query, { source, target, mapping });
      const where = `#${q} ${cls} ${query}\n  -> ${result.text}\n  ${result.notes.map((n) => `${n.severity} ${n.code}: ${n.message}`).join('\n  ')}`;
      const errors = result.notes.filter((n) => n.severity === 'error');
      if (!result.complete) {
        expect(errors.length, where).toBeGreaterThan(0);
        for (const e of errors) expect(e.range && e.range.end <= query.length && e.range.start < e.range.end, where).toBe(true);
        tally.reported++;
        continue;
      }
      const keys = await retsKeys(sides, cls, query);
      let web: string[];
      try {
        web = await webKeys(sides, root, result.text);
      } catch (e) {
        // A wildcard on a long lookup becomes many values; the server may refuse that, as the notes warned.
        expect(String(e), where).toContain('FilterTooComplex');
        expect(result.notes.some((n) => n.code === 'many-values'), where).toBe(true);
        tally.refused++;
        continue;
      }
      expect(web, where).toEqual(keys);
      tally.same++;
      if (keys.length) tally.nonEmpty++;
      const back = odataToDmql(result.text, { source: target, metadata: sides.metadata, mapping });
      if (back.complete) {
        expect(back.className, where).toBe(cls);
        expect(await retsKeys(sides, cls, back.text), `${where}\n  back: ${back.text}`).toEqual(keys);
        tally.back++;
      } else {
        expect(back.notes.some((n) => n.severity === 'error' && n.range), `${where}\n  back: ${JSON.stringify(back.notes)}`).toBe(true);
      }
    }
    // The generator must exercise both outcomes, and mostly queries that find something.
    expect(tally.same).toBeGreaterThan(QUERIES / 2);
    expect(tally.nonEmpty).toBeGreaterThan(QUERIES / 4);
    expect(tally.reported).toBeGreaterThan(2);
    expect(tally.back).toBeGreaterThan(QUERIES / 3);
  }, 300_000);
});
