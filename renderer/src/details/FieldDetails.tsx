// The selected field with every metadata column the server sent, and its lookup's values; or a
// lookup on its own; or an object type. A Web API field shows its CSDL facts (Edm type, facets,
// nullability, key, annotations); its Lookup-resource values are read when it is shown.
import type { MetadataField, MetadataLookup, MetadataResource, RetsMetadata } from '../../../shared/rets/metadata/model';
import { findClass, findLookup, findResource } from '../../../shared/rets/metadata/model';
import type { Selection } from '../explorer/MetadataExplorer';
import { useLookupValues } from '../explorer/useLazyLookups';
import { edmLabel } from '../explorer/TreeRow';

interface Props { metadata: RetsMetadata; profileId?: string; sel: Selection; onInsert(text: string): void }

/** The lookup by name: in the metadata, or (a Web API's Lookup resource) read now. */
function useLookup(res: MetadataResource | undefined, name: string, profileId: string | undefined) {
  const inMetadata = res && name ? findLookup(res, name) : undefined;
  const lazy = !inMetadata && !!res?.odata && !!name;
  const q = useLookupValues(profileId, name, lazy);
  return { lookup: inMetadata ?? q.data, lazy, loading: q.isFetching, error: q.error };
}

export function FieldDetails(props: Props) {
  const { metadata, sel } = props;
  const res = findResource(metadata, sel.resource);
  const field = res && sel.kind === 'field' ? findClass(res, sel.cls)?.fields.find((x) => x.systemName === sel.systemName) : undefined;
  const name = sel.kind === 'lookup' ? sel.lookup : field?.lookupName ?? '';
  const lookup = useLookup(res, name, props.profileId);
  if (!res) return null;
  if (sel.kind === 'field' && field?.odata) return <ODataFieldDetails res={res} f={field} lookup={lookup} onInsert={props.onInsert} online={!!props.profileId} />;
  return <RetsDetails {...props} res={res} lookup={lookup} />;
}

type LookupRead = ReturnType<typeof useLookup>;

