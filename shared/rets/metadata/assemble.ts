// Builds the shared metadata tree (model.ts) from parsed METADATA-* tables, and merges the
// answers of a drill-down (RESOURCE, then CLASS, then TABLE…) into one model.

import type {
  MetadataClass, MetadataField, MetadataLookup, MetadataResource, MetadataTable, MetadataUpdate, RawRow, RetsMetadata,
} from './model';

/** Reads columns by name, case-insensitively (servers send "Maximumlength", "DbName"…). */
type Pick = (row: RawRow, column: string) => string;

function picker(columns: readonly string[]): Pick {
  const byLower = new Map<string, string>();
  for (const c of columns) if (!byLower.has(c.toLowerCase())) byLower.set(c.toLowerCase(), c);
  const cache = new Map<string, string | undefined>();
  return (row, column) => {
    let actual = cache.get(column);
    if (actual === undefined && !cache.has(column)) {
      actual = column in row ? column : byLower.get(column.toLowerCase());
      cache.set(column, actual);
    }
    return actual === undefined ? '' : (row[actual] ?? '');
  };
}

function attrOf(t: MetadataTable, name: string): string | undefined {
  if (name in t.attributes) return t.attributes[name];
  const lower = name.toLowerCase();
  for (const k in t.attributes) if (k.toLowerCase() === lower) return t.attributes[k];
  return undefined;
}

function stamp(t: MetadataTable): { version?: string; date?: string } {
  const out: { version?: string; date?: string } = {};
  const v = attrOf(t, 'Version');
  const d = attrOf(t, 'Date');
  if (v !== undefined) out.version = v;
  if (d !== undefined) out.date = d;
  return out;
}

function int(s: string): number | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const n = Number.parseInt(t, 10);
  return Number.isFinite(n) ? n : undefined;
}

function flag(s: string): boolean {
  const t = s.trim().toLowerCase();
  return t === '1' || t === 'true' || t === 'y' || t === 'yes';
}

/** Block type with the 1.5 spelling FOREIGNKEYS folded into FOREIGN_KEYS. */
export function canonicalType(type: string): string {
  const t = type.toUpperCase();
  return t === 'METADATA-FOREIGNKEYS' || t === 'METADATA-FOREIGN-KEYS' || t === 'METADATA-FOREIGNKEY' ? 'METADATA-FOREIGN_KEYS' : t;
}

class Builder {
  readonly md: RetsMetadata = { resources: [], tables: [], warnings: [] };
  private resources = new Map<string, MetadataResource>();
  private classes = new Map<string, MetadataClass>();
  private lookups = new Map<string, MetadataLookup>();
  private updates = new Map<string, MetadataUpdate>();

  resource(id: string): MetadataResource {
    let r = this.resources.get(id);
    if (!r) {
      r = { id, standardName: '', visibleName: '', description: '', keyField: '', classes: [], lookups: [], objects: [], searchHelps: [], editMasks: [], raw: {} };
      this.resources.set(id, r);
      this.md.resources.push(r);
    }
    return r;
  }

  klass(resId: string, name: string): MetadataClass {
    const key = `${resId}\u0000${name}`;
    let c = this.classes.get(key);
    if (!c) {
      c = { name, standardName: '', visibleName: '', description: '', fields: [], updates: [], raw: {} };
      this.classes.set(key, c);
      this.resource(resId).classes.push(c);
    }
    return c;
  }

  lookup(resId: string, name: string): MetadataLookup {
    const key = `${resId}\u0000${name}`;
    let l = this.lookups.get(key);
    if (!l) {
      l = { name, visibleName: '', values: [], raw: {} };
      this.lookups.set(key, l);
      this.resource(resId).lookups.push(l);
    }
    return l;
  }

  update(resId: string, cls: string, name: string): MetadataUpdate {
    const key = `${resId}\u0000${cls}\u0000${name}`;
    let u = this.updates.get(key);
    if (!u) {
      u = { name, description: '', keyField: '', types: [], raw: {} };
      this.updates.set(key, u);
      this.klass(resId, cls).updates.push(u);
    }
    return u;
  }

  /** The Resource attribute of a block, with a warning when a server left it out. */
  resourceAttr(t: MetadataTable): string {
    const r = attrOf(t, 'Resource');
    if (r === undefined) this.md.warnings.push(`${t.type} has no Resource attribute; its rows were filed under resource "".`);
    return r ?? '';
  }

