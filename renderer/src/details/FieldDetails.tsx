// The selected field with every metadata column the server sent, and its lookup's values; or a
// lookup on its own; or an object type.
import type { MetadataLookup, RetsMetadata } from '../../../shared/rets/metadata/model';
import { findClass, findLookup, findResource } from '../../../shared/rets/metadata/model';
import type { Selection } from '../explorer/MetadataExplorer';

export function FieldDetails({ metadata, sel, onInsert }: { metadata: RetsMetadata; sel: Selection; onInsert(text: string): void }) {
  const res = findResource(metadata, sel.resource);
  if (!res) return null;
  if (sel.kind === 'lookup') {
    const lk = findLookup(res, sel.lookup);
    if (!lk) return null;
    const users = res.classes.flatMap((c) => c.fields.filter((f) => f.lookupName === lk.name).map((f) => ({ cls: c.name, field: f })));
    return (
      <div className="drawer" data-testid="lookup-details">
        <h3><span className="mono">{lk.name}</span><span className="muted small">{lk.visibleName}</span></h3>
        <div className="rw-used-by" data-testid="lookup-used-by">
          <span className="muted">Used by {users.length === 0 ? 'no field' : users.length === 1 ? '1 field' : `${users.length} fields`}{users.length ? ':' : ''}</span>
          {users.map((u) => (
            <span key={`${u.cls}.${u.field.systemName}`} className="tag" title={`${sel.resource} · ${u.cls} · ${u.field.longName}`}>
              <span className="mono">{u.field.systemName}</span> <span className="muted">{u.cls}</span>
            </span>
          ))}
        </div>
        <LookupValues lookup={lk} onInsert={onInsert} />
      </div>
    );
  }
  if (sel.kind === 'object') {
    const o = res.objects.find((x) => x.objectType === sel.objectType);
    return o ? <div className="drawer"><h3 className="mono">{o.objectType}</h3><RawColumns raw={o.raw} /></div> : null;
  }
  const cls = findClass(res, sel.cls);
  const f = cls?.fields.find((x) => x.systemName === sel.systemName);
  if (!f) return null;
  const lk = f.lookupName ? findLookup(res, f.lookupName) : undefined;
  return (
    <div className="drawer" data-testid="field-details">
      <h3><span className="mono">{f.systemName}</span><span className="muted small">{sel.resource} · {sel.cls}</span></h3>
      <dl className="kv">
        <dt>Long name</dt><dd style={{ fontFamily: 'var(--sans)' }}>{f.longName || '–'}</dd>
        <dt>Standard name</dt><dd>{f.standardName || '–'}</dd>
        <dt>Type</dt><dd>{f.dataType}{f.maximumLength ? `(${f.maximumLength}${f.precision ? `,${f.precision}` : ''})` : ''}{f.interpretation ? ` · ${f.interpretation}` : ''}{f.units ? ` · ${f.units}` : ''}</dd>
        <dt>Lookup</dt><dd>{f.lookupName || '–'}</dd>
        <dt>Searchable</dt><dd>{f.searchable ? 'yes' : 'no'}</dd>
      </dl>
      <div style={{ margin: '8px 0', display: 'flex', gap: 6 }}>
        <button className="btn" onClick={() => onInsert(f.systemName)}>Insert into query</button>
      </div>
      {lk && <><div className="section-h" style={{ margin: '6px -12px' }}>Lookup {lk.name} · {lk.values.length} values</div><LookupValues lookup={lk} onInsert={onInsert} /></>}
      <div className="section-h" style={{ margin: '6px -12px' }}>Every metadata column</div>
      <RawColumns raw={f.raw} />
    </div>
  );
}

function LookupValues({ lookup, onInsert }: { lookup: MetadataLookup; onInsert(text: string): void }) {
  return (
    <table className="lookup-table" data-testid="lookup-values">
      <thead><tr><th>Value</th><th>Long value</th><th>Short</th></tr></thead>
      <tbody>
        {lookup.values.slice(0, 2000).map((v) => (
          <tr key={v.value} onDoubleClick={() => onInsert(v.value)} title="Double-click: insert the value"><td>{v.value}</td><td>{v.longValue}</td><td className="muted">{v.shortValue}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

export function RawColumns({ raw }: { raw: Record<string, string> }) {
  return (
    <dl className="kv">
      {Object.entries(raw).map(([k, v]) => [<dt key={`k${k}`} title={k}>{k}</dt>, <dd key={`v${k}`}>{v === '' ? <span className="muted">–</span> : v}</dd>])}
    </dl>
  );
}
