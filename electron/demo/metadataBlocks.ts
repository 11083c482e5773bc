// GetMetadata's Type + ID → the list of metadata blocks to send (RETS 1.7.2 §11: `0` = all items
// at that level, `*` = those and everything below). Both writers (COMPACT, STANDARD-XML) print blocks.
import type { MetadataResource, RetsMetadata } from '../../shared/rets/metadata/model';
import { type RetsVersion, columnsFor } from './metadataColumns';
import { METADATA_DATE, METADATA_VERSION } from './metadataModel';

export interface MetadataBlock {
  type: string;
  attributes: Record<string, string>;
  columns: string[];
  rows: Record<string, string>[];
}

export class MetadataRequestError extends Error {
  constructor(readonly replyCode: number, message: string) { super(message); }
}

const TYPES = ['SYSTEM', 'RESOURCE', 'CLASS', 'TABLE', 'LOOKUP', 'LOOKUP_TYPE', 'OBJECT', 'SEARCH_HELP', 'EDITMASK', 'FOREIGN_KEYS',
  'FOREIGNKEYS', 'UPDATE', 'UPDATE_TYPE', 'UPDATE_HELP', 'VALIDATION_LOOKUP', 'VALIDATION_LOOKUP_TYPE', 'VALIDATION_EXTERNAL',
  'VALIDATION_EXTERNAL_TYPE', 'VALIDATION_EXPRESSION'];

export function metadataBlocks(md: RetsMetadata, typeArg: string, idArg: string, version: RetsVersion): MetadataBlock[] {
  const upper = typeArg.toUpperCase();
  if (!upper.startsWith('METADATA-')) throw new MetadataRequestError(20501, `Invalid Type "${typeArg}": metadata types start with METADATA-, e.g. METADATA-TABLE.`);
  const type = upper.slice('METADATA-'.length);
  if (!TYPES.includes(type)) throw new MetadataRequestError(20501, `Invalid Type "${typeArg}": this server does not know that metadata type.`);
  const parts = (idArg || '0').split(':');
  const last = parts[parts.length - 1];
  const recursive = last === '*';
  const b = new BlockBuilder(md, version);

  switch (type) {
    case 'SYSTEM':
      if (parts.length !== 1 || (last !== '0' && last !== '*')) throw bad(idArg);
      b.system();
      if (recursive) { b.resources(); for (const r of md.resources) b.resourceTree(r); b.foreignKeys(); }
      break;
    case 'RESOURCE':
      if (parts.length !== 1 || (last !== '0' && last !== '*')) throw bad(idArg);
      b.resources();
      if (recursive) for (const r of md.resources) b.resourceTree(r);
      break;
    case 'CLASS':
      for (const r of resourcesFor(md, parts[0])) { b.classes(r); if (recursive || (parts.length > 1 && parts[1] === '*')) for (const c of r.classes) b.table(r, c.name); }
      break;
    case 'TABLE': {
      const wanted = parts.length > 1 ? parts[1] : '0';
      for (const r of resourcesFor(md, parts[0])) {
        if (wanted === '0' || wanted === '*') { for (const c of r.classes) b.table(r, c.name); continue; }
        if (!r.classes.some((c) => c.name.toLowerCase() === wanted.toLowerCase())) throw new MetadataRequestError(20502, `Invalid Identifier "${idArg}": resource ${r.id} has no class "${wanted}" (classes: ${r.classes.map((c) => c.name).join(', ')}).`);
        b.table(r, wanted);
      }
      break;
    }
    case 'LOOKUP':
      for (const r of resourcesFor(md, parts[0])) { b.lookups(r); if (recursive) for (const l of r.lookups) b.lookupType(r, l.name); }
      break;
    case 'LOOKUP_TYPE': {
      const wanted = parts.length > 1 ? parts[1] : '0';
      for (const r of resourcesFor(md, parts[0])) {
        if (wanted === '0' || wanted === '*') { for (const l of r.lookups) b.lookupType(r, l.name); continue; }
        const l = r.lookups.find((x) => x.name.toLowerCase() === wanted.toLowerCase());
        if (!l) throw new MetadataRequestError(20502, `Invalid Identifier "${idArg}": resource ${r.id} has no lookup "${wanted}".`);
        b.lookupType(r, l.name);
      }
      break;
    }
    case 'OBJECT': for (const r of resourcesFor(md, parts[0])) b.objects(r); break;
    case 'SEARCH_HELP': for (const r of resourcesFor(md, parts[0])) b.searchHelp(r); break;
    case 'EDITMASK': for (const r of resourcesFor(md, parts[0])) b.editMasks(r); break;
    case 'FOREIGN_KEYS': case 'FOREIGNKEYS': b.foreignKeys(); break;
    default:
      resourcesFor(md, parts[0]);
  }
  const blocks = b.blocks.filter((x) => x.type === 'METADATA-SYSTEM' || x.rows.length > 0 || x.type === 'METADATA-RESOURCE');
  if (blocks.length === 0) throw new MetadataRequestError(20503, `No Metadata Found: there is no ${type} metadata for ID "${idArg || '0'}" on this server.`);
  return blocks;
}

