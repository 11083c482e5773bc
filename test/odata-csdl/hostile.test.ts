import { describe, expect, it } from 'vitest';
import { parseCsdl } from '../../shared/odata/csdl/index';
import { createODataPayloadParser } from '../../shared/odata/payload/index';
import { readServerError } from '../../shared/odata/errors';
import { isODataParseError } from '../../shared/odata/parseError';
import { hostileCsdl, hostilePayloads, odataFuzzTargets } from './hostile';

const MB = 1 << 20;
const enc = new TextEncoder();

/** Run fn: it must finish, or throw an ODataParseError (returned as its kind). */
function typedOutcome(fn: () => void): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (!isODataParseError(e)) throw e;
    return e.kind;
  }
}

describe('hostile $metadata', () => {
  const expected: Record<string, string> = {
    deepElements: 'too-deep', deepAnnotation: 'too-deep', unclosedElements: 'too-deep', unterminatedComment: 'truncated',
    unterminatedAttribute: 'truncated', longAttribute: 'ok', manyAttributes: 'ok', hugeNumbers: 'ok', manyLt: 'truncated', entities: 'ok', entityExpansion: 'ok',
    jsonDeep: 'too-deep', jsonDeepClosed: 'too-deep',
  };
  const docs = hostileCsdl(MB);
  for (const [name, text] of Object.entries(docs)) {
    it(`${name} (1 MB): ${expected[name]}, in steps linear in the size`, () => {
      const stats = { steps: 0 };
      expect(typedOutcome(() => parseCsdl(text, { stats }))).toBe(expected[name]);
      expect(stats.steps).toBeLessThanOrEqual(text.length);
    });
  }

  it('does not expand entities declared in a DOCTYPE', () => {
    const name = parseCsdl(docs.entityExpansion!).schemas[0]!.entityTypes[0]!.name;
    expect(name.startsWith('&lol2;x')).toBe(true);
  });

  it('warns about facets that are not numbers instead of failing', () => {
    const doc = parseCsdl(docs.hugeNumbers!);
    expect(doc.warnings.join(' ')).toMatch(/MaxLength .* not a whole number/);
    expect(doc.schemas[0]!.entityTypes[0]!.properties[0]!.maxLength).toBeUndefined();
  });
});

describe('hostile OData payloads', () => {
  const expected: Record<string, string> = {
    deepArrays: 'too-deep', topArray: 'syntax', deepInValue: 'too-deep', deepInValueClosed: 'too-deep', deepObjects: 'too-deep', longString: 'ok',
    unterminatedString: 'truncated', escapes: 'ok', hugeCount: 'ok', hugeCountString: 'ok', manyColumns: 'too-large',
    newColumnEachRow: 'too-large', manyRows: 'ok', garbage: 'syntax', numbers: 'ok',
  };
  const bodies = hostilePayloads(MB);
  for (const [name, text] of Object.entries(bodies)) {
    it(`${name} (1 MB, in 4 KB and 97-byte chunks): ${expected[name]}, copying bytes linear in the size`, () => {
      const bytes = enc.encode(text);
      for (const step of [4096, 97]) {
        const p = createODataPayloadParser();
        let cells = 0;
        const outcome = typedOutcome(() => {
          for (let i = 0; i < bytes.length; i += step) {
            for (const e of p.push(bytes.subarray(i, i + step))) {
              // Read as the grid does: a few cells of each row (a sparse row must not cost the full width).
              if (e.kind === 'rows') for (let r = 0; r < e.batch.length; r++) cells += e.batch.get(r, 0).length + e.batch.kind(r, e.batch.columns.length - 1).length;
            }
          }
          p.end();
        });
        expect(outcome).toBe(expected[name]);
        // Every byte is copied into the buffer once, into a batch once, and moved O(1) times on average.
        expect(p.bytesCopied).toBeLessThanOrEqual(6 * bytes.length + 65536);
        expect(cells).toBeGreaterThanOrEqual(0);
      }
    });
  }

  it('decodes a hostile mix of escapes without throwing, lone surrogates and bad escapes as they come', () => {
    const p = createODataPayloadParser();
    const ev = [...p.push(enc.encode('{"value":[{"a":"\\ud83c\\udfe0|\\ud800|\\uZZZZ|\\q|\\u12"}]}')), ...p.end()];
    const batch = ev.find((e) => e.kind === 'rows');
    expect(batch && batch.kind === 'rows' ? batch.batch.get(0, 0) : '').toBe('🏠|\ud800|\uFFFDZZZZ|\uFFFD|\uFFFD12');
  });

  it('refuses a row larger than the cap with a typed error', () => {
    const p = createODataPayloadParser({ maxRowBytes: 1000 });
    expect(() => p.push(enc.encode(`{"value":[{"a":"${'x'.repeat(5000)}`))).toThrow(expect.objectContaining({ kind: 'too-large' }));
  });

  it('refuses more distinct properties than the cap with a typed error', () => {
    const p = createODataPayloadParser({ maxColumns: 10 });
    expect(() => p.push(enc.encode(bodies.manyColumns!))).toThrow(expect.objectContaining({ kind: 'too-large' }));
  });
});

describe('hostile error bodies', () => {
  for (const [name, text] of Object.entries({ ...hostilePayloads(MB), ...hostileCsdl(MB) })) {
    it(`${name}: read without throwing, message capped`, () => {
      const s = readServerError(enc.encode(text));
      expect((s.message ?? '').length).toBeLessThanOrEqual(500);
    });
  }
});

describe('mutated and hostile inputs through the fuzz targets', () => {
  for (const t of odataFuzzTargets) {
    it(`${t.name}: 300 inputs, only typed errors`, () => {
      let typed = 0;
      for (let seed = 0; seed < 300; seed++) {
        const input = t.generate(seed, 4096);
        try { t.run(input); } catch (e) {
          if (!t.isTyped(e)) throw new Error(`${t.name} seed ${seed}: untyped ${String(e)}`);
          typed++;
        }
      }
      expect(typed).toBeLessThan(300);
    });
  }
});
