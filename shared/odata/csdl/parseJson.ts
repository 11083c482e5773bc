// CSDL JSON (OData CSDL JSON 4.01) into the same CsdlDocument as the XML form: some servers answer
// $metadata with JSON when the client asks for application/json. Members starting with "$" are
// keywords, "@" annotations, anything else a nested element.

import type {
  CsdlAnnotation, CsdlDocument, CsdlEntityContainer, CsdlEntityType, CsdlEnumType, CsdlNavigationProperty, CsdlProperty,
  CsdlSchema, CsdlStructuredType,
} from './types';
import { parseJsonCapped } from '../jsonCapped';
import { ODataParseError } from '../parseError';

type Obj = Record<string, unknown>;
const MAX_DEPTH = 64;

function isObj(v: unknown): v is Obj { return typeof v === 'object' && v !== null && !Array.isArray(v); }
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** Scalar keyword values as XML-style attributes (so `attributes` looks alike in both forms). */
function attributesOf(o: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(o)) {
    if (!k.startsWith('$')) continue;
    const v = str(o[k]);
    if (v !== undefined) out[k.slice(1)] = v;
  }
  return out;
}

function annotationOf(key: string, value: unknown): CsdlAnnotation {
  const at = key.indexOf('@');
  const termQ = key.slice(at + 1);
  const hash = termQ.indexOf('#');
  const a: CsdlAnnotation = { term: hash < 0 ? termQ : termQ.slice(0, hash) };
  if (hash >= 0) a.qualifier = termQ.slice(hash + 1);
  const s = str(value);
  if (s !== undefined) { a.value = s; a.valueKind = typeof value === 'string' ? 'String' : typeof value === 'number' ? 'Int' : 'Bool'; }
  else if (isObj(value) && Object.keys(value).length === 1 && typeof Object.values(value)[0] === 'string' && Object.keys(value)[0]!.startsWith('$')) {
    a.value = Object.values(value)[0] as string;
    a.valueKind = Object.keys(value)[0]!.slice(1);
  } else a.raw = JSON.stringify(value);
  return a;
}

/** Annotations of an element: its own "@Term" members. */
function ownAnnotations(o: Obj): CsdlAnnotation[] {
  const out: CsdlAnnotation[] = [];
  for (const k of Object.keys(o)) if (k.startsWith('@')) out.push(annotationOf(k, o[k]));
  return out;
}

function num(v: unknown): number | undefined { return typeof v === 'number' && Number.isFinite(v) ? v : undefined; }

function readProperty(name: string, o: Obj): CsdlProperty {
  const elementType = str(o.$Type) ?? 'Edm.String';
  const collection = o.$Collection === true;
  const scale = o.$Scale === 'variable' || o.$Scale === 'floating' ? o.$Scale : num(o.$Scale);
  return {
    name, type: collection ? `Collection(${elementType})` : elementType, elementType, collection,
    // CSDL JSON: an absent $Nullable means false.
    nullable: o.$Nullable === true,
    maxLength: o.$MaxLength === 'max' ? 'max' : num(o.$MaxLength), precision: num(o.$Precision), scale,
    defaultValue: str(o.$DefaultValue), annotations: ownAnnotations(o), attributes: attributesOf(o),
  };
}

function readNavigation(name: string, o: Obj): CsdlNavigationProperty {
  const elementType = str(o.$Type) ?? '';
  const collection = o.$Collection === true;
  const rc = isObj(o.$ReferentialConstraint) ? o.$ReferentialConstraint : {};
  return {
    name, type: collection ? `Collection(${elementType})` : elementType, elementType, collection, nullable: o.$Nullable === true,
    partner: str(o.$Partner), containsTarget: o.$ContainsTarget === true,
    referentialConstraints: Object.keys(rc).filter((k) => !k.includes('@')).map((k) => ({ property: k, referencedProperty: str(rc[k]) ?? '' })),
    annotations: ownAnnotations(o), attributes: attributesOf(o),
  };
}

function readStructured(name: string, ns: string, o: Obj): CsdlStructuredType {
  const t: CsdlStructuredType = {
    name, fullName: `${ns}.${name}`, baseType: str(o.$BaseType), abstract: o.$Abstract === true, openType: o.$OpenType === true,
    properties: [], navigationProperties: [], annotations: ownAnnotations(o), attributes: attributesOf(o),
  };
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (k.startsWith('$') || k.startsWith('@') || !isObj(v)) continue;
    if (v.$Kind === 'NavigationProperty') t.navigationProperties.push(readNavigation(k, v));
    else t.properties.push(readProperty(k, v));
  }
  return t;
}

