// The editor's placeholder: a query that works on the chosen class, built from its metadata
// (a lookup field with its first value, and a number field from 0 up), checked by the same
// validator as the editor so it never shows a query the editor would mark wrong.
import { formatCode, validate, type DmqlField, type DmqlSchema } from '../../../shared/dmql';

const STATUS = /status/i;

function lookupPart(schema: DmqlSchema): string | undefined {
  const usable = schema.fields.filter((f) => f.searchable && f.kind === 'lookup' && f.lookup?.values.length);
  const f = usable.find((x) => STATUS.test(x.systemName) || STATUS.test(x.standardName)) ?? usable[0];
  if (!f) return undefined;
  return `(${f.name}=|${formatCode(f.lookup!.values[0].value)})`;
}

function numberPart(schema: DmqlSchema): string | undefined {
  const nums = schema.fields.filter((f) => f.searchable && f.kind === 'number');
  const f: DmqlField | undefined = nums.find((x) => /price/i.test(x.systemName) || /price/i.test(x.standardName)) ?? nums[0];
  return f ? `(${f.name}=0+)` : undefined;
}

const clean = (q: string, schema: DmqlSchema) => validate(q, schema).length === 0;

/** A query for this class that the validator accepts, or undefined when none can be built. */
export function sampleQuery(schema: DmqlSchema | undefined): string | undefined {
  if (!schema) return undefined;
  const parts = [lookupPart(schema), numberPart(schema)].filter((p): p is string => !!p && clean(p, schema));
  if (!parts.length) return undefined;
  const both = parts.join(',');
  return clean(both, schema) ? both : parts[0];
}
