// The OData-specific part of the protocol-neutral metadata model (shared/rets/metadata/model.ts):
// what an entity set, a property or a lookup value is in OData terms, kept beside the neutral
// view so the explorer can show it and the OData client can build URLs from it.

import type { CsdlAnnotation, CsdlDocument } from './types';

export interface ODataNavigationInfo {
  name: string;
  /** Namespace-qualified element type, e.g. "org.reso.metadata.Media". */
  type: string;
  collection: boolean;
  partner?: string;
  containsTarget: boolean;
  /** Entity set the navigation binds to (NavigationPropertyBinding), when declared. */
  targetSet?: string;
}

export interface ODataResourceInfo {
  entitySet: string;
  /** Namespace-qualified entity type. */
  entityType: string;
  /** The Key's PropertyRef names, in order. */
  key: string[];
  /**
   * The human-facing id beside the key, when the type has one (ListingKey -> ListingId,
   * MemberKey -> MemberMlsId): integrators search by it, the server addresses records by the key.
   */
  idField?: string;
  navigation: ODataNavigationInfo[];
  annotations: CsdlAnnotation[];
}

export interface ODataFieldInfo {
  /** The type as written, e.g. "Collection(Edm.String)". */
  type: string;
  /** Namespace-qualified element type ("Edm.String", "org.reso.metadata.enums.StandardStatus"). */
  elementType: string;
  collection: boolean;
  nullable: boolean;
  key: boolean;
  maxLength?: number | 'max';
  /** OData Precision (total digits); the neutral `precision` holds the Scale (digits after the point), as RETS does. */
  precision?: number;
  scale?: number | 'variable' | 'floating';
  defaultValue?: string;
  /** Set when the field's values are members of an EnumType. */
  enumType?: string;
  /** How the field's lookup values are defined: by an EnumType, or rows of the Lookup resource. */
  lookupStyle?: 'enum' | 'lookup-resource';
  annotations: CsdlAnnotation[];
}

export interface ODataLookupValueInfo {
  /** Enum member value (numeric text) or the Lookup row's LookupKey. */
  memberValue?: string;
  standardLookupValue?: string;
  legacyODataValue?: string;
  annotations?: CsdlAnnotation[];
}

export interface ODataMetadataInfo {
  /** OData version the CSDL declares ("4.0", "4.01"). */
  version: string;
  format: 'xml' | 'json';
  /** Namespace-qualified entity container name. */
  container: string;
  /** Which lookup style the fields use: enum types, Lookup-resource strings, both, or none. */
  lookupStyle: 'enum' | 'lookup-resource' | 'mixed' | 'none';
  /** LookupName values the fields ask for that no enum or Lookup row defined yet. */
  unresolvedLookups: string[];
  /** The whole CSDL document, for what the neutral model does not show. */
  csdl: CsdlDocument;
}
