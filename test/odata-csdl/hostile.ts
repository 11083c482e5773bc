// Hostile inputs for the OData readers, and the targets that run them, for the fuzz registry
// (test/fuzz/targets.ts, `npm run fuzz`) to pick up: each target reads one input and may only
// finish or throw its typed error. Generators are deterministic in (seed, size).

import { parseCsdl } from '../../shared/odata/csdl/index';
import { createODataPayloadParser } from '../../shared/odata/payload/index';
import { readServerError } from '../../shared/odata/errors';
import { isODataParseError } from '../../shared/odata/parseError';
import { LOOKUP_ROWS_JSON, RESO_CSDL, RESO_CSDL_JSON } from './fixtures';
import { seeded as prng } from '../fuzz/rng';

const enc = new TextEncoder();

export { prng };

/** Named hostile documents of about `size` bytes. */
export function hostileCsdl(size: number): Record<string, string> {
  const n = Math.max(1, Math.floor(size / 3));
  const head = '<edmx:Edmx Version="4.0" xmlns:edmx="x"><edmx:DataServices><Schema Namespace="n">';
  return {
    deepElements: `${head}${'<a>'.repeat(n)}${'</a>'.repeat(n)}</Schema></edmx:DataServices></edmx:Edmx>`,
    deepAnnotation: `${head}<EntityType Name="T"><Annotation Term="X">${'<Collection>'.repeat(n / 4)}`,
    unclosedElements: `${head}${'<a>'.repeat(n)}`,
    unterminatedComment: `${head}<!--${'-'.repeat(size)}`,
    unterminatedAttribute: `${head}<EntityType Name="${'x'.repeat(size)}`,
    longAttribute: `${head}<EntityType Name="${'x'.repeat(size)}"/></Schema></edmx:DataServices></edmx:Edmx>`,
    manyAttributes: `${head}<EntityType ${'a="1" '.repeat(n / 2)}/></Schema></edmx:DataServices></edmx:Edmx>`,
    hugeNumbers: `${head}<EntityType Name="T"><Key><PropertyRef Name="K"/></Key><Property Name="K" Type="Edm.String" MaxLength="${'9'.repeat(size)}" Precision="-1" Scale="1e999"/></EntityType></Schema></edmx:DataServices></edmx:Edmx>`,
    manyLt: '<'.repeat(size),
    // Entity definitions are never expanded: the document type is skipped, &lol; stays as written.
    entityExpansion: `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>${head}<EntityType Name="&lol2;${'x'.repeat(size)}"/></Schema></edmx:DataServices></edmx:Edmx>`,
    entities: `${head}<EntityType Name="${'&amp;&#xFFFFFF;&#55357;&bogus;'.repeat(n / 10)}"/></Schema></edmx:DataServices></edmx:Edmx>`,
    jsonDeep: `{"$Version":"4.01","n":${'['.repeat(size)}`,
    jsonDeepClosed: `{"$Version":"4.01","n":{"T":${'{"a":'.repeat(n / 2)}1${'}'.repeat(n / 2)}}}`,
  };
}

/** Named hostile OData JSON bodies of about `size` bytes. */
export function hostilePayloads(size: number): Record<string, string> {
  const n = Math.max(1, size);
  return {
    deepArrays: `{"a":${'['.repeat(n)}`,
    topArray: '['.repeat(n),
    deepInValue: `{"value":[{"a":${'['.repeat(n)}`,
    deepInValueClosed: `{"value":[{"a":${'['.repeat(n / 2)}${']'.repeat(n / 2)}}]}`,
    deepObjects: `{"value":[{"a":${'{"b":'.repeat(n / 5)}`,
    longString: `{"value":[{"a":"${'x'.repeat(n)}"}]}`,
    unterminatedString: `{"value":[{"a":"${'x'.repeat(n)}`,
    escapes: `{"value":[{"a":"${'\\ud83c\\udfe0\\u00e9\\"\\\\\\ud800\\uZZZZ'.repeat(n / 40)}"}]}`,
    hugeCount: `{"@odata.count":${'9'.repeat(Math.min(n, 100_000))},"value":[]}`,
    hugeCountString: `{"@odata.count":"${'9'.repeat(n)}","value":[]}`,
    manyColumns: `{"value":[{${Array.from({ length: Math.floor(n / 12) }, (_, i) => `"c${i}":1`).join(',')}}]}`,
    newColumnEachRow: `{"value":[${Array.from({ length: Math.floor(n / 14) }, (_, i) => `{"k${i}":${i}}`).join(',')}]}`,
    manyRows: `{"value":[${'{"a":1},'.repeat(Math.floor(n / 8))}{"a":2}]}`,
    garbage: 'x'.repeat(n),
    numbers: `{"value":[{"a":${'1'.repeat(n)}}]}`,
  };
}

/** Byte-level mutations of a valid document: flips, cuts, duplications. */
export function mutate(text: string, seed: number, edits = 8): Uint8Array {
  const rnd = prng(seed);
  let b = enc.encode(text);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rnd() * b.length);
    const op = Math.floor(rnd() * 4);
    if (op === 0) b[at] = Math.floor(rnd() * 256);
    else if (op === 1) b = b.slice(0, at);
    else if (op === 2) b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(at, at + 40), ...b.subarray(at)]);
    else b[at] = '<>"{}[],:\\&'.charCodeAt(Math.floor(rnd() * 11));
    if (b.length === 0) break;
  }
  return b;
}

export interface FuzzTarget {
  name: string;
  /** A deterministic input for (seed, size). */
  generate(seed: number, size: number): Uint8Array;
  /** Read one input; may throw only an error `isTyped` accepts. */
  run(input: Uint8Array): void;
  isTyped(e: unknown): boolean;
}

const dec = new TextDecoder();

function pickHostile(all: Record<string, string>, seed: number): string {
  const names = Object.keys(all);
  return all[names[seed % names.length]!]!;
}

export const odataFuzzTargets: FuzzTarget[] = [
  {
    name: 'odata-csdl',
    generate: (seed, size) => (seed % 2 ? enc.encode(pickHostile(hostileCsdl(size), seed >> 1)) : mutate(seed % 4 ? RESO_CSDL : RESO_CSDL_JSON, seed)),
    run: (input) => { parseCsdl(dec.decode(input)); },
    isTyped: isODataParseError,
  },
  {
    name: 'odata-payload',
    generate: (seed, size) => (seed % 2 ? enc.encode(pickHostile(hostilePayloads(size), seed >> 1)) : mutate(LOOKUP_ROWS_JSON, seed)),
    run: (input) => {
      const p = createODataPayloadParser({ maxDepth: 64 });
      const step = 1 + (input.length % 97);
      for (let i = 0; i < input.length; i += step) {
        for (const e of p.push(input.subarray(i, i + step))) if (e.kind === 'rows') for (let r = 0; r < e.batch.length; r++) e.batch.get(r, r % Math.max(1, e.batch.columns.length));
      }
      p.end();
    },
    isTyped: isODataParseError,
  },
  {
    name: 'odata-error-body',
    generate: (seed, size) => enc.encode(pickHostile({ ...hostilePayloads(size), ...hostileCsdl(size) }, seed)),
    run: (input) => { readServerError(input); },
    isTyped: () => false,
  },
];
