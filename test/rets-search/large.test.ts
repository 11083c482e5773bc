// A search body far larger than memory should hold (1 GiB), pushed in chunks from a generator:
// the parser must not buffer it (heap and array-buffer memory stay bounded).
import { describe, expect, it } from 'vitest';
import { createSearchParser } from '../../shared/rets/search/index';
import { bytes } from './helpers';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** One block of rows (about 1 MiB) and the 1 GiB stream made of it, cut where rows straddle chunks. */
function* body(totalBytes: number): Generator<Uint8Array> {
  const columns = Array.from({ length: 40 }, (_, i) => `F${i}`);
  yield bytes(`<RETS ReplyCode="0" ReplyText="OK">\n<COUNT Records="0"/>\n<DELIMITER value="09"/>\n<COLUMNS>\t${columns.join('\t')}\t</COLUMNS>\n`);
  const row = (i: number) => `<DATA>\t${columns.map((c, k) => (k === 0 ? String(i) : `${c} value &amp; more ${k}`)).join('\t')}\t</DATA>\n`;
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < MiB; i++) { const l = row(i); lines.push(l); size += l.length; }
  const block = bytes(lines.join(''));
  const cut = 777_777; // inside a row: every block boundary splits one
  for (let sent = 0; sent < totalBytes; sent += block.length) {
    // A fresh copy per block, as a socket delivers fresh buffers (the parser may keep references).
    const copy = block.slice();
    yield copy.subarray(0, cut);
    yield copy.subarray(cut);
  }
  yield bytes('</RETS>\n');
}

describe('a 1 GiB search body', () => {
  it('streams through with bounded memory and every row counted', () => {
    const parser = createSearchParser('COMPACT');
    let rows = 0;
    let pushed = 0;
    let peak = 0;
    let lastFirstField = '';
    let n = 0;
    for (const chunk of body(GiB)) {
      pushed += chunk.length;
      for (const e of parser.push(chunk)) {
        if (e.kind === 'rows') { rows += e.batch.length; lastFirstField = e.batch.get(e.batch.length - 1, 0); }
      }
      if (++n % 64 === 0) {
        const m = process.memoryUsage();
        peak = Math.max(peak, m.heapUsed + m.arrayBuffers);
      }
    }
    parser.end();
    expect(pushed).toBeGreaterThan(GiB);
    expect(rows).toBeGreaterThan(1_000_000);
    expect(Number(lastFirstField)).toBeGreaterThan(0);
    // Far below the 1 GiB that went through: nothing is buffered beyond a chunk or two.
    expect(peak).toBeLessThan(300 * MiB);
  }, 120_000);
});
