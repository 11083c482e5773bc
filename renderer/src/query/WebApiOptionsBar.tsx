// A Web API tab's options beyond $filter and $select: $orderby (fields with their direction, in
// order), $expand (the entity set's navigation properties, e.g. Media), $count; and under them the
// exact URL the search asks first, copyable.
import type { MetadataField } from '../../../shared/rets/metadata/model';
import type { OrderItem, WebApiOptions } from '../state/tabs';

interface Props {
  value: WebApiOptions;
  fields: MetadataField[];
  /** Navigation property names of the entity set. */
  navigation: string[];
  onChange(patch: Partial<WebApiOptions>): void;
}

export function WebApiOptionsBar({ value, fields, navigation, onChange }: Props) {
  const setOrder = (i: number, patch: Partial<OrderItem>) => onChange({ orderby: value.orderby.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  const unused = fields.find((f) => !value.orderby.some((o) => o.field === f.systemName));
  return (
    <div className="querybar rw-odata-bar" data-testid="odata-options">
      <span className="lbl" title="Sort order: the first field sorts first">$orderby</span>
      {value.orderby.map((o, i) => (
        <span key={i} className="rw-order-item" data-testid="orderby-item">
          <select className="input" value={o.field} aria-label={`$orderby field ${i + 1}`} onChange={(e) => setOrder(i, { field: e.target.value })}>
            {!fields.some((f) => f.systemName === o.field) && <option value={o.field}>{o.field}</option>}
            {fields.map((f) => <option key={f.systemName} value={f.systemName}>{f.systemName}</option>)}
          </select>
          <button className="btn small" onClick={() => setOrder(i, { desc: !o.desc })} aria-label={`Direction of ${o.field}`} data-testid="orderby-dir"
            title={o.desc ? 'Descending: click for ascending' : 'Ascending: click for descending'}>{o.desc ? 'desc ↓' : 'asc ↑'}</button>
          <button className="btn ghost small" onClick={() => onChange({ orderby: value.orderby.filter((_, j) => j !== i) })} aria-label={`Remove ${o.field} from $orderby`}>×</button>
        </span>
      ))}
      <button className="btn ghost small" disabled={!unused} onClick={() => unused && onChange({ orderby: [...value.orderby, { field: unused.systemName, desc: false }] })}
        data-testid="orderby-add" title="Sort by one more field">+ field</button>
      <span className="lbl" title="Navigation properties to return with each record">$expand</span>
      {navigation.length === 0 && <span className="muted small">none</span>}
      {navigation.map((n) => (
        <label key={n} className="check lbl">
          <input type="checkbox" checked={value.expand.includes(n)} data-testid={`expand-${n}`}
            onChange={(e) => onChange({ expand: e.target.checked ? [...value.expand, n] : value.expand.filter((x) => x !== n) })} />{n}
        </label>
      ))}
      <label className="check lbl" title="$count=true: the server says how many records match">
        <input type="checkbox" checked={value.count} onChange={(e) => onChange({ count: e.target.checked })} data-testid="odata-count" />$count
      </label>
    </div>
  );
}

export function RequestUrl({ url, onCopy }: { url: string; onCopy(): void }) {
  return (
    <div className="rw-odata-url" data-testid="odata-url-line">
      <span className="lbl">GET</span>
      <code className="mono" data-testid="odata-url" title={url}>{url}</code>
      <button className="btn small" onClick={onCopy} data-testid="copy-url" title="Copy the URL the search will ask first">Copy URL</button>
    </div>
  );
}