function RetsDetails({ sel, res, lookup, onInsert, profileId }: Props & { res: MetadataResource; lookup: LookupRead }) {
  if (sel.kind === 'lookup') {
    const lk = lookup.lookup;
    if (!lk) return lookup.lazy ? <div className="drawer" data-testid="lookup-details"><h3 className="mono">{sel.lookup}</h3><LookupStatus read={lookup} online={!!profileId} /></div> : null;
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
        <dt>Searchable</dt><dd>{yesNo(f.searchable)}</dd>
      </dl>
      <InsertField name={f.systemName} onInsert={onInsert} />
      {lk && <><div className="section-h" style={{ margin: '6px -12px' }}>Lookup {lk.name} · {lk.values.length} values</div><LookupValues lookup={lk} onInsert={onInsert} /></>}
      <div className="section-h" style={{ margin: '6px -12px' }}>Every metadata column</div>
      <RawColumns raw={f.raw} />
    </div>
  );
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

function InsertField({ name, onInsert }: { name: string; onInsert(text: string): void }) {
  return (
    <div style={{ margin: '8px 0', display: 'flex', gap: 6 }}>
      <button className="btn" onClick={() => onInsert(name)}>Insert into query</button>
    </div>
  );
}

/** Whether the field is the key, and the id beside it that people search by (ListingKey, ListingId). */
function keyText(res: MetadataResource, f: MetadataField): string {
  const o = res.odata;
  if (!o) return 'no';
  if (f.odata?.key) return `yes${o.key.length > 1 ? ` (one of ${o.key.join(', ')})` : ''}${o.idField ? ` · records are addressed by it; people search by ${o.idField}` : ''}`;
  return o.idField === f.systemName ? `no: the id people search by (the key is ${o.key.join(', ')})` : 'no';
}

function ODataFieldDetails({ res, f, lookup, onInsert, online }: { res: MetadataResource; f: MetadataField; lookup: LookupRead; onInsert(text: string): void; online: boolean }) {
  const o = f.odata!;
  const lk = lookup.lookup;
  return (
    <div className="drawer" data-testid="field-details">
      <h3><span className="mono">{f.systemName}</span>{o.key && <span className="tag key" data-testid="field-key">key</span>}<span className="muted small">{res.id} · {res.odata?.entityType}</span></h3>
      <dl className="kv">
        <dt>Display name</dt><dd style={{ fontFamily: 'var(--sans)' }}>{f.longName || '–'}</dd>
        <dt>Standard name</dt><dd>{f.standardName || '–'}</dd>
        <dt>Edm type</dt><dd data-testid="field-edm-type">{edmLabel(f)}</dd>
        <dt>MaxLength</dt><dd>{o.maxLength ?? '–'}</dd>
        {(o.precision !== undefined || o.scale !== undefined) && <><dt>Precision, scale</dt><dd>{o.precision ?? '–'}, {o.scale ?? '–'}</dd></>}
        <dt>Nullable</dt><dd>{yesNo(o.nullable)}</dd>
        <dt>Key</dt><dd>{keyText(res, f)}</dd>
        <dt>Lookup</dt><dd>{f.lookupName ? `${f.lookupName} · ${o.lookupStyle === 'enum' ? `enum ${o.enumType ?? ''}` : 'Lookup resource'}${o.collection ? ' · several values' : ''}` : '–'}</dd>
        {o.defaultValue !== undefined && <><dt>Default</dt><dd>{o.defaultValue}</dd></>}
      </dl>
      <InsertField name={f.systemName} onInsert={onInsert} />
      {o.annotations.length > 0 && (
        <>
          <div className="section-h" style={{ margin: '6px -12px' }}>Annotations · {o.annotations.length}</div>
          <dl className="kv" data-testid="field-annotations">
            {o.annotations.map((a, i) => [
              <dt key={`t${i}`} title={a.term}>{a.term.slice(a.term.lastIndexOf('.') + 1)}{a.qualifier ? `#${a.qualifier}` : ''}</dt>,
              <dd key={`v${i}`} title={a.term}>{a.value ?? a.raw ?? ''}</dd>,
            ])}
          </dl>
        </>
      )}
      {f.lookupName && (
        <>
          <div className="section-h" style={{ margin: '6px -12px' }}>Lookup {f.lookupName}{lk ? ` · ${lk.values.length} values` : ''}</div>
          {lk ? <LookupValues lookup={lk} onInsert={onInsert} /> : <LookupStatus read={lookup} online={online} />}
        </>
      )}
      <div className="section-h" style={{ margin: '6px -12px' }}>Every attribute</div>
      <RawColumns raw={f.raw} />
    </div>
  );
}

function LookupStatus({ read, online }: { read: LookupRead; online: boolean }) {
  if (!online) return <div className="teach" data-testid="lookup-status">Values live in the server’s Lookup resource: connect to read them (a saved $metadata does not hold them).</div>;
  if (read.error) return <div className="teach danger" data-testid="lookup-status">Could not read the values: {read.error.message}</div>;
  return <div className="teach" data-testid="lookup-status">Reading the values from the Lookup resource…</div>;
}

function LookupValues({ lookup, onInsert }: { lookup: MetadataLookup; onInsert(text: string): void }) {
  // A Web API's values: the value, its standard or display form, and the Lookup row's key or the enum member's value.
  const odata = lookup.values.some((v) => v.odata);
  return (
    <table className="lookup-table" data-testid="lookup-values">
      <thead><tr>{odata ? <><th>Value</th><th>Standard / display</th><th>Key</th></> : <><th>Value</th><th>Long value</th><th>Short</th></>}</tr></thead>
      <tbody>
        {lookup.values.slice(0, 2000).map((v, i) => (
          <tr key={`${i}:${v.value}`} onDoubleClick={() => onInsert(v.value)} title="Double-click: insert the value">
            <td>{v.value}</td>
            {odata
              ? <><td>{v.longValue !== v.value ? v.longValue : v.odata?.standardLookupValue ?? ''}</td><td className="muted mono">{v.odata?.memberValue ?? ''}</td></>
              : <><td>{v.longValue}</td><td className="muted">{v.shortValue}</td></>}
          </tr>
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
