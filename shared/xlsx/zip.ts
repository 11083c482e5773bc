// The zip container of a workbook, read from its central directory. Only what a workbook needs:
// stored and deflated entries, no zip64, no encryption. The file is untrusted: the entry count
// and every size are capped before anything is inflated, and inflating stops as soon as an entry
// gives more bytes than its directory entry declared (a zip bomb), so the work stays in
// proportion to the caps, never to what the compressed stream would expand to.
import { Inflate, inflateSync } from 'fflate';
import { WorkbookError } from './workbookError';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As the directory declares it; checked against what inflating gives. */
  size: number;
  localHeader: number;
}

export interface ZipLimits {
  /** More entries than this is not a workbook (the Data Dictionary's has about twenty). */
  maxEntries: number;
  /** The largest entry that is read. */
  maxEntryBytes: number;
}

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;
/**
 * Compressed bytes pushed to the inflater at a time: one push gives at most ~1032 times this.
 * An entry no larger is inflated in one call into a buffer one byte longer than declared (a
 * stream that fills it gave too much): the decoder's work is still bounded by ~1032 times the
 * slice, and the streaming inflater's fixed cost (a 128 KB window per entry) is spared.
 */
const INFLATE_SLICE = 64 * 1024;

/** True when the bytes begin as a zip file does (a local file header), whatever the file is named. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

const damaged = (what: string) => new WorkbookError(`The workbook's zip structure is damaged (${what}). Save it again from the spreadsheet program, or download it again.`);

/** The end-of-central-directory record: searched backwards over at most the longest comment. */
function endRecord(b: Uint8Array): number {
  const lowest = Math.max(0, b.length - END_SIZE - MAX_COMMENT);
  for (let at = b.length - END_SIZE; at >= lowest; at--) {
    if (b[at] === 0x50 && u32(b, at) === END_SIGNATURE) return at;
  }
  throw damaged('no central directory: the file is cut short or is not a zip');
}

const utf8 = new TextDecoder('utf-8');

/** The entries the central directory lists, checked against the limits (not yet inflated). */
export function zipEntries(b: Uint8Array, limits: ZipLimits): ZipEntry[] {
  if (!isZip(b)) throw new WorkbookError('The file is not an xlsx workbook (it does not start with a zip signature).');
  const end = endRecord(b);
  const count = u16(b, end + 10);
  const dirSize = u32(b, end + 12);
  const dirStart = u32(b, end + 16);
  if (count === 0xffff || dirStart === 0xffffffff) throw new WorkbookError('The workbook is a zip64 archive, which a Data Dictionary workbook never needs: save it again from the spreadsheet program.');
  if (count > limits.maxEntries) throw new WorkbookError(`The zip holds ${count.toLocaleString('en-US')} entries, more than a workbook has (at most ${limits.maxEntries.toLocaleString('en-US')} are read): it is not a Data Dictionary workbook.`);
  if (dirStart + dirSize > end) throw damaged('the central directory lies outside the file');
  const entries: ZipEntry[] = [];
  let at = dirStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(b, at) !== CENTRAL_SIGNATURE) throw damaged(`entry ${i + 1} of the central directory is missing`);
    const flags = u16(b, at + 8);
    const nameLength = u16(b, at + 28);
    const next = at + 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
    if (next > end) throw damaged(`entry ${i + 1} runs past the central directory`);
    const entry: ZipEntry = {
      name: utf8.decode(b.subarray(at + 46, at + 46 + nameLength)),
      method: u16(b, at + 10),
      compressedSize: u32(b, at + 20),
      size: u32(b, at + 24),
      localHeader: u32(b, at + 42),
    };
    if (flags & 1) throw new WorkbookError(`The workbook is encrypted ("${entry.name}"): save it without a password first.`);
    entries.push(entry);
    at = next;
  }
  return entries;
}

const tooLarge = (entry: ZipEntry) => new WorkbookError(`"${entry.name}" inflates to more than the ${entry.size.toLocaleString('en-US')} bytes its zip entry declares (a zip bomb or a damaged file): it is not read.`);

function inflateSmall(data: Uint8Array, entry: ZipEntry): Uint8Array {
  let out: Uint8Array;
  try { out = inflateSync(data, { out: new Uint8Array(entry.size + 1) }); } catch (e) {
    throw damaged(`"${entry.name}" does not inflate: ${(e as Error).message}`);
  }
  if (out.length > entry.size) throw tooLarge(entry);
  return out;
}

function inflate(data: Uint8Array, entry: ZipEntry): Uint8Array {
  if (data.length <= INFLATE_SLICE) return inflateSmall(data, entry);
  const out = new Uint8Array(entry.size);
  let length = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (length + chunk.length > entry.size) throw tooLarge(entry);
    out.set(chunk, length);
    length += chunk.length;
    if (final) finished = true;
  });
  try {
    for (let from = 0; from < data.length && !finished; from += INFLATE_SLICE) {
      const to = Math.min(data.length, from + INFLATE_SLICE);
      inflater.push(data.subarray(from, to), to === data.length);
    }
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw damaged(`"${entry.name}" does not inflate: ${(e as Error).message}`);
  }
  if (!finished) throw damaged(`"${entry.name}" ends before its compressed stream does`);
  return out.subarray(0, length);
}

/** One entry's bytes: at most `limits.maxEntryBytes`, and exactly the size the directory declares. */
export function zipEntryBytes(b: Uint8Array, entry: ZipEntry, limits: ZipLimits): Uint8Array {
  if (entry.size > limits.maxEntryBytes) throw new WorkbookError(`"${entry.name}" in the workbook declares ${entry.size.toLocaleString('en-US')} bytes, more than the ${limits.maxEntryBytes.toLocaleString('en-US')} read from one part: it is not read (a zip bomb, or not a Data Dictionary workbook).`);
  const at = entry.localHeader;
  if (at + 30 > b.length || u32(b, at) !== LOCAL_SIGNATURE) throw damaged(`"${entry.name}" has no local header`);
  const dataStart = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > b.length) throw damaged(`"${entry.name}" runs past the end of the file`);
  const data = b.subarray(dataStart, dataEnd);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw damaged(`"${entry.name}" is stored with ${data.length} bytes, not the ${entry.size} declared`);
    return data;
  }
  if (entry.method === 8) {
    const out = inflate(data, entry);
    if (out.length !== entry.size) throw damaged(`"${entry.name}" inflates to ${out.length.toLocaleString('en-US')} bytes, not the ${entry.size.toLocaleString('en-US')} its zip entry declares`);
    return out;
  }
  throw new WorkbookError(`"${entry.name}" is compressed with method ${entry.method}, which workbooks do not use (only stored and deflated are read): save it again from the spreadsheet program.`);
}
