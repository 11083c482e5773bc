// The Web API's lookups, from the RETS side's lookup tables: each published RETS lookup becomes one
// LookupName (named after the first Data Dictionary field that uses it, as RESO servers name them),
// with LookupValue = the RETS LongValue (what COMPACT-DECODED shows) and an enum member name for
// the EnumType-style service root.
import type { DemoResource } from '../catalog';
import type { LookupDef } from '../lookups';

export interface WebLookupValue {
  /** The RETS code (COMPACT value). */
  code: string;
  /** LookupValue: the RETS LongValue. */
  value: string;
  /** Enum member name (an OData SimpleIdentifier made from the value). */
  member: string;
}

export interface WebLookup {
  /** LookupName and, on the enum root, the EnumType name. */
  name: string;
  values: WebLookupValue[];
  byCode: Map<string, string>;
  memberOf: Map<string, string>;
}

/** An identifier from a display value: letters, digits and _ kept; a leading digit gets a `_`. */
export function memberName(value: string): string {
  let s = '';
  for (const ch of value) if (/[A-Za-z0-9_]/.test(ch)) s += ch;
  if (s === '' || /^[0-9]/.test(s)) s = `_${s}`;
  return s;
}

function webLookup(name: string, def: LookupDef): WebLookup {
  const taken = new Set<string>();
  const values = def.values.map(([code, , long]) => {
    let member = memberName(long);
    for (let n = 2; taken.has(member); n++) member = `${memberName(long)}${n}`;
    taken.add(member);
    return { code, value: long, member };
  });
  return { name, values, byCode: new Map(values.map((v) => [v.code, v.value])), memberOf: new Map(values.map((v) => [v.value, v.member])) };
}

/** Lookups by `resource:RETS lookup name`, for every lookup a Data Dictionary field uses. */
export function buildWebLookups(catalog: readonly DemoResource[]): Map<string, WebLookup> {
  const out = new Map<string, WebLookup>();
  const names = new Set<string>();
  for (const res of catalog) {
    for (const cls of res.classes) {
      for (const f of cls.fields) {
        const key = `${res.id}:${f.lookupName}`;
        if (!f.standardName || !f.lookupName || out.has(key)) continue;
        const def = res.lookups.find((l) => l.name === f.lookupName);
        if (!def) continue;
        const name = names.has(f.standardName) ? `${f.standardName}${res.id}` : f.standardName;
        names.add(name);
        out.set(key, webLookup(name, def));
      }
    }
  }
  return out;
}
