// Rows of an entity set as the Web API shows them: values in the service root's lookup style, a
// reusable view the $filter evaluator reads (getters, so only the properties a filter names are
// computed), and the JSON text of a row for the payload.
import type { Row } from '../../../shared/odata/filter';
import type { JsonValue, LookupStyle, WebProp, WebTable } from './entities';

export type ValueOf = (row: number) => JsonValue;

/** A property's value getter in a style: on the enum root, lookup values become member names. */
export function styledGetter(p: WebProp, style: LookupStyle): ValueOf {
  const get = p.get;
  if (style !== 'enum' || !p.lookup) return get;
  const memberOf = p.lookup.memberOf;
  if (p.collection) return (row) => (get(row) as string[]).map((v) => memberOf.get(v) ?? v);
  return (row) => { const v = get(row); return v === null ? null : memberOf.get(v as string) ?? v; };
}

/** A whole row as an object (for Media items inside a filter lambda). */
function rowObject(table: WebTable, getters: ValueOf[], row: number): Row {
  const o: Row = {};
  table.props.forEach((p, j) => { o[p.name] = getters[j](row); });
  return o;
}

/** One object whose properties read the current row: set `at(row)`, then evaluate. */
export function rowView(table: WebTable, style: LookupStyle): { view: Row; at(row: number): void } {
  let current = 0;
  const view: Row = {};
  for (const p of table.props) {
    const get = styledGetter(p, style);
    Object.defineProperty(view, p.name, { enumerable: true, get: () => get(current) });
  }
  const media = table.media;
  if (media) {
    const getters = media.table.props.map((p) => styledGetter(p, style));
    Object.defineProperty(view, 'Media', {
      enumerable: true,
      get: () => {
        const out: Row[] = [];
        for (let m = media.start(current); m < media.end(current); m++) out.push(rowObject(media.table, getters, m));
        return out;
      },
    });
  }
  return { view, at: (row) => { current = row; } };
}

/** Writes rows as JSON objects with the chosen properties, and the Media array when expanded. */
export function rowJson(table: WebTable, props: readonly WebProp[], style: LookupStyle, expandMedia: boolean): (row: number) => string {
  const names = props.map((p, j) => `${j === 0 ? '' : ','}${JSON.stringify(p.name)}:`);
  const getters = props.map((p) => styledGetter(p, style));
  const media = expandMedia ? table.media : undefined;
  const mediaRow = media ? rowJson(media.table, media.table.props, style, false) : undefined;
  return (row) => {
    let s = '{';
    for (let j = 0; j < getters.length; j++) s += names[j] + JSON.stringify(getters[j](row));
    if (media && mediaRow) {
      s += `${getters.length ? ',' : ''}"Media":[`;
      for (let m = media.start(row); m < media.end(row); m++) s += (m > media.start(row) ? ',' : '') + mediaRow(m);
      s += ']';
    }
    return s + '}';
  };
}
