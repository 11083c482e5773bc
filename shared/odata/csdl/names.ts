// Qualified names in a CSDL document: aliases (of schemas and of referenced vocabularies) resolved
// to namespaces, `<Annotations Target>` blocks applied to their targets, and the annotation
// terms the workbench reads, matched whatever alias the server chose.

import type { CsdlAnnotation, CsdlDocument, CsdlEntityType, CsdlEnumType, CsdlStructuredType } from './types';

/** alias -> namespace, for schemas and referenced includes. */
export function aliasMap(doc: CsdlDocument): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of doc.references) for (const i of r.includes) if (i.alias) m.set(i.alias, i.namespace);
  for (const s of doc.schemas) if (s.alias) m.set(s.alias, s.namespace);
  return m;
}

/** "Alias.Name" -> "Namespace.Name"; Collection(...) kept around it; other names unchanged. */
export function resolveName(name: string, aliases: Map<string, string>): string {
  if (name.startsWith('Collection(') && name.endsWith(')')) return `Collection(${resolveName(name.slice(11, -1), aliases)})`;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return name;
  const ns = aliases.get(name.slice(0, dot));
  return ns ? `${ns}${name.slice(dot)}` : name;
}

/** Structured and enum types of the whole document by namespace-qualified name. */
export interface TypeIndex {
  entityTypes: Map<string, CsdlEntityType>;
  complexTypes: Map<string, CsdlStructuredType>;
  enumTypes: Map<string, CsdlEnumType>;
  aliases: Map<string, string>;
}

export function indexTypes(doc: CsdlDocument): TypeIndex {
  const idx: TypeIndex = { entityTypes: new Map(), complexTypes: new Map(), enumTypes: new Map(), aliases: aliasMap(doc) };
  for (const s of doc.schemas) {
    for (const t of s.entityTypes) idx.entityTypes.set(t.fullName, t);
    for (const t of s.complexTypes) idx.complexTypes.set(t.fullName, t);
    for (const t of s.enumTypes) idx.enumTypes.set(t.fullName, t);
  }
  return idx;
}

/** Where a `<Annotations Target>` path points, or undefined when it names nothing we know. */
function targetAnnotations(target: string, idx: TypeIndex, doc: CsdlDocument): CsdlAnnotation[] | undefined {
  const slash = target.indexOf('/');
  const head = resolveName(slash < 0 ? target : target.slice(0, slash), idx.aliases);
  const rest = slash < 0 ? '' : target.slice(slash + 1);
  const structured = idx.entityTypes.get(head) ?? idx.complexTypes.get(head);
  if (structured) {
    if (!rest) return structured.annotations;
    return (structured.properties.find((p) => p.name === rest) ?? structured.navigationProperties.find((n) => n.name === rest))?.annotations;
  }
  const en = idx.enumTypes.get(head);
  if (en) return rest ? en.members.find((m) => m.name === rest)?.annotations : en.annotations;
  for (const s of doc.schemas) {
    const c = s.entityContainer;
    if (!c || c.fullName !== head) continue;
    if (!rest) return c.annotations;
    return (c.entitySets.find((e) => e.name === rest) ?? c.singletons.find((e) => e.name === rest))?.annotations;
  }
  return undefined;
}

/** Copy every `<Annotations Target>` block's annotations onto its target (each marked with `target`). */
export function applyAnnotationBlocks(doc: CsdlDocument, idx: TypeIndex = indexTypes(doc)): void {
  for (const s of doc.schemas) {
    for (const b of s.annotationBlocks) {
      const list = targetAnnotations(b.target, idx, doc);
      if (!list) { if (doc.warnings.length < 200) doc.warnings.push(`Annotations for ${b.target.slice(0, 200)}: no such element; kept unapplied`); continue; }
      for (const a of b.annotations) list.push({ ...a, qualifier: a.qualifier ?? b.qualifier, target: b.target });
    }
  }
}

export const RESO_METADATA_NS = 'RESO.OData.Metadata';
export const CORE_NS = 'Org.OData.Core.V1';

/** The value of the first unqualified-or-any annotation with term namespace.local (alias-aware). */
export function annotationValue(list: readonly CsdlAnnotation[], namespace: string, local: string, aliases: Map<string, string>): string | undefined {
  for (const a of list) {
    const dot = a.term.lastIndexOf('.');
    if (dot <= 0 || a.term.slice(dot + 1) !== local) continue;
    const ns = a.term.slice(0, dot);
    if (ns === namespace || aliases.get(ns) === namespace || (namespace === CORE_NS && ns === 'Core')) return a.value;
  }
  return undefined;
}
