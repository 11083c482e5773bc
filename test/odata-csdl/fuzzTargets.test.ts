// The OData fuzz targets (fuzzTargets.ts here and in test/odata/) load and hold at a small size:
// every generator's input is read to the end or to the reader's typed error. The real rounds, with
// large inputs and counted work, run in `npm run fuzz` once the targets are registered there.
import { describe, expect, it } from 'vitest';
import { odataFilterFuzzTargets } from '../odata/fuzzTargets';
import { odataCsdlFuzzTargets } from './fuzzTargets';
import { prng } from './hostile';

describe('OData fuzz targets, small inputs', () => {
  for (const t of [...odataCsdlFuzzTargets, ...odataFilterFuzzTargets]) {
    it(`${t.name}: ${t.generators.length} generators, no untyped exception`, () => {
      const untyped: string[] = [];
      for (const g of t.generators) {
        const rng = prng(g.name.length * 7919 + 1);
        for (const size of [0, 97, 4096]) {
          const bytes = g.make(size, rng);
          try {
            t.parse(bytes);
          } catch (e) {
            if (!(t.typed?.(e) ?? false)) untyped.push(`${g.name} (${bytes.length} bytes): ${String(e)}`);
          }
        }
      }
      expect(untyped).toEqual([]);
      expect(new Set(t.generators.map((g) => g.name)).size).toBe(t.generators.length);
    });
  }
});
