// A demo field: its metadata columns plus the function that produces its value for a row.
import { BASE_MS } from './dataset';
import type { LookupDef } from './lookups';
import * as m_rng from './rng';
// Imported bindings copied once: tsx turns each use of an import into a getter call, which cost
// about a quarter of a search's time when made for every cell.
const { hash3 } = m_rng;

export type Getter = (row: number) => string;

export interface FieldSpec {
  systemName: string;
  standardName: string;
  longName: string;
  shortName: string;
  dataType: string;
  interpretation: string;
  lookupName: string;
  maximumLength: number;
  precision: string;
  units: string;
  searchable: boolean;
  required: boolean;
  editMaskId: string;
  searchHelpId: string;
  maxSelect: string;
  alignment: string;
  useSeparator: boolean;
  /** The value as a COMPACT cell (lookup codes, ISO dates). */
  get: Getter;
}

export type FieldOptions = Partial<Omit<FieldSpec, 'systemName' | 'standardName' | 'longName' | 'dataType' | 'get'>>;

export function field(systemName: string, standardName: string, longName: string, dataType: string, get: Getter, opts: FieldOptions = {}): FieldSpec {
  const numeric = ['Int', 'Small', 'Tiny', 'Long', 'Decimal'].includes(dataType);
  return {
    systemName, standardName, longName, dataType, get,
    shortName: opts.shortName ?? longName.slice(0, 12),
    interpretation: opts.interpretation ?? (numeric ? 'Number' : ''),
    lookupName: opts.lookupName ?? '',
    maximumLength: opts.maximumLength ?? defaultLength(dataType),
    precision: opts.precision ?? (dataType === 'Decimal' ? '2' : ''),
    units: opts.units ?? '',
    searchable: opts.searchable ?? true,
    required: opts.required ?? false,
    editMaskId: opts.editMaskId ?? '',
    searchHelpId: opts.searchHelpId ?? '',
    maxSelect: opts.maxSelect ?? '',
    alignment: opts.alignment ?? (numeric ? 'Right' : 'Left'),
    useSeparator: opts.useSeparator ?? false,
  };
}

function defaultLength(dataType: string): number {
  switch (dataType) {
    case 'Boolean': return 1;
    case 'Date': return 10;
    case 'DateTime': return 19;
    case 'Time': return 8;
    case 'Tiny': return 3;
    case 'Small': return 5;
    case 'Int': return 10;
    case 'Long': return 19;
    case 'Decimal': return 12;
    default: return 50;
  }
}

// ---- value helpers -------------------------------------------------------------------------

const dayCache: string[] = [];
/** Day number since BASE_MS → YYYY-MM-DD (cached: there are only a few thousand days). */
export function isoDay(day: number): string {
  let s = dayCache[day];
  if (s === undefined) {
    s = new Date(BASE_MS + day * 86400000).toISOString().slice(0, 10);
    dayCache[day] = s;
  }
  return s;
}

const two = Array.from({ length: 60 }, (_, i) => (i < 10 ? '0' : '') + i);
/** Seconds since BASE_MS → YYYY-MM-DDThh:mm:ss. */
export function isoSec(sec: number): string {
  const day = Math.floor(sec / 86400);
  let r = sec - day * 86400;
  const h = Math.floor(r / 3600);
  r -= h * 3600;
  const m = Math.floor(r / 60);
  return `${isoDay(day)}T${two[h]}:${two[m]}:${two[r - m * 60]}`;
}

/** A date cell from a day number per row (< 0: empty). */
export function dayCell(day: (row: number) => number): Getter {
  return (row) => {
    const d = day(row);
    return d < 0 ? '' : isoDay(d);
  };
}

/** A timestamp cell from seconds since BASE_MS per row (< 0: empty). */
export function secCell(sec: (row: number) => number): Getter {
  return (row) => {
    const t = sec(row);
    return t < 0 ? '' : isoSec(t);
  };
}

/** A whole number >= 0 per row (a value < 0: empty). */
export function uintCell(value: (row: number) => number): Getter {
  return (row) => {
    const v = value(row);
    return v < 0 ? '' : String(v);
  };
}

/** One of a fixed list of texts per row (an index < 0: empty). */
export function fromTable(texts: readonly string[], index: (row: number) => number): Getter {
  return (row) => {
    const k = index(row);
    return k < 0 ? '' : texts[k];
  };
}

/** A lookup code chosen by hash; `empty` is the share of rows left blank (0..1). */
export function lookupPick(seed: number, slot: number, def: LookupDef, empty = 0): Getter {
  const codes = def.values.map((v) => v[0]);
  const cut = Math.floor(empty * 1000);
  // Most fields are never blank: skip the second hash for them.
  if (cut === 0) return fromList(seed, slot, codes);
  return fromTable(codes, (row) => (hash3(seed, row, slot + 7777) % 1000 < cut ? -1 : hash3(seed, row, slot) % codes.length));
}

/** A comma-joined set of lookup codes (0..max of them), in lookup order as vendors send them.
 * Precomputed as 1024 combinations per field so serving a row costs one hash. */
export function lookupMulti(seed: number, slot: number, def: LookupDef, max: number): Getter {
  const codes = def.values.map((v) => v[0]);
  const combos: string[] = [];
  for (let c = 0; c < 1024; c++) {
    const h = hash3(seed, c, slot + 31337);
    const k = h % (max + 1);
    const start = (h >>> 8) % codes.length;
    const stride = 1 + ((h >>> 16) % 3);
    const picked = new Set<number>();
    for (let j = 0; j < k; j++) picked.add((start + j * stride) % codes.length);
    combos.push([...picked].sort((a, b) => a - b).map((p) => codes[p]).join(','));
  }
  return fromList(seed, slot, combos);
}

export function intRange(seed: number, slot: number, min: number, max: number, empty = 0): Getter {
  const cut = Math.floor(empty * 1000);
  const span = max - min + 1;
  if (cut === 0) return (row) => String(min + (hash3(seed, row, slot) % span));
  return uintCell((row) => (hash3(seed, row, slot + 7777) % 1000 < cut ? -1 : min + (hash3(seed, row, slot) % span)));
}

export function decRange(seed: number, slot: number, min: number, max: number, digits = 2): Getter {
  return (row) => (min + (hash3(seed, row, slot) / 4294967296) * (max - min)).toFixed(digits);
}

export function yesNo(seed: number, slot: number, yesShare = 0.3): Getter {
  const cut = Math.floor(yesShare * 1000);
  return (row) => (hash3(seed, row, slot) % 1000 < cut ? '1' : '0');
}

export function fromList(seed: number, slot: number, list: readonly string[]): Getter {
  return (row) => list[hash3(seed, row, slot) % list.length];
}

export function phone(seed: number, slot: number): Getter {
  return (row) => {
    const h = hash3(seed, row, slot);
    return `(${630 + (h % 5) * 78}) ${200 + ((h >>> 4) % 800)}-${String(1000 + ((h >>> 12) % 9000))}`;
  };
}
