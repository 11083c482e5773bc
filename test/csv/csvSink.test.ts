// The CSV sink on real streams: a file gets exactly the encoder's bytes in chunks, and a disk that
// fails (Linux's /dev/full answers every write with ENOSPC) fails the export's next call instead of
// the process or a wait that never ends.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvSink } from '../../electron/host/csvSink';
import { ArrayRowBatch } from '../../shared/rets/search/rowBatch';
import { collectSearch, createSearchParser } from '../../shared/rets/search/index';
import type { RowBatch } from '../../shared/rets/search/types';

const enc = new TextEncoder();

/** A COMPACT body of `rows` rows with a remark long enough that a few rows fill a chunk. */
function body(rows: number): Uint8Array {
  const lines = ['<RETS ReplyCode="0" ReplyText="OK">', '<DELIMITER value="09"/>', '<COLUMNS>\tID\tRemark\t</COLUMNS>'];
  for (let i = 0; i < rows; i++) lines.push(`<DATA>\t${i}\tsunny &amp; "quiet", caf&#233; ${'x'.repeat(i % 300)}\t</DATA>`);
  lines.push('</RETS>', '');
  return enc.encode(lines.join('\n'));
}

function batches(bytes: Uint8Array): RowBatch[] {
  const p = createSearchParser('COMPACT');
  return [...p.push(bytes), ...p.end()].flatMap((e) => (e.kind === 'rows' ? [e.batch] : []));
}

describe('CSV sink', () => {
  it('writes the header and every row to a file, quoted and decoded, in several chunks', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rw-csvsink-'));
    try {
      const file = path.join(dir, 'out.csv');
      const out = createWriteStream(file);
      await once(out, 'open');
      const sink = new CsvSink(out, { bom: true, guard: false, chunkBytes: 4096 });
      await sink.record(['ID', 'Remark']);
      const bs = batches(body(3000));
      for (const b of bs) await sink.rows(b);
      await sink.end();
      expect(out.closed).toBe(true);
      const text = readFileSync(file, 'utf8');
      const rows = collectSearch(body(3000)).rows;
      const want = `\ufeffID,Remark\r\n${rows.map((r) => `${r[0]},"${r[1].replace(/"/g, '""')}"\r\n`).join('')}`;
      expect(text).toBe(want);
      expect(rows[1][1]).toBe('sunny & "quiet", café x');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the next write or the end with the disk error when the disk is full', async () => {
    const out = createWriteStream('/dev/full');
    await once(out, 'open');
    const sink = new CsvSink(out, { bom: false, guard: false, chunkBytes: 4096 });
    const write = async () => {
      await sink.record(['ID', 'Remark']);
      for (const b of batches(body(2000))) await sink.rows(b);
      await sink.rows(new ArrayRowBatch(['ID'], [['last']]));
      await sink.end();
    };
    await expect(write()).rejects.toMatchObject({ code: 'ENOSPC' });
  });
});
