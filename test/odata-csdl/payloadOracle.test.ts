// The payload parser against JSON.parse as the oracle: random pages (random property orders,
// missing properties, strings with every kind of character JSON.stringify escapes or not,
// nested values, nulls), cut into random chunks; every cell must read as the oracle says.
import { describe, expect, it } from 'vitest';
import { createODataPayloadParser, type ODataPayloadEvent, type ODataRowBatch } from '../../shared/odata/payload/index';
import { ODataParseError } from '../../shared/odata/parseError';
import { prng } from './hostile';

const CHARS = ['a', 'Z', ' ', '"', '\\', '/', '\n', '\t', '\u0001', '\u001f', 'é', 'ß', '€', '🏠', '\ud800', '\udfff', '\u2028', '<', '&', '\u00a0'];

function randomString(rnd: () => number): string {
  let s = '';
  const n = Math.floor(rnd() * 12);
  for (let i = 0; i < n; i++) s += CHARS[Math.floor(rnd() * CHARS.length)]!;
  return s;
}

function randomValue(rnd: () => number, depth: number): unknown {
  const k = Math.floor(rnd() * (depth > 2 ? 5 : 7));
  switch (k) {
    case 0: return randomString(rnd);
    case 1: return Math.floor(rnd() * 2e9) - 1e9;
    case 2: return null;
    case 3: return rnd() < 0.5;
    case 4: return randomString(rnd);
    case 5: return Array.from({ length: Math.floor(rnd() * 4) }, () => randomValue(rnd, depth + 1));
    default: return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 3) }, () => [randomString(rnd), randomValue(rnd, depth + 1)]));
  }
}

function cell(v: unknown): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function randomPage(rnd: () => number, pretty = false): { text: string; rows: Record<string, unknown>[] } {
  const keys = Array.from({ length: 1 + Math.floor(rnd() * 8) }, (_, i) => (i % 3 === 2 ? `K${i}${randomString(rnd)}` : `K${i}`));
  const rows = Array.from({ length: Math.floor(rnd() * 6) }, () => {
    const o: Record<string, unknown> = {};
    for (const k of [...keys].sort(() => rnd() - 0.5)) if (rnd() < 0.8) o[k] = randomValue(rnd, 0);
    return o;
  });
  const text = JSON.stringify({ '@odata.context': randomString(rnd), '@odata.count': rows.length, value: rows, '@odata.nextLink': randomString(rnd) }, null, pretty && rnd() < 0.25 ? 1 : undefined);
  return { text, rows };
}

/** Everything the parser gives for `bytes` pushed in chunks of `step`, or else the error it stops with (kind and offset). */
function outcome(bytes: Uint8Array, step: number): unknown {
  const p = createODataPayloadParser({ maxDepth: 6 });
  const events: ODataPayloadEvent[] = [];
  try {
    for (let i = 0; i < bytes.length; i += step) events.push(...p.push(bytes.subarray(i, i + step)));
    events.push(...p.end());
    // Columns are announced when a batch first needs them, which depends on the chunks: compare the final list.
    const out: unknown[] = events.filter((e) => e.kind !== 'rows' && e.kind !== 'columns');
    for (const e of events) {
      if (e.kind !== 'rows') continue;
      const b = e.batch;
      for (let r = 0; r < b.length; r++) out.push(b.columns.map((name, c) => [name, b.kind(r, c), b.get(r, c), b.count(r, c), b.json(r, c)]));
    }
    return out;
  } catch (e) {
    if (!(e instanceof ODataParseError)) throw e;
    // What a push delivers is lost when it throws, so chunkings differ there: the error is the outcome.
    return { kind: e.kind, offset: e.offset };
  }
}

const STRUCTURE = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', 'x', '1', 'e', '-', 'n', 't'];

describe('payload parser against JSON.parse', () => {
  it('reads 200 random pages in random chunks exactly as JSON.parse does', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = prng(seed);
      const { text, rows } = randomPage(rnd);
      const bytes = new TextEncoder().encode(text);
      const p = createODataPayloadParser();
      const got: ODataRowBatch[] = [];
      let next = '';
      const take = (events: ReturnType<typeof p.push>) => {
        for (const e of events) { if (e.kind === 'rows') got.push(e.batch); if (e.kind === 'nextLink') next = e.url; }
      };
      for (let i = 0; i < bytes.length;) { const n = 1 + Math.floor(rnd() * 40); take(p.push(bytes.subarray(i, i + n))); i += n; }
      take(p.end());
      const oracle = JSON.parse(text) as { value: Record<string, unknown>[]; '@odata.nextLink': string };
      expect(next).toBe(oracle['@odata.nextLink']);
      const flat = got.flatMap((b) => Array.from({ length: b.length }, (_, r) => ({ b, r })));
      expect(flat).toHaveLength(rows.length);
      flat.forEach(({ b, r }, i) => {
        const want = oracle.value[i]!;
        b.columns.forEach((name, c) => {
          const has = Object.prototype.hasOwnProperty.call(want, name);
          expect(b.kind(r, c) === 'absent', `seed ${seed} row ${i} ${name}`).toBe(!has);
          expect(b.get(r, c), `seed ${seed} row ${i} ${name}`).toBe(has ? cell(want[name]) : '');
          if (has && typeof want[name] === 'string') expect(new TextDecoder().decode(b.fieldBytes(r, c))).toBe(new TextDecoder().decode(new TextEncoder().encode(want[name] as string)));
        });
        expect(b.columns.filter((n) => Object.prototype.hasOwnProperty.call(want, n)).length).toBe(Object.keys(want).length);
      });
    }
  });

  it('reads whole bodies (the fast path) exactly as byte by byte (the tokenizer), broken ones included: same rows, same error at the same offset', () => {
    let failures = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = prng(1000 + seed);
      const chars = [...randomPage(rnd, true).text];
      // Break most pages: a few bytes of JSON structure inserted, deleted or replaced.
      const edits = seed % 4 === 0 ? 0 : 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(rnd() * (chars.length + 1));
        const op = Math.floor(rnd() * 4);
        const c = STRUCTURE[Math.floor(rnd() * STRUCTURE.length)]!;
        if (op === 0) chars.splice(at, 0, c);
        else if (op === 1) chars.splice(at, 1);
        else if (op === 2) chars.splice(at, 1, c);
        else {
          // A closer of the wrong kind (inside a nested value, most often).
          const close = chars.findIndex((ch, j) => j >= at && (ch === ']' || ch === '}'));
          if (close >= 0) chars[close] = chars[close] === ']' ? '}' : ']';
        }
      }
      // Deep nesting now and then, past the cap of 6, in a row.
      const text = seed % 7 === 0 ? chars.join('').replace(/"value": ?\[/, '"value":[{"a":[[{"b":[[[1]]]}]]},') : chars.join('');
      const bytes = new TextEncoder().encode(text);
      const whole = outcome(bytes, bytes.length + 1);
      expect(outcome(bytes, 1), `seed ${seed}`).toEqual(whole);
      expect(outcome(bytes, 1 + (seed % 13)), `seed ${seed}`).toEqual(whole);
      if (!Array.isArray(whole)) failures++;
    }
    expect(failures).toBeGreaterThan(50);
  });
});
