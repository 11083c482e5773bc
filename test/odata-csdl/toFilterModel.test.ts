// From a parsed $metadata (and the Lookup resource's rows) to the $filter language's schema: the
// validator then knows names, types, enums and lookup values as the server declared them.
import { describe, expect, it } from 'vitest';
import { csdlToFilterInput } from '../../shared/odata/csdl/toFilterModel';
import { lookupsFromRows, parseCsdl } from '../../shared/odata/csdl';
import { buildFilterSchema, compileFilter, parseFilter, validateFilter } from '../../shared/odata/filter';
import { LOOKUP_ROWS_JSON, RESO_CSDL } from './fixtures';

const doc = parseCsdl(RESO_CSDL);
const lookups = lookupsFromRows((JSON.parse(LOOKUP_ROWS_JSON) as { value: Record<string, unknown>[] }).value);

describe('csdlToFilterInput', () => {
  const input = csdlToFilterInput(doc, lookups);
  const schema = buildFilterSchema(input, 'Property');
  const errors = (f: string) => validateFilter(f, schema).filter((d) => d.severity === 'error').map((d) => d.message);

  it('resolves aliases, keeps facets the validator checks and drops "max" and "variable"', () => {
    expect(input.version).toBe('4.0');
    expect(input.entitySets.find((e) => e.name === 'Property')?.entityType).toBe('org.reso.metadata.Property');
    const property = input.entityTypes.find((t) => t.name === 'org.reso.metadata.Property')!;
    const byName = new Map(property.properties.map((p) => [p.name, p]));
    expect(byName.get('Appliances')?.type).toBe('Collection(org.reso.metadata.enums.Appliances)');
    expect(byName.get('ListPrice')).toMatchObject({ precision: 14, scale: 2, displayName: 'List Price' });
    expect(byName.get('ListPrice')?.description).toContain('seller & the seller');
    expect(byName.get('PublicRemarks')?.maxLength).toBeUndefined();
    expect(byName.get('Latitude')?.scale).toBeUndefined();
    expect(byName.get('MlsStatus')?.lookupName).toBe('MlsStatus');
    expect(input.lookups?.MlsStatus?.map((v) => v.value)).toEqual(['Active', 'Back On Market']);
  });

  it('lets the validator check names, enums and lookup values against the server', () => {
    expect(errors("ListPrice gt 100000 and MlsStatus eq 'Back On Market'")).toEqual([]);
    expect(errors("StandardStatus eq org.reso.metadata.enums.StandardStatus'Active'")).toEqual([]);
    expect(errors('Listprice gt 1').join(' ')).toMatch(/ListPrice/);
    expect(errors("MlsStatus eq 'Bak On Market'").length).toBeGreaterThan(0);
  });

  it('compiles to a predicate over rows', () => {
    const ast = parseFilter("ListPrice ge 200000 and MlsStatus eq 'Active'").ast!;
    const keep = compileFilter(ast, { schema });
    expect(keep({ ListPrice: 250000, MlsStatus: 'Active' })).toBe(true);
    expect(keep({ ListPrice: 150000, MlsStatus: 'Active' })).toBe(false);
  });
});
