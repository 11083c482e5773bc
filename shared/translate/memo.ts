// Indexes built once per mapping or schema object and reused by every translation through it:
// a 100-condition query must not pay for indexing 2,000 fields each time.
const cache = new WeakMap<object, Map<string, Map<string, unknown>>>();

/** `make()`'s map for (owner, what), kept as long as `owner` lives. */
export function memo<V>(owner: object, what: string, make: () => Map<string, V>): Map<string, V> {
  let byWhat = cache.get(owner);
  if (!byWhat) { byWhat = new Map(); cache.set(owner, byWhat); }
  let m = byWhat.get(what) as Map<string, V> | undefined;
  if (!m) { m = make(); byWhat.set(what, m); }
  return m;
}

/** Items by a key, the first item winning. */
export function indexBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const m = new Map<string, T>();
  for (const x of items) { const k = key(x); if (!m.has(k)) m.set(k, x); }
  return m;
}
