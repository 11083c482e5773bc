// Small helpers shared by the XML and JSON CSDL readers: type strings and numeric facets.

export interface TypeRef { elementType: string; collection: boolean }

/** "Collection(X)" -> { X, true }; anything else -> { itself, false }. */
export function splitCollection(type: string): TypeRef {
  const t = type.trim();
  if (t.startsWith('Collection(') && t.endsWith(')')) return { elementType: t.slice(11, -1).trim(), collection: true };
  return { elementType: t, collection: false };
}

/** "true"/"false" (any case) -> boolean; undefined otherwise. */
export function parseBool(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  const l = v.trim().toLowerCase();
  return l === 'true' ? true : l === 'false' ? false : undefined;
}

/** A non-negative integer facet; `warn` hears about text that is not one. */
export function parseFacetInt(v: string | undefined, what: string, warn: (m: string) => void): number | undefined {
  if (v === undefined || v === '') return undefined;
  const t = v.trim();
  if (/^\d{1,15}$/.test(t)) return Number(t);
  warn(`${what} "${v.slice(0, 40)}" is not a whole number: ignored`);
  return undefined;
}

export function parseMaxLength(v: string | undefined, what: string, warn: (m: string) => void): number | 'max' | undefined {
  if (v !== undefined && v.trim().toLowerCase() === 'max') return 'max';
  return parseFacetInt(v, what, warn);
}

export function parseScale(v: string | undefined, what: string, warn: (m: string) => void): number | 'variable' | 'floating' | undefined {
  if (v !== undefined) {
    const l = v.trim().toLowerCase();
    if (l === 'variable' || l === 'floating') return l;
  }
  return parseFacetInt(v, what, warn);
}

/** The attribute names that carry an annotation's constant (or path) value. */
export const ANNOTATION_VALUE_ATTRS = [
  'String', 'Bool', 'Int', 'Float', 'Decimal', 'Date', 'DateTimeOffset', 'TimeOfDay', 'Duration', 'Guid', 'Binary',
  'EnumMember', 'Path', 'PropertyPath', 'NavigationPropertyPath', 'AnnotationPath', 'ModelElementPath', 'UrlRef',
] as const;