  add(t: MetadataTable): void {
    const type = canonicalType(t.type);
    const table = type === t.type ? t : { ...t, type };
    this.md.tables.push(table);
    const get = picker(table.columns);
    switch (type) {
      case 'METADATA-SYSTEM': return this.system(table, get);
      case 'METADATA-RESOURCE': return this.resourceRows(table, get);
      case 'METADATA-CLASS': return this.classRows(table, get);
      case 'METADATA-TABLE': return this.fieldRows(table, get);
      case 'METADATA-LOOKUP': return this.lookupRows(table, get);
      case 'METADATA-LOOKUP_TYPE': return this.lookupTypeRows(table, get);
      case 'METADATA-OBJECT': return this.objectRows(table, get);
      case 'METADATA-SEARCH_HELP': {
        const r = this.resource(this.resourceAttr(table));
        r.searchHelps = table.rows.map((raw) => ({ id: get(raw, 'SearchHelpID'), value: get(raw, 'Value'), raw }));
        return;
      }
      case 'METADATA-EDITMASK': {
        const r = this.resource(this.resourceAttr(table));
        r.editMasks = table.rows.map((raw) => ({ id: get(raw, 'EditMaskID'), value: get(raw, 'Value'), raw }));
        return;
      }
      case 'METADATA-UPDATE': return this.updateRows(table, get);
      case 'METADATA-UPDATE_TYPE': {
        const u = this.update(this.resourceAttr(table), attrOf(table, 'Class') ?? '', attrOf(table, 'Update') ?? '');
        u.types = table.rows.map((raw) => ({ systemName: get(raw, 'SystemName'), raw }));
        return;
      }
      default: return; // kept in tables only (FOREIGN_KEYS, VALIDATION_*, FILTER, vendor types…)
    }
  }

  private system(t: MetadataTable, get: Pick): void {
    const raw = t.rows[0] ?? {};
    const comments = get(raw, 'Comments');
    this.md.system = {
      ...stamp(t),
      systemId: get(raw, 'SystemID'),
      description: get(raw, 'SystemDescription') || get(raw, 'Description'),
      ...(get(raw, 'TimeZoneOffset') ? { timeZoneOffset: get(raw, 'TimeZoneOffset') } : {}),
      ...(comments ? { comments } : {}),
      raw,
    };
  }

  private resourceRows(t: MetadataTable, get: Pick): void {
    for (const raw of t.rows) {
      const r = this.resource(get(raw, 'ResourceID'));
      Object.assign(r, stamp(t), {
        standardName: get(raw, 'StandardName').trim(), visibleName: get(raw, 'VisibleName'),
        description: get(raw, 'Description'), keyField: get(raw, 'KeyField'), raw,
      });
    }
  }

  private classRows(t: MetadataTable, get: Pick): void {
    const resId = this.resourceAttr(t);
    for (const raw of t.rows) {
      const c = this.klass(resId, get(raw, 'ClassName'));
      Object.assign(c, stamp(t), {
        standardName: get(raw, 'StandardName').trim(), visibleName: get(raw, 'VisibleName'), description: get(raw, 'Description'), raw,
      });
    }
  }

  private fieldRows(t: MetadataTable, get: Pick): void {
    const resId = this.resourceAttr(t);
    const cls = attrOf(t, 'Class');
    if (cls === undefined) this.md.warnings.push(`METADATA-TABLE of resource "${resId}" has no Class attribute; its fields were filed under class "".`);
    const c = this.klass(resId, cls ?? '');
    c.table = stamp(t);
    c.fields = t.rows.map((raw) => field(raw, get));
  }

  private lookupRows(t: MetadataTable, get: Pick): void {
    const resId = this.resourceAttr(t);
    for (const raw of t.rows) {
      const l = this.lookup(resId, get(raw, 'LookupName'));
      const version = get(raw, 'LookupTypeVersion') || get(raw, 'Version');
      const date = get(raw, 'LookupTypeDate') || get(raw, 'Date');
      Object.assign(l, { visibleName: get(raw, 'VisibleName'), raw }, version ? { version } : {}, date ? { date } : {});
    }
  }

