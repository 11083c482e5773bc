// The system query options of a collection request, read and checked: each mistake is a 400 OData
// error naming the option and what to write instead.
import { WebApiError } from './errors';
import type { WebProp, WebTable } from './entities';

export interface OrderItem { prop: WebProp; desc: boolean }

export interface QueryOptions {
  filter?: string;
  select?: WebProp[];
  orderby: OrderItem[];
  top?: number;
  skip: number;
  count: boolean;
  expandMedia: boolean;
  /** Offset into the result window, from a nextLink. */
  skiptoken: number;
  /** The options as sent, minus $skiptoken, for building nextLinks. */
  passThrough: [string, string][];
}

const KNOWN = new Set(['$filter', '$select', '$orderby', '$top', '$skip', '$count', '$expand', '$skiptoken', '$format']);

function whole(name: string, v: string): number {
  if (!/^\d{1,9}$/.test(v)) throw new WebApiError(400, 'InvalidQueryOption', `${name} must be a whole number, got "${v}".`, name);
  return Number(v);
}

function propNamed(table: WebTable, name: string, option: string): WebProp {
  const p = table.props.find((x) => x.name === name);
  if (p) return p;
  const other = table.props.find((x) => x.name.toLowerCase() === name.toLowerCase());
  const hint = other ? ` Names are case-sensitive: did you mean ${other.name}?` : ` See $metadata for the ${table.entitySet} properties.`;
  throw new WebApiError(400, 'InvalidProperty', `Could not find a property named '${name}' on type ${table.typeName} in ${option}.${hint}`, option);
}

export function skiptokenOf(offset: number): string {
  return `p${offset.toString(36)}`;
}

function readSkiptoken(v: string): number {
  if (!/^p[0-9a-z]{1,8}$/.test(v)) throw new WebApiError(400, 'InvalidSkipToken', 'The $skiptoken is not one this server issued: follow @odata.nextLink exactly as given.', '$skiptoken');
  return parseInt(v.slice(1), 36);
}

export function readQueryOptions(params: URLSearchParams, table: WebTable): QueryOptions {
  const o: QueryOptions = { orderby: [], skip: 0, count: false, expandMedia: false, skiptoken: 0, passThrough: [] };
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (!name.startsWith('$')) continue;
    if (!KNOWN.has(name)) {
      throw new WebApiError(400, 'InvalidQueryOption', `Unknown system query option ${name}; this service supports ${[...KNOWN].join(', ')} (names are case-sensitive).`, name);
    }
    if (seen.has(name)) throw new WebApiError(400, 'InvalidQueryOption', `${name} is given twice.`, name);
    seen.add(name);
    if (name !== '$skiptoken') o.passThrough.push([name, value]);
    switch (name) {
      case '$filter': o.filter = value; break;
      case '$top': o.top = whole(name, value); break;
      case '$skip': o.skip = whole(name, value); break;
      case '$skiptoken': o.skiptoken = readSkiptoken(value); break;
      case '$count':
        if (value !== 'true' && value !== 'false') throw new WebApiError(400, 'InvalidQueryOption', `$count must be true or false, got "${value}".`, name);
        o.count = value === 'true';
        break;
      case '$format':
        if (!['json', 'application/json'].includes(value.split(';')[0].trim())) throw new WebApiError(400, 'InvalidQueryOption', `$format ${value} is not supported: this service answers JSON.`, name);
        break;
      case '$select':
        o.select = value.split(',').map((s) => s.trim()).filter((s) => s !== '' && s !== '*').map((s) => propNamed(table, s, name));
        if (o.select.length === 0) delete o.select;
        break;
      case '$orderby':
        for (const item of value.split(',')) {
          const [field, dir, extra] = item.trim().split(/\s+/);
          if (!field || extra !== undefined || (dir !== undefined && dir !== 'asc' && dir !== 'desc')) {
            throw new WebApiError(400, 'InvalidQueryOption', `$orderby item "${item.trim()}" is not "Name", "Name asc" or "Name desc".`, name);
          }
          const prop = propNamed(table, field, name);
          if (prop.collection) throw new WebApiError(400, 'InvalidQueryOption', `$orderby cannot sort by ${prop.name}: it is a collection.`, name);
          o.orderby.push({ prop, desc: dir === 'desc' });
        }
        break;
      case '$expand':
        for (const item of value.split(',').map((s) => s.trim())) {
          if (item === 'Media' && table.media) { o.expandMedia = true; continue; }
          const why = item.startsWith('Media(') ? 'options inside $expand are not supported here' : `${table.typeName} has ${table.media ? 'only the navigation property Media' : 'no navigation properties'}`;
          throw new WebApiError(400, 'InvalidQueryOption', `Cannot expand "${item}": ${why}.`, name);
        }
        break;
    }
  }
  return o;
}
