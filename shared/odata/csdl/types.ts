// The CSDL document as read from `$metadata` (OData 4.0/4.01, XML or JSON form): everything the
// server declared is kept, including what the workbench does not use yet. Each element keeps its
// attributes as sent (`attributes`), so vendor extensions are never lost; the typed properties are
// convenience views of them. Type names are kept as written (aliases included); `resolveType` in
// names.ts turns an alias-qualified name into the namespace-qualified one.

/** One annotation: a term applied to an element, inline or from an `<Annotations Target>` block. */
export interface CsdlAnnotation {
  /** The term as written, e.g. "RESO.OData.Metadata.LookupName" or "Core.Description". */
  term: string;
  qualifier?: string;
  /** The constant of the attribute form (String="...", Bool="true", EnumMember="..."), or of a single constant child element. */
  value?: string;
  /** Which constant expression gave `value` ("String", "Bool", "Int", "EnumMember", "Path"...). */
  valueKind?: string;
  /** Child expressions kept as their source text (XML, or JSON for JSON CSDL), e.g. a Collection or Record. */
  raw?: string;
  /** The `<Annotations Target>` block's target, when the annotation came from one. */
  target?: string;
}

export interface CsdlProperty {
  name: string;
  /** The type as written, e.g. "Edm.String", "Collection(org.reso.metadata.enums.Appliances)". */
  type: string;
  /** The element type: `type` without Collection(...). */
  elementType: string;
  collection: boolean;
  /** Nullable as declared (undefined when absent: the default is nullable). */
  nullable?: boolean;
  /** A number, or "max". */
  maxLength?: number | 'max';
  precision?: number;
  /** A number, or "variable" / "floating". */
  scale?: number | 'variable' | 'floating';
  defaultValue?: string;
  annotations: CsdlAnnotation[];
  attributes: Record<string, string>;
}

export interface CsdlReferentialConstraint { property: string; referencedProperty: string }

export interface CsdlNavigationProperty {
  name: string;
  type: string;
  elementType: string;
  collection: boolean;
  nullable?: boolean;
  partner?: string;
  containsTarget: boolean;
  referentialConstraints: CsdlReferentialConstraint[];
  annotations: CsdlAnnotation[];
  attributes: Record<string, string>;
}

export interface CsdlStructuredType {
  name: string;
  /** Namespace-qualified name. */
  fullName: string;
  baseType?: string;
  abstract: boolean;
  openType: boolean;
  properties: CsdlProperty[];
  navigationProperties: CsdlNavigationProperty[];
  annotations: CsdlAnnotation[];
  attributes: Record<string, string>;
}

export interface CsdlEntityType extends CsdlStructuredType {
  /** PropertyRef names of the Key, in order (aliases of PropertyRef kept in `keyAliases`). */
  key: string[];
  keyAliases: Record<string, string>;
  hasStream: boolean;
}

export type CsdlComplexType = CsdlStructuredType;

export interface CsdlEnumMember {
  name: string;
  /** The Value attribute as written (undefined when absent: then members count up from 0). */
  value?: string;
  annotations: CsdlAnnotation[];
}

export interface CsdlEnumType {
  name: string;
  fullName: string;
  /** Defaults to Edm.Int32. */
  underlyingType: string;
  isFlags: boolean;
  members: CsdlEnumMember[];
  annotations: CsdlAnnotation[];
  attributes: Record<string, string>;
}

export interface CsdlTypeDefinition {
  name: string;
  fullName: string;
  underlyingType: string;
  annotations: CsdlAnnotation[];
  attributes: Record<string, string>;
}

export interface CsdlNavigationBinding { path: string; target: string }

export interface CsdlEntitySet {
  name: string;
  entityType: string;
  navigationBindings: CsdlNavigationBinding[];
  annotations: CsdlAnnotation[];
  attributes: Record<string, string>;
}

export interface CsdlSingleton {
  name: string;
  type: string;
  navigationBindings: CsdlNavigationBinding[];
  annotations: CsdlAnnotation[];
  attributes: Record<string, string>;
}

/** Elements kept by kind and attributes only (FunctionImport, ActionImport, Function, Action, Term...). */
export interface CsdlOtherElement {
  kind: string;
  name: string;
  attributes: Record<string, string>;
  annotations: CsdlAnnotation[];
  /** Its content as written (XML children, e.g. a Function's Parameters and ReturnType), when it has any. */
  raw?: string;
}

export interface CsdlEntityContainer {
  name: string;
  fullName: string;
  entitySets: CsdlEntitySet[];
  singletons: CsdlSingleton[];
  other: CsdlOtherElement[];
  annotations: CsdlAnnotation[];
}

export interface CsdlAnnotationsBlock {
  target: string;
  qualifier?: string;
  annotations: CsdlAnnotation[];
}

export interface CsdlSchema {
  namespace: string;
  alias?: string;
  entityTypes: CsdlEntityType[];
  complexTypes: CsdlComplexType[];
  enumTypes: CsdlEnumType[];
  typeDefinitions: CsdlTypeDefinition[];
  entityContainer?: CsdlEntityContainer;
  other: CsdlOtherElement[];
  /** `<Annotations Target>` blocks as written (their annotations are also applied to their targets). */
  annotationBlocks: CsdlAnnotationsBlock[];
  annotations: CsdlAnnotation[];
}

export interface CsdlInclude { namespace: string; alias?: string }
export interface CsdlReference { uri: string; includes: CsdlInclude[] }

export interface CsdlDocument {
  /** The edmx Version ("4.0", "4.01") or the JSON $Version. */
  version: string;
  format: 'xml' | 'json';
  references: CsdlReference[];
  schemas: CsdlSchema[];
  /** Problems tolerated while reading (unknown targets, bad numbers), in plain words. */
  warnings: string[];
}
