// CSDL XML ($metadata) into a CsdlDocument, in one pass over the text with an explicit stack of
// open elements: each element is turned into its model object when its start tag is met.

import type {
  CsdlAnnotation, CsdlDocument, CsdlEntityContainer, CsdlEntityType, CsdlEnumType, CsdlNavigationProperty,
  CsdlProperty, CsdlReference, CsdlSchema, CsdlStructuredType, CsdlAnnotationsBlock, CsdlOtherElement,
} from './types';
import { scanXml, type XmlScanOptions } from './xmlScan';
import { ANNOTATION_VALUE_ATTRS, parseBool, parseFacetInt, parseMaxLength, parseScale, splitCollection } from './fields';
import { decodeXmlEntities } from '../../rets/text';
import { ODataParseError } from '../parseError';

type FrameKind =
  | 'root' | 'edmx' | 'dataServices' | 'reference' | 'schema' | 'entityType' | 'complexType' | 'enumType' | 'member'
  | 'property' | 'navigation' | 'key' | 'container' | 'entitySet' | 'singleton' | 'annotations' | 'annotation'
  | 'annotationChild' | 'documentation' | 'docPart' | 'other' | 'otherRaw' | 'skip';

/** One open element. A class, so every frame has one shape and the reads stay monomorphic. */
class Frame {
  kind: FrameKind;
  /** Where annotations met inside this element go (undefined: not annotatable). */
  annotations: CsdlAnnotation[] | undefined;
  annotation: CsdlAnnotation | undefined;
  /** Offset just after the start tag (for raw annotation expressions and constants). */
  contentStart: number;
  /** Child elements seen (annotation constants use it). */
  children = 0;
  local: string;
  obj: unknown;
  constructor(kind: FrameKind, local: string, contentStart: number, annotations: CsdlAnnotation[] | undefined, annotation: CsdlAnnotation | undefined, obj: unknown) {
    this.kind = kind;
    this.local = local;
    this.contentStart = contentStart;
    this.annotations = annotations;
    this.annotation = annotation;
    this.obj = obj;
  }
}

const CONSTANT_ELEMENTS = new Set<string>(ANNOTATION_VALUE_ATTRS);

function annotationFrom(attrs: Record<string, string>): CsdlAnnotation {
  const a: CsdlAnnotation = { term: attrs.Term ?? '' };
  if (attrs.Qualifier !== undefined) a.qualifier = attrs.Qualifier;
  for (const k of ANNOTATION_VALUE_ATTRS) {
    const v = attrs[k];
    if (v !== undefined) { a.value = v; a.valueKind = k; break; }
  }
  return a;
}

function structured(attrs: Record<string, string>, ns: string): CsdlStructuredType {
  const name = attrs.Name ?? '';
  return {
    name, fullName: ns ? `${ns}.${name}` : name, baseType: attrs.BaseType,
    abstract: parseBool(attrs.Abstract) === true, openType: parseBool(attrs.OpenType) === true,
    properties: [], navigationProperties: [], annotations: [], attributes: attrs,
  };
}

