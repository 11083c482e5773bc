// DMQL2 queries generated from a RETS class's fields and sampled values (fixed seed, bounded
// count): the property tests' source of queries (DMQL2 -> $filter, and MLS A -> MLS B).
import type { DmqlField } from '../../shared/dmql';

export const CLASSES = ['RES', 'CND', 'LND', 'COM', 'RNT'];
const WORD = /^[A-Za-z0-9_]+$/;

/** The seeded generator every test draws from: every run asks the same queries. */
export { seeded as random } from '../fuzz/rng';

export type Sample = Map<string, string[]>;

export class Generator {
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

