// One service root: its metadata in both forms, and the $filter schema read back from the CSDL it
// publishes (through the shared CSDL parser and adapter, with the Lookup rows for string lookups),
// so the server checks filters against exactly what clients see.
import { csdlToFilterInput, lookupsFromRows, parseCsdl, type LookupRow } from '../../../shared/odata/csdl';
import { buildFilterModel, filterSchema, type FilterModel, type FilterSchema } from '../../../shared/odata/filter';
import { csdlJson, csdlXml, ODATA_VERSION } from './csdl';
import type { LookupStyle, WebModel, WebTable } from './entities';

export const SERVICE_PATHS: Record<LookupStyle, string> = { lookup: '/reso/odata', enum: '/reso/odata-enum' };
export const TOKEN_PATH = '/reso/oauth2/token';

export interface WebService {
  style: LookupStyle;
  path: string;
  version: '4.0' | '4.01';
  model: WebModel;
  xml: string;
  json: string;
  filterModel: FilterModel;
  schemas: Map<string, FilterSchema>;
  /** Matching rows in order of the last few queries, by entity set and options: each nextLink then costs one page, not a new scan. */
  results: Map<string, number[]>;
}

function lookupRows(table: WebTable): LookupRow[] {
  const rows: LookupRow[] = [];
  for (let r = 0; r < table.count; r++) {
    const row: LookupRow = {};
    for (const p of table.props) row[p.name] = p.get(r);
    rows.push(row);
  }
  return rows;
}

export function buildService(model: WebModel, style: LookupStyle): WebService {
  const xml = csdlXml(model, style);
  const lookupTable = model.tables.find((t) => t.entitySet === 'Lookup')!;
  const lookups = style === 'lookup' ? lookupsFromRows(lookupRows(lookupTable)) : undefined;
  const filterModel = buildFilterModel(csdlToFilterInput(parseCsdl(xml), lookups));
  const schemas = new Map(model.tables.map((t) => [t.entitySet, filterSchema(filterModel, t.entitySet)]));
  return { style, path: SERVICE_PATHS[style], version: ODATA_VERSION[style], model, xml, json: csdlJson(model, style), filterModel, schemas, results: new Map() };
}
