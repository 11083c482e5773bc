// Counts the work a parser does, without a clock: the native primitives parsers scan with
// (String and typed-array searches, slices, case changes, every RegExp execution, decoders) are
// wrapped, and each call adds the number of characters or bytes it can have examined. A parser
// that rescans the body (a regex from the start at every candidate, a search that is not resumed)
// shows as work growing with the square of the input. Installed only in the fuzz process.

let work = 0;

export function resetWork(): void { work = 0; }
export function currentWork(): number { return work; }

/**
 * A regex's own backtracking is invisible to the counter (one exec counts what it passed over),
 * so regexes run over long text are listed: each must be one reviewed as linear (reviewed.ts).
 */
export const LONG_SUBJECT = 1024;
let longSubjects = new Map<RegExp, number>();

/** `/source/flags` of every regex run over more than LONG_SUBJECT characters since the last call. */
export function takeLongSubjectRegexes(): Map<string, number> {
  const out = new Map<string, number>();
  for (const [re, chars] of longSubjects) {
    const key = `/${re.source}/${re.flags}`;
    out.set(key, Math.max(out.get(key) ?? 0, chars));
  }
  longSubjects = new Map();
  return out;
}

type Fn = (...args: never[]) => unknown;

function wrap<T extends object>(proto: T, name: string, cost: (self: never, args: never, result: never) => number): void {
  const original = (proto as Record<string, Fn>)[name];
  if (typeof original !== 'function') return;
  const wrapped = function (this: never, ...args: never[]): unknown {
    const result = original.apply(this, args) as never;
    work += cost(this, args as never, result);
    return result;
  };
  Object.defineProperty(wrapped, 'name', { value: name });
  Object.defineProperty(proto, name, { value: wrapped, writable: true, configurable: true, enumerable: false });
}

const len = (s: unknown): number => (typeof s === 'string' ? s.length : 0);
/** A search from `from` costs what it passed over: up to the match, or to the end. */
const searched = (size: number, from: unknown, found: number, needle: number): number => {
  const start = Math.max(0, Math.min(size, typeof from === 'number' ? from : 0));
  return 1 + (found >= 0 ? found - start + needle : size - start);
};

let installed = false;

/** Wraps the primitives once per process. */
export function installMeter(): void {
  if (installed) return;
  installed = true;
  const S = String.prototype;
  wrap(S, 'indexOf', (s: string, [needle, from]: [string, number], r: number) => searched(s.length, from, r, len(String(needle))));
  wrap(S, 'lastIndexOf', (s: string) => 1 + s.length);
  wrap(S, 'includes', (s: string, [, from]: [string, number]) => 1 + s.length - Math.max(0, from ?? 0));
  wrap(S, 'startsWith', (_s: string, [needle]: [string]) => 1 + len(needle));
  wrap(S, 'endsWith', (_s: string, [needle]: [string]) => 1 + len(needle));
  for (const name of ['slice', 'substring', 'substr', 'padStart', 'padEnd', 'repeat', 'normalize', 'concat', 'at']) {
    wrap(S, name, (_s: string, _a: never, r: string) => 1 + len(r));
  }
  for (const name of ['trim', 'trimStart', 'trimEnd']) wrap(S, name, (s: string, _a: never, r: string) => 1 + s.length - len(r));
  for (const name of ['toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'split', 'localeCompare']) {
    wrap(S, name, (s: string) => 1 + s.length);
  }
  // replace, replaceAll, match, matchAll and search with a RegExp end in RegExp.prototype.exec
  // (the spec's RegExpExec calls it once the prototype is changed); with a string, one pass.
  for (const name of ['replace', 'replaceAll', 'match', 'matchAll', 'search']) {
    wrap(S, name, (s: string, [pattern]: [unknown]) => (pattern instanceof RegExp ? 1 : 1 + s.length));
  }
  const R = RegExp.prototype;
  const exec = R.exec;
  Object.defineProperty(R, 'exec', {
    configurable: true, writable: true, enumerable: false,
    value: function execMetered(this: RegExp, input: string): RegExpExecArray | null {
      const text = String(input);
      const start = this.global || this.sticky ? this.lastIndex : 0;
      if (text.length - start > LONG_SUBJECT && !((longSubjects.get(this) ?? 0) >= text.length - start)) longSubjects.set(this, text.length - start);
      const m = exec.call(this, text);
      // A sticky regex tries one position; others move along the text until they match.
      if (m) work += 1 + m.index + m[0].length - start;
      else work += this.sticky ? 1 : 1 + Math.max(0, text.length - start);
      return m;
    },
  });
  const T = Object.getPrototypeOf(Uint8Array.prototype) as object;
  wrap(T, 'indexOf', (b: Uint8Array, [, from]: [number, number], r: number) => searched(b.length, from, r, 1));
  wrap(T, 'lastIndexOf', (b: Uint8Array) => 1 + b.length);
  wrap(T, 'includes', (b: Uint8Array, [, from]: [number, number]) => 1 + b.length - Math.max(0, from ?? 0));
  wrap(T, 'slice', (_b: Uint8Array, _a: never, r: Uint8Array) => 1 + r.length);
  wrap(T, 'set', (_b: Uint8Array, [src]: [ArrayLike<number>]) => 1 + (src?.length ?? 0));
  wrap(T, 'subarray', () => 1);
  wrap(TextDecoder.prototype, 'decode', (_d: TextDecoder, [input]: [ArrayBufferView | undefined]) => 1 + (input?.byteLength ?? 0));
  wrap(TextEncoder.prototype, 'encode', (_e: TextEncoder, [input]: [string | undefined]) => 1 + len(input));
  wrap(Array.prototype, 'join', (_a: unknown[], _x: never, r: string) => 1 + r.length);
  const fromCharCode = String.fromCharCode;
  String.fromCharCode = function fromCharCodeMetered(...codes: number[]): string {
    work += 1 + codes.length;
    return fromCharCode(...codes);
  };
  const parse = JSON.parse;
  JSON.parse = function parseMetered(text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown): unknown {
    work += 1 + len(text);
    return parse(text, reviver);
  };
}