export function parseCsdlXml(text: string, options: XmlScanOptions = {}): CsdlDocument {
  const doc: CsdlDocument = { version: '', format: 'xml', references: [], schemas: [], warnings: [] };
  const warn = (m: string): void => { if (doc.warnings.length < 200) doc.warnings.push(m); };
  const stack: Frame[] = [new Frame('root', '', 0, undefined, undefined, undefined)];
  let schema: CsdlSchema | undefined;
  let sawEdmx = false;

  let local = '';
  let contentStart = 0;
  const push = (kind: FrameKind, annotations?: CsdlAnnotation[], annotation?: CsdlAnnotation, obj?: unknown): void => {
    stack.push(new Frame(kind, local, contentStart, annotations, annotation, obj));
  };

  scanXml(text, {
    open(name, attrs, _start, end) {
      local = name;
      contentStart = end;
      const parent = stack[stack.length - 1]!;
      parent.children++;
      switch (parent.kind) {
        case 'annotation': case 'annotationChild': push('annotationChild'); return;
        case 'skip': case 'docPart': case 'otherRaw': push('skip'); return;
        default: break;
      }
      if (local === 'Annotation' && parent.annotations) {
        const a = annotationFrom(attrs);
        parent.annotations.push(a);
        push('annotation', undefined, a);
        return;
      }
      if (local === 'Documentation' && parent.annotations) { push('documentation', parent.annotations); return; }
      switch (parent.kind) {
        case 'root':
          if (local === 'Edmx') { sawEdmx = true; doc.version = attrs.Version ?? ''; push('edmx'); return; }
          break;
        case 'edmx':
          if (local === 'DataServices') { push('dataServices'); return; }
          if (local === 'Reference') {
            const r: CsdlReference = { uri: attrs.Uri ?? '', includes: [] };
            doc.references.push(r);
            push('reference', undefined, undefined, r);
            return;
          }
          break;
        case 'reference':
          if (local === 'Include') {
            (parent.obj as CsdlReference).includes.push({ namespace: attrs.Namespace ?? '', alias: attrs.Alias });
          }
          push('skip');
          return;
        case 'dataServices':
          if (local === 'Schema') {
            schema = {
              namespace: attrs.Namespace ?? '', alias: attrs.Alias, entityTypes: [], complexTypes: [], enumTypes: [],
              typeDefinitions: [], other: [], annotationBlocks: [], annotations: [],
            };
            doc.schemas.push(schema);
            push('schema', schema.annotations);
            return;
          }
          break;
        case 'schema': {
          const s = schema!;
          if (local === 'EntityType') {
            const t: CsdlEntityType = { ...structured(attrs, s.namespace), key: [], keyAliases: {}, hasStream: parseBool(attrs.HasStream) === true };
            s.entityTypes.push(t);
            push('entityType', t.annotations, undefined, t);
            return;
          }
          if (local === 'ComplexType') {
            const t = structured(attrs, s.namespace);
            s.complexTypes.push(t);
            push('complexType', t.annotations, undefined, t);
            return;
          }
          if (local === 'EnumType') {
            const name = attrs.Name ?? '';
            const t: CsdlEnumType = {
              name, fullName: `${s.namespace}.${name}`, underlyingType: attrs.UnderlyingType ?? 'Edm.Int32',
              isFlags: parseBool(attrs.IsFlags) === true, members: [], annotations: [], attributes: attrs,
            };
            s.enumTypes.push(t);
            push('enumType', t.annotations, undefined, t);
            return;
          }
          if (local === 'TypeDefinition') {
            const name = attrs.Name ?? '';
            const t = { name, fullName: `${s.namespace}.${name}`, underlyingType: attrs.UnderlyingType ?? '', annotations: [], attributes: attrs };
            s.typeDefinitions.push(t);
            push('other', t.annotations);
            return;
          }
          if (local === 'EntityContainer') {
            const name = attrs.Name ?? '';
            const c: CsdlEntityContainer = { name, fullName: `${s.namespace}.${name}`, entitySets: [], singletons: [], other: [], annotations: [] };
            if (s.entityContainer) warn(`Schema ${s.namespace} has more than one EntityContainer: only the first is used`);
            else s.entityContainer = c;
            push('container', c.annotations, undefined, c);
            return;
          }
          if (local === 'Annotations') {
            const b: CsdlAnnotationsBlock = { target: attrs.Target ?? '', qualifier: attrs.Qualifier, annotations: [] };
            s.annotationBlocks.push(b);
            push('annotations', b.annotations);
            return;
          }
          const o: CsdlOtherElement = { kind: local, name: attrs.Name ?? '', attributes: attrs, annotations: [] };
          s.other.push(o);
          push('otherRaw', undefined, undefined, o);
          return;
        }
        case 'entityType': case 'complexType': {
          const t = parent.obj as CsdlStructuredType;
          if (local === 'Property') {
            const type = attrs.Type ?? '';
            const ref = splitCollection(type);
            const what = `${t.name}.${attrs.Name ?? ''}`;
            const p: CsdlProperty = {
              name: attrs.Name ?? '', type, elementType: ref.elementType, collection: ref.collection,
              nullable: parseBool(attrs.Nullable), maxLength: parseMaxLength(attrs.MaxLength, `MaxLength of ${what}`, warn),
              precision: parseFacetInt(attrs.Precision, `Precision of ${what}`, warn), scale: parseScale(attrs.Scale, `Scale of ${what}`, warn),
              defaultValue: attrs.DefaultValue, annotations: [], attributes: attrs,
            };
            t.properties.push(p);
            push('property', p.annotations, undefined, p);
            return;
          }
          if (local === 'NavigationProperty') {
            const type = attrs.Type ?? '';
            const ref = splitCollection(type);
            const n: CsdlNavigationProperty = {
              name: attrs.Name ?? '', type, elementType: ref.elementType, collection: ref.collection, nullable: parseBool(attrs.Nullable),
              partner: attrs.Partner, containsTarget: parseBool(attrs.ContainsTarget) === true, referentialConstraints: [],
              annotations: [], attributes: attrs,
            };
            t.navigationProperties.push(n);
            push('navigation', n.annotations, undefined, n);
            return;
          }
          if (local === 'Key' && parent.kind === 'entityType') { push('key', undefined, undefined, t); return; }
          break;
        }
        case 'key':
          if (local === 'PropertyRef') {
            const t = parent.obj as CsdlEntityType;
            const name = attrs.Name ?? '';
            t.key.push(name);
            if (attrs.Alias) t.keyAliases[name] = attrs.Alias;
          }
          push('skip');
          return;
        case 'navigation':
          if (local === 'ReferentialConstraint') {
            (parent.obj as CsdlNavigationProperty).referentialConstraints.push({ property: attrs.Property ?? '', referencedProperty: attrs.ReferencedProperty ?? '' });
            push('other', []);
            return;
          }
          break;
        case 'enumType':
          if (local === 'Member') {
            const m = { name: attrs.Name ?? '', value: attrs.Value, annotations: [] };
            (parent.obj as CsdlEnumType).members.push(m);
            push('member', m.annotations);
            return;
          }
          break;
        case 'container': {
          const c = parent.obj as CsdlEntityContainer;
          if (local === 'EntitySet') {
            const e = { name: attrs.Name ?? '', entityType: attrs.EntityType ?? '', navigationBindings: [], annotations: [], attributes: attrs };
            c.entitySets.push(e);
            push('entitySet', e.annotations, undefined, e);
            return;
          }
          if (local === 'Singleton') {
            const e = { name: attrs.Name ?? '', type: attrs.Type ?? '', navigationBindings: [], annotations: [], attributes: attrs };
            c.singletons.push(e);
            push('entitySet', e.annotations, undefined, e);
            return;
          }
          const o = { kind: local, name: attrs.Name ?? '', attributes: attrs, annotations: [] };
          c.other.push(o);
          push('other', o.annotations);
          return;
        }
        case 'entitySet':
          if (local === 'NavigationPropertyBinding') {
            (parent.obj as { navigationBindings: { path: string; target: string }[] }).navigationBindings.push({ path: attrs.Path ?? '', target: attrs.Target ?? '' });
          }
          push('skip');
          return;
        case 'documentation':
          push('docPart', parent.annotations);
          return;
        default:
          break;
      }
      push('skip');
    },
    close(_local, start) {
      const f = stack.pop()!;
      if (f.kind === 'annotation') {
        const a = f.annotation!;
        if (f.children > 0) a.raw = text.slice(f.contentStart, start).trim();
      } else if (f.kind === 'annotationChild') {
        // A single constant child (<Annotation Term="Core.Description"><String>...</String></Annotation>) gives the value.
        const parent = stack[stack.length - 1]!;
        if (parent.kind === 'annotation' && parent.children === 1 && f.children === 0 && CONSTANT_ELEMENTS.has(f.local) && parent.annotation!.value === undefined) {
          parent.annotation!.value = decodeXmlEntities(text.slice(f.contentStart, start));
          parent.annotation!.valueKind = f.local;
        }
      } else if (f.kind === 'otherRaw') {
        if (f.children > 0) (f.obj as CsdlOtherElement).raw = text.slice(f.contentStart, start).trim();
      } else if (f.kind === 'docPart' && f.annotations) {
        const term = f.local === 'Summary' ? 'Core.Description' : f.local === 'LongDescription' ? 'Core.LongDescription' : `Documentation.${f.local}`;
        f.annotations.push({ term, value: decodeXmlEntities(text.slice(f.contentStart, start)).trim(), valueKind: 'Documentation' });
      }
    },
  }, options);
  if (!sawEdmx) throw new ODataParseError('not-csdl', 'The document is XML but has no edmx:Edmx element: it is not OData $metadata', 0);
  return doc;
}