function readEnum(name: string, ns: string, o: Obj): CsdlEnumType {
  const e: CsdlEnumType = {
    name, fullName: `${ns}.${name}`, underlyingType: str(o.$UnderlyingType) ?? 'Edm.Int32', isFlags: o.$IsFlags === true,
    members: [], annotations: ownAnnotations(o).filter((a) => !a.term.includes('@')), attributes: attributesOf(o),
  };
  for (const k of Object.keys(o)) {
    if (k.startsWith('$') || k.startsWith('@') || k.includes('@')) continue;
    e.members.push({ name: k, value: str(o[k]), annotations: [] });
  }
  for (const k of Object.keys(o)) {
    const at = k.indexOf('@');
    if (at <= 0) continue;
    e.members.find((m) => m.name === k.slice(0, at))?.annotations.push(annotationOf(k, o[k]));
  }
  return e;
}

function readContainer(name: string, ns: string, o: Obj): CsdlEntityContainer {
  const c: CsdlEntityContainer = { name, fullName: `${ns}.${name}`, entitySets: [], singletons: [], other: [], annotations: ownAnnotations(o) };
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (k.startsWith('$') || k.startsWith('@') || !isObj(v)) continue;
    const bindings = isObj(v.$NavigationPropertyBinding) ? v.$NavigationPropertyBinding : {};
    const navigationBindings = Object.keys(bindings).map((path) => ({ path, target: str(bindings[path]) ?? '' }));
    if (v.$Collection === true) c.entitySets.push({ name: k, entityType: str(v.$Type) ?? '', navigationBindings, annotations: ownAnnotations(v), attributes: attributesOf(v) });
    else if (v.$Type !== undefined) c.singletons.push({ name: k, type: str(v.$Type) ?? '', navigationBindings, annotations: ownAnnotations(v), attributes: attributesOf(v) });
    else c.other.push({ kind: v.$Action !== undefined ? 'ActionImport' : 'FunctionImport', name: k, attributes: attributesOf(v), annotations: ownAnnotations(v) });
  }
  return c;
}

function readSchema(ns: string, o: Obj): CsdlSchema {
  const s: CsdlSchema = {
    namespace: ns, alias: str(o.$Alias), entityTypes: [], complexTypes: [], enumTypes: [], typeDefinitions: [], other: [],
    annotationBlocks: [], annotations: ownAnnotations(o),
  };
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (k === '$Annotations' && isObj(v)) {
      for (const target of Object.keys(v)) {
        const block = v[target];
        if (isObj(block)) s.annotationBlocks.push({ target, annotations: ownAnnotations(block) });
      }
      continue;
    }
    if (k.startsWith('$') || k.startsWith('@')) continue;
    if (Array.isArray(v)) { s.other.push({ kind: 'Function', name: k, attributes: {}, annotations: [] }); continue; }
    if (!isObj(v)) continue;
    switch (v.$Kind) {
      case 'EntityType': {
        const t = readStructured(k, ns, v);
        const key: string[] = [];
        const keyAliases: Record<string, string> = {};
        if (Array.isArray(v.$Key)) {
          for (const part of v.$Key) {
            if (typeof part === 'string') key.push(part);
            else if (isObj(part)) for (const alias of Object.keys(part)) { const path = str(part[alias]) ?? ''; key.push(path); keyAliases[path] = alias; }
          }
        }
        const et: CsdlEntityType = { ...t, key, keyAliases, hasStream: v.$HasStream === true };
        s.entityTypes.push(et);
        break;
      }
      case 'ComplexType': s.complexTypes.push(readStructured(k, ns, v)); break;
      case 'EnumType': s.enumTypes.push(readEnum(k, ns, v)); break;
      case 'TypeDefinition': s.typeDefinitions.push({ name: k, fullName: `${ns}.${k}`, underlyingType: str(v.$UnderlyingType) ?? '', annotations: ownAnnotations(v), attributes: attributesOf(v) }); break;
      case 'EntityContainer': s.entityContainer = readContainer(k, ns, v); break;
      default: s.other.push({ kind: str(v.$Kind) ?? 'Unknown', name: k, attributes: attributesOf(v), annotations: ownAnnotations(v) });
    }
  }
  return s;
}

export function parseCsdlJson(text: string): CsdlDocument {
  const root = parseJsonCapped(text, MAX_DEPTH);
  if (!isObj(root) || (root.$Version === undefined && root.$EntityContainer === undefined)) {
    throw new ODataParseError('not-csdl', 'The document is JSON but has no $Version or $EntityContainer: it is not CSDL JSON', 0);
  }
  const doc: CsdlDocument = { version: str(root.$Version) ?? '', format: 'json', references: [], schemas: [], warnings: [] };
  if (isObj(root.$Reference)) {
    for (const uri of Object.keys(root.$Reference)) {
      const r = root.$Reference[uri];
      const inc = isObj(r) && Array.isArray(r.$Include) ? r.$Include : [];
      doc.references.push({ uri, includes: inc.filter(isObj).map((i) => ({ namespace: str(i.$Namespace) ?? '', alias: str(i.$Alias) })) });
    }
  }
  for (const k of Object.keys(root)) {
    const v = root[k];
    if (!k.startsWith('$') && isObj(v)) doc.schemas.push(readSchema(k, v));
  }
  return doc;
}
