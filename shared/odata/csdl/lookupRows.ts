// String lookups (the RESO "Lookup resource" style): the values of a field annotated with
// RESO.OData.Metadata.LookupName come from rows of the Lookup entity set (LookupKey, LookupName,
// LookupValue, StandardLookupValue, LegacyODataValue, ModificationTimestamp), read like any
// payload. These rows become the neutral model's lookups, one per LookupName.

import type { MetadataLookup, MetadataLookupValue, RawRow } from '../../rets/metadata/model';
import type { RowBatch } from '../../rets/search/types';

export type LookupRow = Record<string, unknown>;

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

function rowsOf(source: Iterable<LookupRow> | readonly RowBatch[]): Iterable<LookupRow> {
  const arr = source as readonly unknown[];
  if (Array.isArray(arr) && arr.length > 0 && typeof (arr[0] as RowBatch).toObjects === 'function') {
    return (arr as readonly RowBatch[]).flatMap((b) => b.toObjects());
  }
  return source as Iterable<LookupRow>;
}

/** Lookups by LookupName from Lookup resource rows (objects, or the payload parser's batches), in first-seen order. */
export function lookupsFromRows(source: Iterable<LookupRow> | readonly RowBatch[]): Map<string, MetadataLookup> {
  const out = new Map<string, MetadataLookup>();
  for (const row of rowsOf(source)) {
    const name = text(row.LookupName);
    if (!name) continue;
    let lookup = out.get(name);
    if (!lookup) {
      lookup = { name, visibleName: name, values: [], raw: { LookupName: name } };
      out.set(name, lookup);
    }
    const raw: RawRow = {};
    for (const k of Object.keys(row)) raw[k] = text(row[k]);
    const value = text(row.LookupValue);
    const v: MetadataLookupValue = {
      value, longValue: value, shortValue: text(row.StandardLookupValue), raw,
      odata: {
        memberValue: row.LookupKey === undefined ? undefined : text(row.LookupKey),
        standardLookupValue: row.StandardLookupValue === undefined ? undefined : text(row.StandardLookupValue),
        legacyODataValue: row.LegacyODataValue === undefined ? undefined : text(row.LegacyODataValue),
      },
    };
    lookup.values.push(v);
  }
  return out;
}
