// A second naming of the Demo MLS, so "the same listings on another MLS" is testable for real:
// dialect b serves the same data with other Property SystemNames (L_ListPrice -> LM_LIST_PRICE),
// other lookup codes (Status A -> ACT) and other class names (RES -> SF), but the same
// StandardNames, LongValues and visible class names, as two MLSs on the same vendor's feed differ.
// A renaming table applied to the catalogue: metadata, rows and searches all read names from there.
import type { DemoClass, DemoResource } from './catalog';
import type { FieldSpec, Getter } from './fieldSpec';
import type { LookupDef } from './lookups';

export const DEMO_DIALECTS = ['a', 'b'] as const;
export type DemoDialect = (typeof DEMO_DIALECTS)[number];

const CLASS_NAMES: Record<string, string> = { RES: 'SF', CND: 'CO', LND: 'LA', COM: 'CI', RNT: 'RL', ALL: 'AP' };

const CODES: Record<string, Record<string, string>> = {
  STATUS: { A: 'ACT', AC: 'AUC', P: 'PND', S: 'CLS', X: 'EXP', W: 'WDN', T: 'TOM', C: 'CNL' },
  PROPTYPE: { SFD: 'DET', TWN: 'TH', DUP: 'DX', CND: 'CON', COOP: 'CP', LOT: 'RL', FARM: 'FR', ACRE: 'AC', RET: 'RT', OFF: 'OF', IND: 'IN', MXU: 'MU', APT: 'AP', HOUSE: 'HR' },
};

/** Dialect b's SystemName of a Property field: L_ListPrice -> LM_LIST_PRICE, LIST_41 -> LM_41. */
export function dialectSystemName(name: string): string {
  const bare = name.replace(/^[A-Z0-9]+_(?=.)/, '').replace(/_+$/, '');
  return `LM_${bare.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/** Dialect b's code of a lookup value: a table for Status and Property Sub Type, a letter before numeric codes. */
function dialectCode(lookup: string, code: string): string {
  return CODES[lookup]?.[code] ?? (/^\d+$/.test(code) ? `${lookup.charAt(0)}${code}` : code);
}

function renameLookup(l: LookupDef): LookupDef {
  return { ...l, values: l.values.map(([code, short, long]) => [dialectCode(l.name, code), short, long] as const) };
}

/** A field's getter with its codes renamed (one map lookup a cell; several for a multi-value cell). */
function renamedCodes(f: FieldSpec, get: Getter): Getter {
  const table = new Map<string, string>();
  const codeOf = (c: string) => { let v = table.get(c); if (v === undefined) { v = dialectCode(f.lookupName, c); table.set(c, v); } return v; };
  if (f.interpretation === 'LookupMulti') return (row) => { const v = get(row); return v === '' ? '' : v.split(',').map(codeOf).join(','); };
  return (row) => { const v = get(row); return v === '' ? '' : codeOf(v); };
}

function renameProperty(res: DemoResource): DemoResource {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const nameOf = (a: string) => {
    let b = names.get(a);
    if (b === undefined) {
      b = dialectSystemName(a);
      if (taken.has(b)) throw new Error(`demo MLS dialect b: ${a} and another field both become ${b}`);
      taken.add(b);
      names.set(a, b);
    }
    return b;
  };
  const fields = new Map<FieldSpec, FieldSpec>();
  const fieldOf = (f: FieldSpec): FieldSpec => {
    let g = fields.get(f);
    if (!g) {
      g = { ...f, systemName: nameOf(f.systemName), ...(f.lookupName ? { get: renamedCodes(f, f.get) } : {}) };
      fields.set(f, g);
    }
    return g;
  };
  const classes: DemoClass[] = res.classes.map((c) => ({ ...c, name: CLASS_NAMES[c.name] ?? c.name, fields: c.fields.map(fieldOf) }));
  return { ...res, keyField: nameOf(res.keyField), lookups: res.lookups.map(renameLookup), classes };
}

/** The catalogue as the dialect names it ('a': as built). */
export function applyDialect(catalog: DemoResource[], dialect: DemoDialect): DemoResource[] {
  return dialect === 'a' ? catalog : catalog.map((r) => (r.id === 'Property' ? renameProperty(r) : r));
}
