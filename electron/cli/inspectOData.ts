// `rets-workbench inspect FILE --kind odata-metadata|odata [--full] [--content-type TYPE]`: a saved
// RESO Web API response (bare body or `curl -i` capture) read offline with the shared OData
// readers, printed as JSON. inspect.ts hands these kinds over here.
import { parseArgs } from 'node:util';
import { aliasMap, annotationValue, resolveName, RESO_METADATA_NS, type CsdlDocument, type CsdlEntityType } from '../../shared/odata/csdl/index';
import type { ODataRowBatch } from '../../shared/odata/payload/index';
import { parseCommandArgs, stringValue, UsageError, withUsage } from './args';
import { loadCsdl, readPayload, readSaved, SavedFileError } from './odataFiles';

export const ODATA_KINDS = ['odata-metadata', 'odata'] as const;

const USAGE = `usage: rets-workbench inspect FILE --kind odata-metadata [--full] [--content-type TYPE]
       rets-workbench inspect FILE --kind odata [--content-type TYPE]

odata-metadata: a saved $metadata (CSDL XML or JSON), summarized (--full: the whole parsed document).
odata: a saved data page or entity (JSON): context, count, nextLink, columns and rows.
FILE is a bare body or a whole HTTP response as \`curl -i\` saves it. Exit code: 0 parsed, 1 the
input is not what --kind says or holds an error, 2 usage.
`;

/** True when argv asks inspect for one of the OData kinds (read leniently: each side checks its own flags). */
export function isODataInspect(args: string[]): boolean {
  const { kind } = parseArgs({ args, options: { kind: { type: 'string' } }, strict: false, allowPositionals: true }).values;
  return typeof kind === 'string' && (ODATA_KINDS as readonly string[]).includes(kind);
}

function findEntityType(doc: CsdlDocument, fullName: string): CsdlEntityType | undefined {
  for (const s of doc.schemas) for (const t of s.entityTypes) if (t.fullName === fullName) return t;
  return undefined;
}

/** Key and property count of an entity type, its base types included (a bounded walk: cycles end it). */
function shapeOf(doc: CsdlDocument, aliases: Map<string, string>, fullName: string): { key: string[]; properties: number; navigation: string[] } | undefined {
  let t = findEntityType(doc, fullName);
  if (!t) return undefined;
  const seen = new Set<string>();
  let key: string[] = [];
  let properties = 0;
  const navigation: string[] = [];
  while (t && !seen.has(t.fullName)) {
    seen.add(t.fullName);
    if (key.length === 0) key = t.key;
    properties += t.properties.length;
    navigation.push(...t.navigationProperties.map((n) => n.name));
    t = t.baseType ? findEntityType(doc, resolveName(t.baseType, aliases)) : undefined;
  }
  return { key, properties, navigation };
}

/** The lookup names the fields use (RESO.OData.Metadata.LookupName), with how many fields use each. */
function lookupNames(doc: CsdlDocument, aliases: Map<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of doc.schemas) {
    for (const t of [...s.entityTypes, ...s.complexTypes]) {
      for (const p of t.properties) {
        const name = annotationValue(p.annotations, RESO_METADATA_NS, 'LookupName', aliases);
        if (name) out[name] = (out[name] ?? 0) + 1;
      }
    }
  }
  return out;
}

export function metadataSummary(doc: CsdlDocument): unknown {
  const aliases = aliasMap(doc);
  return {
    format: doc.format,
    version: doc.version,
    schemas: doc.schemas.map((s) => ({
      namespace: s.namespace, ...(s.alias ? { alias: s.alias } : {}),
      entityTypes: s.entityTypes.length, complexTypes: s.complexTypes.length, enumTypes: s.enumTypes.length,
      ...(s.entityContainer ? { entityContainer: s.entityContainer.name } : {}),
    })),
    entitySets: doc.schemas.flatMap((s) => (s.entityContainer?.entitySets ?? []).map((es) => {
      const type = resolveName(es.entityType, aliases);
      const shape = shapeOf(doc, aliases, type);
      return shape
        ? { name: es.name, entityType: type, key: shape.key, properties: shape.properties, navigationProperties: shape.navigation }
        : { name: es.name, entityType: type, missingType: true };
    })),
    enumTypes: doc.schemas.flatMap((s) => s.enumTypes.map((e) => ({ name: e.fullName, members: e.members.length, isFlags: e.isFlags, underlyingType: e.underlyingType }))),
    lookupNames: lookupNames(doc, aliases),
    warnings: doc.warnings,
  };
}

/** Digits of a JSON number before its exponent, leading zeros left out: up to 15 survive a double exactly. */
function significantDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 101 || ch === 69) break; // e, E
    if (ch >= 48 && ch <= 57 && (n > 0 || ch !== 48)) n++;
  }
  return n;
}

/** A cell as a JSON value: strings decoded, numbers as numbers when a double holds them exactly (else their text), nested values parsed. */
function cell(b: ODataRowBatch, r: number, c: number): unknown {
  switch (b.kind(r, c)) {
    case 'string': return b.get(r, c);
    case 'null': return null;
    case 'boolean': return b.get(r, c) === 'true';
    case 'number': {
      const text = b.get(r, c);
      return significantDigits(text) <= 15 ? Number(text) : text;
    }
    default: return JSON.parse(b.json(r, c)) as unknown;
  }
}

function rowsOf(batches: readonly ODataRowBatch[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const b of batches) {
    for (let r = 0; r < b.length; r++) {
      const row: Record<string, unknown> = {};
      for (let c = 0; c < b.columns.length; c++) if (b.kind(r, c) !== 'absent') row[b.columns[c]!] = cell(b, r, c);
      out.push(row);
    }
  }
  return out;
}

export async function runInspectOData(args: string[]): Promise<number> {
  return withUsage('inspect', USAGE, async () => {
    const { values, positionals } = parseCommandArgs(args, { kind: { type: 'string' }, full: { type: 'boolean' }, 'content-type': { type: 'string' } });
    if (values.help) { process.stdout.write(USAGE); return 0; }
    const kind = stringValue(values, 'kind');
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'Only one FILE can be inspected at a time.' : 'No FILE given.');
    if (values.full && kind !== 'odata-metadata') throw new UsageError('--full goes with --kind odata-metadata.');
    const file = positionals[0]!;
    try {
      const saved = readSaved(file, stringValue(values, 'content-type'));
      let out: unknown;
      if (kind === 'odata-metadata') {
        const doc = loadCsdl(saved, file);
        out = values.full ? doc : metadataSummary(doc);
      } else {
        const p = readPayload(saved, file);
        out = {
          context: p.context ?? null, count: p.count ?? null, nextLink: p.nextLink ?? null,
          ...(Object.keys(p.annotations).length ? { annotations: p.annotations } : {}),
          entity: p.entity, columns: p.columns, rowCount: p.rowCount, rows: rowsOf(p.batches), warnings: p.warnings,
        };
      }
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof SavedFileError)) throw e;
      process.stderr.write(`rets-workbench inspect: ${e.message}\n`);
      return e.code;
    }
  });
}
