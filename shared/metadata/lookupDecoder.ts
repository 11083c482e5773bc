// Lookup decoding from the metadata: a lookup column's codes become their LongValue (ShortValue
// when there is none), a multi-value cell one code at a time. The grid's "Decoded" view, the row
// details and the decoded CSV export all read through this, so the three always agree.
import type { MetadataResource, RetsMetadata } from '../rets/metadata/model';
import { findClass, findLookup, findResource, isLookupField, isMultiLookupField } from '../rets/metadata/model';
import { nestedDecoders } from './nestedDecoders';

export type Decoder = (value: string) => string;
/** Column name (SystemName, and StandardName where there is one) -> its decoder. */
export type Decoders = ReadonlyMap<string, Decoder>;

const NONE: Decoders = new Map();
/** Decoders per metadata and resource/class, made once: a render or an export asks again for free. */
const made = new WeakMap<RetsMetadata, Map<string, Decoders>>();

export function lookupDecoders(md: RetsMetadata | undefined, resource: string | undefined, cls: string | undefined): Decoders {
  return cached(md, resource, cls, false);
}

/**
 * What the screen shows (the grid's decoded view, the row details): the lookup decoders plus a
 * Web API's nested values read short (expanded Media as "3 photos", a collection joined). Exports
 * keep the nested values whole, so they decode with lookupDecoders.
 */
export function displayDecoders(md: RetsMetadata | undefined, resource: string | undefined, cls: string | undefined): Decoders {
  return cached(md, resource, cls, true);
}

function cached(md: RetsMetadata | undefined, resource: string | undefined, cls: string | undefined, nested: boolean): Decoders {
  if (!md || !resource || !cls) return NONE;
  let byClass = made.get(md);
  if (!byClass) { byClass = new Map(); made.set(md, byClass); }
  const key = `${resource}\n${cls}\n${nested}`;
  let out = byClass.get(key);
  if (!out) { out = build(md, resource, cls, nested); byClass.set(key, out); }
  return out;
}

function build(md: RetsMetadata, resourceId: string, clsName: string, nested: boolean): Decoders {
  const resource = findResource(md, resourceId);
  const cls = resource ? findClass(resource, clsName) : undefined;
  if (!resource || !cls) return NONE;
  const out = new Map<string, Decoder>();
  const byLookup = new Map<string, Map<string, string>>();
  for (const f of cls.fields) {
    if (!isLookupField(f)) continue;
    const values = valuesOf(resource, f.lookupName, byLookup);
    if (!values) continue;
    const one = (v: string) => values.get(v) ?? v;
    const dec: Decoder = isMultiLookupField(f)
      ? (v) => (v === '' ? v : v.split(',').map((x) => one(x.trim())).join(', '))
      : one;
    out.set(f.systemName, dec);
    if (f.standardName) out.set(f.standardName, dec);
  }
  // A collection of lookup values is read by its nested decoder, which decodes each element.
  if (nested) for (const [c, dec] of nestedDecoders(resource, cls)) out.set(c, dec);
  return out;
}

/** A lookup's code -> text table, shared by the fields that use the same lookup. */
function valuesOf(resource: MetadataResource, name: string | undefined, byLookup: Map<string, Map<string, string>>): Map<string, string> | undefined {
  if (!name) return undefined;
  const known = byLookup.get(name);
  if (known) return known;
  const lk = findLookup(resource, name);
  if (!lk) return undefined;
  const values = new Map(lk.values.map((v) => [v.value, v.longValue || v.shortValue || v.value]));
  byLookup.set(name, values);
  return values;
}
