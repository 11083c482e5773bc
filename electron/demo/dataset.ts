// The demo MLS's rows in compact form: a few typed arrays per listing (the values that must agree
// with each other: class, status, price, dates, size, agent, photo count), everything else derived
// on demand by hashing (seed, row, field). 200,000 listings take a few megabytes.
import { hash3, intIn, unit, weighted } from './rng';

/** Day 0 of the demo's calendar; dates are fixed so the same seed always gives the same rows. */
export const BASE_MS = Date.UTC(2024, 0, 1);
export const LAST_DAY = 1060; // 2026-11-26

export const PROPERTY_CLASSES = ['RES', 'CND', 'LND', 'COM', 'RNT'] as const;
export type PropertyClass = (typeof PROPERTY_CLASSES)[number];
const CLASS_WEIGHTS = [55, 18, 8, 7, 12];

/** Index into the STATUS lookup: A, AC, P, S, X, W, T, C. */
const STATUS_WEIGHTS_NEW = [70, 8, 12, 2, 1, 3, 2, 2];
const STATUS_WEIGHTS_OLD = [6, 1, 3, 62, 14, 8, 2, 4];

export const KEY_BASE = { listing: 500000, agent: 9000, office: 700, openHouse: 300000, media: 2000000 };

export interface Dataset {
  seed: number;
  listings: number;
  agents: number;
  offices: number;
  cls: Uint8Array;
  status: Uint8Array;
  subtype: Uint8Array;
  price: Uint32Array;
  listDay: Uint16Array;
  /** Seconds since BASE_MS of the last change. */
  modSec: Uint32Array;
  area: Uint8Array;
  beds: Uint8Array;
  baths: Uint8Array;
  halfBaths: Uint8Array;
  sqft: Uint32Array;
  lotSqft: Uint32Array;
  year: Uint16Array;
  agent: Uint32Array;
  coAgent: Int32Array;
  photos: Uint8Array;
  /** Office of each agent. */
  agentOffice: Uint32Array;
  /** Listing rows of each class, ascending. */
  classRows: Record<PropertyClass, Uint32Array>;
  /** Prefix sums: open houses of listing i are ohStart[i] .. ohStart[i+1]-1. */
  ohStart: Uint32Array;
  /** Prefix sums: photos (Media rows) of listing i are mediaStart[i] .. mediaStart[i+1]-1. */
  mediaStart: Uint32Array;
}

const SUBTYPES: Record<PropertyClass, number[]> = { RES: [0, 1, 2], CND: [3, 4, 1], LND: [5, 6, 7], COM: [8, 9, 10, 11], RNT: [12, 13, 3, 1] };

export function createDataset(listings: number, seed: number): Dataset {
  const n = Math.max(0, Math.floor(listings));
  const agents = Math.max(20, Math.ceil(n / 8));
  const offices = Math.max(5, Math.ceil(agents / 12));
  const ds: Dataset = {
    seed, listings: n, agents, offices,
    cls: new Uint8Array(n), status: new Uint8Array(n), subtype: new Uint8Array(n), price: new Uint32Array(n),
    listDay: new Uint16Array(n), modSec: new Uint32Array(n), area: new Uint8Array(n), beds: new Uint8Array(n),
    baths: new Uint8Array(n), halfBaths: new Uint8Array(n), sqft: new Uint32Array(n), lotSqft: new Uint32Array(n),
    year: new Uint16Array(n), agent: new Uint32Array(n), coAgent: new Int32Array(n), photos: new Uint8Array(n),
    agentOffice: new Uint32Array(agents), classRows: {} as Dataset['classRows'],
    ohStart: new Uint32Array(n + 1), mediaStart: new Uint32Array(n + 1),
  };
  for (let a = 0; a < agents; a++) ds.agentOffice[a] = hash3(seed, a, 901) % offices;
  const counts = [0, 0, 0, 0, 0];
  let oh = 0;
  let media = 0;
  for (let i = 0; i < n; i++) {
    const c = weighted(CLASS_WEIGHTS, unit(seed, i, 1));
    counts[c]++;
    fillListing(ds, i, c);
    ds.ohStart[i] = oh;
    ds.mediaStart[i] = media;
    if (ds.status[i] <= 1) oh += hash3(seed, i, 20) % 3;
    media += ds.photos[i];
  }
  ds.ohStart[n] = oh;
  ds.mediaStart[n] = media;
  PROPERTY_CLASSES.forEach((name, c) => { ds.classRows[name] = new Uint32Array(counts[c]); });
  const fill = [0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const c = ds.cls[i];
    ds.classRows[PROPERTY_CLASSES[c]][fill[c]++] = i;
  }
  return ds;
}

