// $metadata parsing on a CSDL the size of the RESO Data Dictionary 2.0 reference: 1,700 fields
// and 4,000 enum lookup values (issue 15's anchor: under 300 ms), parsed and mapped onto the
// neutral metadata model. Run by `npm run bench` (own process); prints cold and median CPU times.
// Also the OData payload reader against eager strings and JSON.parse (see payloadBench).
import { csdlToMetadata, parseCsdl } from '../../shared/odata/csdl/index';
import { createODataPayloadParser } from '../../shared/odata/payload/index';
import { bigCsdl } from '../odata-csdl/fixtures';

const GOAL_MS = 300;

// CPU time of this process (not wall time): on a shared 2-core machine wall time measures the neighbours.
function cpuMs(): number { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }

function once(text: string): { parse: number; map: number } {
  const t0 = cpuMs();
  const doc = parseCsdl(text);
  const t1 = cpuMs();
  const md = csdlToMetadata(doc);
  const t2 = cpuMs();
  const fields = md.resources.reduce((n, r) => n + r.classes[0]!.fields.length, 0);
  if (fields !== 1700) throw new Error(`expected 1700 fields, got ${fields}`);
  return { parse: t1 - t0, map: t2 - t1 };
}

function report(name: string, text: string): void {
  const cold = once(text);
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) { const r = once(text); runs.push(r.parse + r.map); }
  runs.sort((a, b) => a - b);
  const median = runs[3]!;
  const coldTotal = cold.parse + cold.map;
  console.log(`${name.padEnd(32)} ${(text.length / 1e6).toFixed(2)} MB  cold ${coldTotal.toFixed(1).padStart(6)} ms (parse ${cold.parse.toFixed(1)}, map ${cold.map.toFixed(1)})  median ${median.toFixed(1).padStart(6)} ms  goal < ${GOAL_MS} ms: ${coldTotal < GOAL_MS ? 'met' : 'MISSED'} (cold ${(coldTotal / GOAL_MS).toFixed(2)}x of goal)`);
}

console.log('CSDL $metadata: parse + map onto the metadata model (CPU ms; cold = first run in a fresh process)');
report('1,700 fields, 4,000 enum values', bigCsdl(1700, 4000, 'enum'));
report('1,700 fields, string lookups', bigCsdl(1700, 4000, 'lookup-resource'));

// The payload reader of the same issue, on a RESO-like page (1,000 rows x 150 fields, Media on a
// tenth): the lazy batch (offsets; strings made only when read) against strings made for every
// field as rows arrive, and against JSON.parse of the page. This comparison chose the lazy form.
function pageText(rows: number): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const o: Record<string, unknown> = {};
    for (let f = 0; f < 150; f++) o[`Field${f}`] = f % 5 === 0 ? r * f + 0.5 : f % 7 === 0 ? null : f % 11 === 0 ? true : `Value ${r} ${f} text`;
    if (r % 10 === 0) o.Media = [{ MediaURL: `https://m/${r}/1.jpg`, Order: 1 }, { MediaURL: `https://m/${r}/2.jpg`, Order: 2 }];
    out.push(JSON.stringify(o));
  }
  return `{"@odata.context":"x","value":[${out.join(',')}],"@odata.nextLink":"n"}`;
}

function cpuOf(f: () => void): number { const t = cpuMs(); f(); return cpuMs() - t; }

function payloadBench(): void {
  const bytes = new TextEncoder().encode(pageText(1000));
  const read = (mode: 'parse' | 'readAll' | 'keepStrings'): void => {
    const p = createODataPayloadParser();
    const kept: string[][] = [];
    for (let i = 0; i < bytes.length; i += 65536) {
      for (const e of p.push(bytes.subarray(i, i + 65536))) {
        if (e.kind !== 'rows' || mode === 'parse') continue;
        for (let r = 0; r < e.batch.length; r++) { const row = e.batch.row(r); if (mode === 'keepStrings') kept.push(row); }
      }
    }
    p.end();
  };
  const naive = (): void => {
    const o = JSON.parse(new TextDecoder().decode(bytes)) as { value: Record<string, unknown>[] };
    for (const row of o.value) for (const k of Object.keys(row)) { const v = row[k]; void (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)); }
  };
  const cases: [string, () => void][] = [
    ['lazy batches, parse only', () => read('parse')],
    ['lazy batches, every cell read', () => read('readAll')],
    ['every cell a string, kept', () => read('keepStrings')],
    ['JSON.parse + every cell', naive],
  ];
  console.log(`\nOData payload page: ${(bytes.length / 1e6).toFixed(1)} MB, 1,000 rows x 150 fields (median CPU ms of 7)`);
  for (const [name, f] of cases) {
    f();
    const runs = Array.from({ length: 7 }, () => cpuOf(f)).sort((a, b) => a - b);
    console.log(`${name.padEnd(32)} ${runs[3]!.toFixed(1).padStart(7)} ms  ${(bytes.length / 1e6 / (runs[3]! / 1000)).toFixed(0).padStart(5)} MB/s`);
  }
}
payloadBench();
