// The pages the Web API client benchmark serves: 100,000 Property records of about 150 fields
// (strings, numbers, booleans, nulls, timestamps, a collection), Media expanded on every tenth,
// in pages of 1,000 (about 4 MB each), rendered once into Buffers, deterministic. Ten distinct
// blocks of 1,000 rows are rendered and page p serves block p % 10 between its own head and
// nextLink: the client's work is the same, and the server holds 40 MB instead of 400.
export const TOTAL_ROWS = 100_000;
export const PAGE_ROWS = 1_000;

const WORDS = ['Oak', 'Maple', 'River', 'Hill', 'Lake', 'Park', 'Cedar', 'Pine', 'Elm', 'Birch', 'Ridge', 'Valley', 'Spring', 'Meadow'];
const CITIES = ['Springfield', "O'Fallon", 'Riverside', 'Fairview', 'Madison', 'Georgetown', 'Franklin', 'Clinton'];

/** 150 field names: RESO Data Dictionary-like, then numbered extras. */
export const FIELDS: { name: string; kind: 'key' | 'string' | 'int' | 'decimal' | 'bool' | 'date' | 'timestamp' | 'null' | 'collection' | 'remarks' }[] = [
  { name: 'ListingKey', kind: 'key' }, { name: 'ListingId', kind: 'key' }, { name: 'ModificationTimestamp', kind: 'timestamp' },
  { name: 'ListPrice', kind: 'decimal' }, { name: 'City', kind: 'string' }, { name: 'StandardStatus', kind: 'string' },
  { name: 'BedroomsTotal', kind: 'int' }, { name: 'BathroomsTotalInteger', kind: 'int' }, { name: 'PublicRemarks', kind: 'remarks' },
  { name: 'Appliances', kind: 'collection' },
];
const KINDS = ['string', 'int', 'decimal', 'bool', 'date', 'timestamp', 'null', 'string'] as const;
for (let i = FIELDS.length; i < 150; i++) FIELDS.push({ name: `${WORDS[i % WORDS.length]}Field${i}`, kind: KINDS[i % KINDS.length]! });

function value(kind: (typeof FIELDS)[number]['kind'], row: number, col: number): string {
  const h = (row * 2654435761 + col * 40503) >>> 0;
  switch (kind) {
    case 'key': return `"K${row}"`;
    case 'string': return JSON.stringify(col === 4 ? CITIES[h % CITIES.length] : `${WORDS[h % WORDS.length]} ${h % 1000}`);
    case 'int': return String(h % 10);
    case 'decimal': return `${100000 + (h % 900000)}.00`;
    case 'bool': return h % 2 ? 'true' : 'false';
    case 'date': return `"2025-${String(1 + (h % 12)).padStart(2, '0')}-${String(1 + (h % 28)).padStart(2, '0')}"`;
    case 'timestamp': return `"2026-01-${String(1 + (row % 28)).padStart(2, '0')}T${String(row % 24).padStart(2, '0')}:00:00Z"`;
    case 'null': return 'null';
    case 'collection': return JSON.stringify([WORDS[h % WORDS.length], WORDS[(h >> 4) % WORDS.length]]);
    case 'remarks': return JSON.stringify(`Lovely ${WORDS[h % WORDS.length]} home near the ${WORDS[(h >> 3) % WORDS.length]}, "updated" kitchen\nand a large yard.`);
  }
}

function media(row: number): string {
  const items: string[] = [];
  for (let m = 0; m < 6; m++) {
    items.push(`{"MediaKey":"M${row}-${m}","ResourceRecordKey":"K${row}","MediaURL":"https://cdn.example.com/photos/${row}/${m}.jpg","Order":${m + 1},"MediaCategory":"Photo","MimeType":"image/jpeg","ModificationTimestamp":"2026-01-01T00:00:00Z"}`);
  }
  return `[${items.join(',')}]`;
}

function row(r: number): string {
  let s = '{';
  for (let c = 0; c < FIELDS.length; c++) s += `${c ? ',' : ''}"${FIELDS[c]!.name}":${value(FIELDS[c]!.kind, r, c)}`;
  if (r % 10 === 0) s += `,"Media":${media(r)}`;
  return `${s}}`;
}

export const BLOCKS = 10;

/** One block of PAGE_ROWS rows, as the inside of a `value` array. */
export function renderBlock(b: number): Buffer {
  const rows: string[] = [];
  for (let r = b * PAGE_ROWS; r < (b + 1) * PAGE_ROWS; r++) rows.push(row(r));
  return Buffer.from(rows.join(','));
}

/** Page p (0-based) of `pages` as the Buffers to write: head, rows, tail with a relative nextLink. */
export function pageParts(p: number, pages: number, blocks: readonly Buffer[]): Buffer[] {
  const next = p + 1 < pages ? `,"@odata.nextLink":"Property?$skip=${(p + 1) * PAGE_ROWS}"` : '';
  const count = p === 0 ? `,"@odata.count":${pages * PAGE_ROWS}` : '';
  return [Buffer.from(`{"@odata.context":"$metadata#Property"${count},"value":[`), blocks[p % blocks.length]!, Buffer.from(`]${next}}`)];
}
