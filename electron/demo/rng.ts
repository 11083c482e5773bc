// Deterministic randomness without state: every value is a hash of (seed, row, slot), so any
// row of any table can be produced on demand, in any order, and always comes out the same.

/** A 32-bit avalanche hash of three integers (murmur3-style finalizer). */
export function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35) ^ Math.imul(c + 0x165667b1, 0x27d4eb2d);
  h = Math.imul(h ^ (h >>> 13), 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

/** Uniform float in [0, 1). */
export function unit(a: number, b: number, c: number): number {
  return hash3(a, b, c) / 4294967296;
}

/** Uniform integer in [min, max]. */
export function intIn(a: number, b: number, c: number, min: number, max: number): number {
  return min + Math.floor(unit(a, b, c) * (max - min + 1));
}

export function pick<T>(list: readonly T[], a: number, b: number, c: number): T {
  return list[hash3(a, b, c) % list.length];
}

/** Picks an index by weights (weights need not sum to 1). */
export function weighted(weights: readonly number[], u: number): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}
