// One queue per file: a read-modify-write of a store file runs alone, so two calls changing
// different fields of one profile (or two ports remembered at once) cannot overwrite each other.
// Module-wide, keyed by path, so every store over the same folder shares it.
const tails = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier work on `key` has settled; its result or error is the caller's. */
export function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(work);
  const tail = run.then(() => undefined, () => undefined);
  tails.set(key, tail);
  void tail.then(() => { if (tails.get(key) === tail) tails.delete(key); });
  return run;
}
