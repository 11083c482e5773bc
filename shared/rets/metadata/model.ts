// The metadata model every part of the workbench shares: parsers build it (from COMPACT or
// STANDARD-XML), the demo MLS serves it, DMQL2 validates against it, the explorer shows it.
//
// Every column a server sends is kept in `raw` (column name -> value, exactly as sent), so
// columns we do not model yet are never lost. The typed properties are convenience views of
// the common columns, filled from `raw` by the parsers; absent columns are "" / undefined.

import type { ODataFieldInfo, ODataLookupValueInfo, ODataMetadataInfo, ODataResourceInfo } from '../../odata/csdl/model';

/** One metadata row: every column as the server sent it. */
export type RawRow = Record<string, string>;

/** Version and date of one metadata block, as found on its METADATA-* element. */
export interface MetadataStamp {
  version?: string;
  date?: string;
}

export interface MetadataSystem extends MetadataStamp {
  systemId: string;
  description: string;
  timeZoneOffset?: string;
  comments?: string;
  /** All attributes / children of SYSTEM, kept. */
  raw: RawRow;
}

export type RetsDataType =
  | 'Boolean' | 'Character' | 'Date' | 'DateTime' | 'Time'
  | 'Tiny' | 'Small' | 'Int' | 'Long' | 'Decimal'
  | (string & {}); // vendors send others; keep them

export type RetsInterpretation =
  | '' | 'Number' | 'Currency' | 'Lookup' | 'LookupMulti' | 'LookupBitstring' | 'LookupBitmask' | 'URI'
  | (string & {});

export interface MetadataField {
  systemName: string;
  standardName: string;
  longName: string;
  dbName: string;
  shortName: string;
  dataType: RetsDataType;
  interpretation: RetsInterpretation;
  /** LOOKUP name for Lookup* interpretations, else "". */
  lookupName: string;
  maximumLength?: number;
  precision?: number;
  searchable: boolean;
  units: string;
  /** Max values a multi lookup accepts; undefined if not sent. */
  maxSelect?: number;
  required: boolean;
  editMaskId: string;
  searchHelpId: string;
  raw: RawRow;
  /** Set for metadata read from an OData `$metadata` (RESO Web API). */
  odata?: ODataFieldInfo;
}

export interface MetadataLookupValue {
  value: string;
  shortValue: string;
  longValue: string;
  raw: RawRow;
  /** Set for values from an OData EnumType member or a Lookup resource row. */
  odata?: ODataLookupValueInfo;
}

export interface MetadataLookup extends MetadataStamp {
  name: string;
  visibleName: string;
  values: MetadataLookupValue[];
  raw: RawRow;
}

export interface MetadataObjectType {
  objectType: string;
  mimeType: string;
  visibleName: string;
  description: string;
  raw: RawRow;
}

export interface MetadataSearchHelp { id: string; value: string; raw: RawRow }
export interface MetadataEditMask { id: string; value: string; raw: RawRow }

export interface MetadataUpdateType { systemName: string; raw: RawRow }
export interface MetadataUpdate extends MetadataStamp {
  name: string;
  description: string;
  keyField: string;
  types: MetadataUpdateType[];
  raw: RawRow;
}

export interface MetadataClass extends MetadataStamp {
  name: string;
  standardName: string;
  visibleName: string;
  description: string;
  /** Stamp of this class's METADATA-TABLE block, when loaded. */
  table?: MetadataStamp;
  fields: MetadataField[];
  updates: MetadataUpdate[];
  raw: RawRow;
}

export interface MetadataResource extends MetadataStamp {
  id: string;
  standardName: string;
  visibleName: string;
  description: string;
  keyField: string;
  classes: MetadataClass[];
  lookups: MetadataLookup[];
  objects: MetadataObjectType[];
  searchHelps: MetadataSearchHelp[];
  editMasks: MetadataEditMask[];
  raw: RawRow;
  /** Set when the resource is an OData entity set. */
  odata?: ODataResourceInfo;
}

/**
 * A metadata block exactly as received, for types the model does not assemble (FOREIGN_KEYS,
 * VALIDATION_*, 1.8 FILTER and COLUMN_GROUP_*, vendor extensions) and for faithful display.
 */
export interface MetadataTable {
  /** e.g. "METADATA-TABLE", upper-cased. */
  type: string;
  /** Attributes of the METADATA-* element (Resource, Class, Lookup, Version, Date…). */
  attributes: Record<string, string>;
  columns: string[];
  rows: RawRow[];
}

export interface RetsMetadata {
  system?: MetadataSystem;
  resources: MetadataResource[];
  /** Every block that was parsed, including ones folded into the tree above. */
  tables: MetadataTable[];
  /** Problems tolerated while parsing (vendor quirks), in plain words. */
  warnings: string[];
  /** Set when the metadata came from an OData `$metadata` (RESO Web API) rather than RETS. */
  odata?: ODataMetadataInfo;
}

export function findResource(md: RetsMetadata, id: string): MetadataResource | undefined {
  return md.resources.find((r) => r.id === id) ?? md.resources.find((r) => r.id.toLowerCase() === id.toLowerCase());
}

export function findClass(res: MetadataResource, name: string): MetadataClass | undefined {
  return res.classes.find((c) => c.name === name) ?? res.classes.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

export function findLookup(res: MetadataResource, name: string): MetadataLookup | undefined {
  return res.lookups.find((l) => l.name === name);
}

/** True for the Lookup* interpretations (single and multi). */
export function isLookupField(f: MetadataField): boolean {
  return f.interpretation.startsWith('Lookup') && f.lookupName !== '';
}

/** True where a field holds several lookup values at once. */
export function isMultiLookupField(f: MetadataField): boolean {
  return f.interpretation === 'LookupMulti' || f.interpretation === 'LookupBitstring' || f.interpretation === 'LookupBitmask';
}