function fillListing(ds: Dataset, i: number, c: number): void {
  const s = ds.seed;
  const cls = PROPERTY_CLASSES[c];
  ds.cls[i] = c;
  const day = intIn(s, i, 2, 0, LAST_DAY - 1);
  ds.listDay[i] = day;
  const recent = day > LAST_DAY - 150;
  ds.status[i] = weighted(recent ? STATUS_WEIGHTS_NEW : STATUS_WEIGHTS_OLD, unit(s, i, 3));
  ds.modSec[i] = (day + intIn(s, i, 4, 0, Math.max(0, LAST_DAY - day))) * 86400 + intIn(s, i, 5, 0, 86399);
  const subs = SUBTYPES[cls];
  ds.subtype[i] = subs[hash3(s, i, 6) % subs.length];
  ds.area[i] = hash3(s, i, 7) % 120;
  ds.year[i] = cls === 'LND' ? 0 : intIn(s, i, 8, 1890, 2025);
  const u = unit(s, i, 9);
  let sqft = 0;
  let beds = 0;
  let ppsf = 0;
  if (cls === 'RES') { sqft = 900 + Math.floor(u * u * 4600); beds = 2 + Math.floor(sqft / 900); ppsf = 110 + unit(s, i, 10) * 260; }
  if (cls === 'CND') { sqft = 550 + Math.floor(u * 1900); beds = 1 + Math.floor(sqft / 800); ppsf = 150 + unit(s, i, 10) * 330; }
  if (cls === 'COM') { sqft = 1500 + Math.floor(u * u * 48000); ppsf = 60 + unit(s, i, 10) * 220; }
  if (cls === 'RNT') { sqft = 500 + Math.floor(u * 2500); beds = 1 + Math.floor(sqft / 750); }
  ds.sqft[i] = sqft;
  ds.beds[i] = Math.min(beds, 7);
  ds.baths[i] = sqft ? Math.max(1, Math.min(6, Math.round(beds * 0.7 + unit(s, i, 11)))) : 0;
  ds.halfBaths[i] = sqft ? hash3(s, i, 12) % 3 : 0;
  ds.lotSqft[i] = cls === 'CND' ? 0 : cls === 'LND' ? 4000 + Math.floor(unit(s, i, 13) ** 2 * 2_000_000) : 3000 + Math.floor(unit(s, i, 13) * 30000);
  let price: number;
  if (cls === 'LND') price = 15000 + ds.lotSqft[i] * (0.5 + unit(s, i, 10) * 6);
  else if (cls === 'RNT') price = 700 + sqft * (0.9 + unit(s, i, 10) * 1.6);
  else price = sqft * ppsf;
  const step = cls === 'RNT' ? 25 : 1000;
  ds.price[i] = Math.max(step, Math.round(price / step) * step - (cls === 'RNT' ? 0 : (hash3(s, i, 14) % 2) * 100));
  ds.agent[i] = hash3(s, i, 15) % ds.agents;
  ds.coAgent[i] = hash3(s, i, 16) % 5 === 0 ? hash3(s, i, 17) % ds.agents : -1;
  const p = hash3(s, i, 18) % 100;
  ds.photos[i] = p < 6 ? 0 : 1 + (hash3(s, i, 19) % 25);
}

/** The listing that owns Media row m (binary search over the prefix sums). */
export function ownerOf(starts: Uint32Array, row: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= row) lo = mid; else hi = mid - 1;
  }
  return lo;
}
