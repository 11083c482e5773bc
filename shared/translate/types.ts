// What a translation between DMQL2 and OData $filter needs from a mapping, and what it answers.
// The mapping always reads RETS -> Web API (source = the RETS side); the reverse translation
// inverts it. A full per-connection mapping (shared/mapping) can be reduced to this shape.
import type { SourceRange } from '../dmql/ast';

/** One RETS field and the Web API property it corresponds to. */
export interface FieldMap {
  /** The RETS SystemName. */
  source: string;
  /** The Web API property name. */
  target: string;
  /** RETS lookup code -> the Web API value (LookupValue, or the enum member name on an EnumType). */
  values?: Record<string, string>;
}

/** The Web API property that tells the RETS classes apart (PropertyType on RESO servers). */
export interface ClassMap {
  field: string;
  /** RETS class name -> the value of `field` its records carry. */
  values: Record<string, string>;
}

export interface TranslationMapping {
  /** RETS resource and the Web API entity set it corresponds to. */
  resource: string;
  entitySet: string;
  fields: FieldMap[];
  classField?: ClassMap;
  /** How a mapping proposed without a mapping file paired things, for the notes. */
  assumptions?: string[];
}

export type NoteSeverity = 'error' | 'warning' | 'info';

/**
 * Something the reader of a translation must know. `error`: part of the source could not be
 * expressed and is missing from the result (the result is then incomplete); `warning`: translated,
 * but the two sides may not return exactly the same records; `info`: how something was expressed.
 */
export interface TranslationNote {
  severity: NoteSeverity;
  code: string;
  message: string;
  /** Where in the source query (offsets, end exclusive); absent for notes on the whole query. */
  range?: SourceRange;
}

export interface TranslationResult {
  /** The translated query: a $filter, or a DMQL2 query. Empty when nothing could be translated. */
  text: string;
  /** False when an `error` note says a part is missing. */
  complete: boolean;
  notes: TranslationNote[];
}

export interface ODataToDmqlResult extends TranslationResult {
  resource: string;
  /** The RETS class the filter selects (from the class field), when one could be told. */
  className?: string;
}