  private lookupTypeRows(t: MetadataTable, get: Pick): void {
    const name = attrOf(t, 'Lookup');
    if (name === undefined) this.md.warnings.push('METADATA-LOOKUP_TYPE has no Lookup attribute; its values were filed under lookup "".');
    const l = this.lookup(this.resourceAttr(t), name ?? '');
    l.values = t.rows.map((raw) => ({ value: get(raw, 'Value'), shortValue: get(raw, 'ShortValue'), longValue: get(raw, 'LongValue'), raw }));
    if (!l.version && attrOf(t, 'Version')) l.version = attrOf(t, 'Version');
    if (!l.date && attrOf(t, 'Date')) l.date = attrOf(t, 'Date');
  }

  private objectRows(t: MetadataTable, get: Pick): void {
    const r = this.resource(this.resourceAttr(t));
    r.objects = t.rows.map((raw) => ({
      objectType: get(raw, 'ObjectType'), mimeType: get(raw, 'MIMEType') || get(raw, 'MimeType'),
      visibleName: get(raw, 'VisibleName'), description: get(raw, 'Description'), raw,
    }));
  }

  private updateRows(t: MetadataTable, get: Pick): void {
    const resId = this.resourceAttr(t);
    const cls = attrOf(t, 'Class') ?? '';
    for (const raw of t.rows) {
      const u = this.update(resId, cls, get(raw, 'UpdateName'));
      Object.assign(u, stamp(t), { description: get(raw, 'Description'), keyField: get(raw, 'KeyField'), raw });
    }
  }
}

function field(raw: RawRow, get: Pick): MetadataField {
  const interpretation = get(raw, 'Interpretation').trim();
  const f: MetadataField = {
    systemName: get(raw, 'SystemName').trim(),
    standardName: get(raw, 'StandardName').trim(),
    longName: get(raw, 'LongName').trim(),
    dbName: get(raw, 'DBName').trim(),
    shortName: get(raw, 'ShortName').trim(),
    dataType: get(raw, 'DataType').trim(),
    interpretation,
    lookupName: interpretation.startsWith('Lookup') ? get(raw, 'LookupName').trim() : '',
    searchable: flag(get(raw, 'Searchable')),
    units: get(raw, 'Units').trim(),
    required: (int(get(raw, 'Required')) ?? 0) !== 0,
    editMaskId: get(raw, 'EditMaskID').trim(),
    searchHelpId: get(raw, 'SearchHelpID').trim(),
    raw,
  };
  const maximumLength = int(get(raw, 'MaximumLength'));
  const precision = int(get(raw, 'Precision'));
  const maxSelect = int(get(raw, 'MaxSelect'));
  if (maximumLength !== undefined) f.maximumLength = maximumLength;
  if (precision !== undefined) f.precision = precision;
  if (maxSelect !== undefined) f.maxSelect = maxSelect;
  return f;
}

/** The tree of model.ts from parsed tables; later tables for the same item replace earlier ones. */
export function assembleMetadata(tables: readonly MetadataTable[], warnings: readonly string[] = []): RetsMetadata {
  const b = new Builder();
  b.md.warnings.push(...warnings);
  for (const t of tables) b.add(t);
  return b.md;
}

/** The attributes that say which item a block describes (Resource, Class, Lookup, Update). */
function blockKey(t: MetadataTable): string {
  const parts = ['Resource', 'Class', 'Lookup', 'Update'].map((n) => attrOf(t, n) ?? '');
  return `${canonicalType(t.type)}\u0000${parts.join('\u0000')}`;
}

/**
 * One model from two: `b`'s rows replace `a`'s rows for the same item (a fresh TABLE for a
 * class replaces its fields, a RESOURCE row its resource's columns), everything else is kept. Use it to combine the answers of a
 * drill-down: RESOURCE, then CLASS for a resource, then TABLE for a class…
 */
export function mergeMetadata(a: RetsMetadata, b: RetsMetadata): RetsMetadata {
  // A block of b replaces a's block for the same item when it is at least as complete: a
  // RESOURCE answer for ID=Property must not drop the other resources of an earlier ID=0.
  const newer = new Map<string, number>();
  for (const t of b.tables) newer.set(blockKey(t), Math.max(newer.get(blockKey(t)) ?? 0, t.rows.length));
  const kept = a.tables.filter((t) => {
    const n = newer.get(blockKey(t));
    return n === undefined || n < t.rows.length;
  });
  const tables = [...kept, ...b.tables];
  const warnings = [...new Set([...a.warnings, ...b.warnings])];
  const md = assembleMetadata(tables);
  md.warnings = [...new Set([...warnings, ...md.warnings])];
  return md;
}