const bad = (id: string) => new MetadataRequestError(20502, `Invalid Identifier "${id}": use 0 or * at this level.`);

function resourcesFor(md: RetsMetadata, id: string): MetadataResource[] {
  if (id === '0' || id === '*' || id === '') return md.resources;
  const r = md.resources.find((x) => x.id.toLowerCase() === id.toLowerCase());
  if (!r) throw new MetadataRequestError(20500, `Invalid Resource "${id}": resources are ${md.resources.map((x) => x.id).join(', ')}.`);
  return [r];
}

class BlockBuilder {
  readonly blocks: MetadataBlock[] = [];
  private readonly stamp: { Version: string; Date: string };
  constructor(private readonly md: RetsMetadata, private readonly version: RetsVersion) {
    this.stamp = { Version: md.system?.version ?? METADATA_VERSION, Date: md.system?.date ?? METADATA_DATE };
  }

  private add(type: string, attributes: Record<string, string>, rows: Record<string, string>[]) {
    this.blocks.push({ type: `METADATA-${type}`, attributes: { ...attributes, ...this.stamp }, columns: columnsFor(`METADATA-${type}`, this.version), rows });
  }
  system() { this.blocks.push({ type: 'METADATA-SYSTEM', attributes: { ...this.stamp }, columns: [], rows: [] }); }
  resources() { this.add('RESOURCE', {}, this.md.resources.map((r) => r.raw)); }
  classes(r: MetadataResource) { this.add('CLASS', { Resource: r.id }, r.classes.map((c) => c.raw)); }
  table(r: MetadataResource, cls: string) {
    const c = r.classes.find((x) => x.name.toLowerCase() === cls.toLowerCase());
    if (c) this.add('TABLE', { Resource: r.id, Class: c.name }, c.fields.map((f) => f.raw));
  }
  lookups(r: MetadataResource) { this.add('LOOKUP', { Resource: r.id }, r.lookups.map((l) => l.raw)); }
  lookupType(r: MetadataResource, name: string) {
    const l = r.lookups.find((x) => x.name === name);
    if (l) this.add('LOOKUP_TYPE', { Resource: r.id, Lookup: l.name }, l.values.map((v) => v.raw));
  }
  objects(r: MetadataResource) { this.add('OBJECT', { Resource: r.id }, r.objects.map((o) => o.raw)); }
  searchHelp(r: MetadataResource) { this.add('SEARCH_HELP', { Resource: r.id }, r.searchHelps.map((s) => s.raw)); }
  editMasks(r: MetadataResource) { this.add('EDITMASK', { Resource: r.id }, r.editMasks.map((e) => e.raw)); }
  foreignKeys() {
    const t = this.md.tables.find((x) => x.type === 'METADATA-FOREIGN_KEYS');
    if (t) this.add(this.version === '1.5' ? 'FOREIGNKEYS' : 'FOREIGN_KEYS', {}, t.rows);
  }
  resourceTree(r: MetadataResource) {
    this.classes(r);
    for (const c of r.classes) this.table(r, c.name);
    this.objects(r);
    this.lookups(r);
    for (const l of r.lookups) this.lookupType(r, l.name);
    this.searchHelp(r);
    this.editMasks(r);
  }
}
