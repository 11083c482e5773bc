// A Web API tab's placeholder: a $filter that works on the chosen entity set, built from its
// schema (a status lookup or enum with its first value, a price or other number above 0), checked
// by the same validator as the editor so it never shows a filter the editor would mark wrong.
import { quote, validateFilter, type FilterField, type FilterSchema } from '../../../shared/odata/filter';

const STATUS = /status/i;
const PRICE = /price/i;

const clean = (q: string, schema: FilterSchema) => validateFilter(q, schema).length === 0;

function choicePart(schema: FilterSchema): string | undefined {
  const usable = schema.root.fields.filter((f) => !f.collection && !f.navigation && (f.lookup?.values.length || f.enumType?.members.length));
  const f: FilterField | undefined = usable.find((x) => STATUS.test(x.name)) ?? usable[0];
  if (!f) return undefined;
  if (f.lookup) return `${f.name} eq ${quote(f.lookup.values[0]!.value)}`;
  const member = f.enumType!.members[0]!.name;
  // 4.01 takes the bare member; 4.0 wants it qualified by its enum type.
  return [`${f.name} eq ${quote(member)}`, `${f.name} eq ${f.enumType!.name}${quote(member)}`].find((q) => clean(q, schema));
}

function numberPart(schema: FilterSchema): string | undefined {
  const nums = schema.root.fields.filter((f) => !f.collection && !f.navigation && (f.kind === 'int' || f.kind === 'decimal' || f.kind === 'double'));
  const f = nums.find((x) => PRICE.test(x.name)) ?? nums[0];
  return f ? `${f.name} gt 0` : undefined;
}

/** A $filter for this entity set that the validator accepts, or undefined when none can be built. */
export function sampleFilter(schema: FilterSchema | undefined): string | undefined {
  if (!schema) return undefined;
  const parts = [choicePart(schema), numberPart(schema)].filter((p): p is string => !!p && clean(p, schema));
  if (!parts.length) return undefined;
  const both = parts.join(' and ');
  return clean(both, schema) ? both : parts[0];
}
