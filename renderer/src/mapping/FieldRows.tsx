// The proposals, one row per server field: target (editable), reason, confidence, why, and
// confirm / reject; a lookup field's row opens its values (MLS code -> target value).
import { Fragment, useState } from 'react';
import type { FieldMapping, MappingFile } from '../../../shared/contract';
import { decideField, decideValue, editTarget, entryKey } from './decisions';

/** More rows than this are not drawn: the filter narrows them. */
const ROW_LIMIT = 600;

const REASON_LABEL: Record<string, string> = {
  'standard-name': 'StandardName', 'same-name': 'same name', synonym: 'synonym', 'long-name': 'long name',
  'similar-name': 'similar name', 'lookup-values': 'lookup values', user: 'yours', none: '—',
  'same-value': 'same value', 'display-name': 'display name', 'short-value': 'short value',
};

function Confidence({ value }: { value: number }) {
  return <span className="num" title={`confidence ${Math.round(value * 100)}%`}><span className="map-conf"><span style={{ width: `${Math.round(value * 100)}%` }} /></span>{Math.round(value * 100)}%</span>;
}

function Values({ m, f, onChange }: { m: MappingFile; f: FieldMapping; onChange(m: MappingFile): void }) {
  const key = entryKey(f);
  return (
    <tr className="map-values" data-testid="mapping-values"><td colSpan={7}>
      <table>
        <colgroup><col style={{ width: 70 }} /><col style={{ width: '30%' }} /><col style={{ width: 24 }} /><col style={{ width: '30%' }} /><col style={{ width: 104 }} /><col style={{ width: 92 }} /></colgroup>
        <tbody>
        {f.values!.map((v) => (
          <tr key={v.code} data-status={v.status}>
            <td className="mono">{v.code}</td><td>{v.longValue}</td><td>→</td>
            <td><input className="map-target" aria-label={`Target value for ${v.code}`} defaultValue={v.target ?? ''} onBlur={(e) => { if (e.target.value !== (v.target ?? '')) onChange(decideValue(m, key, v.code, { target: e.target.value })); }} /></td>
            <td><span className="map-reason">{REASON_LABEL[v.reason]}</span></td>
            <td><Confidence value={v.confidence} /></td>
          </tr>
        ))}
        </tbody>
      </table>
    </td></tr>
  );
}

export function FieldRows({ m, rows, onChange }: { m: MappingFile; rows: FieldMapping[]; onChange(m: MappingFile): void }) {
  const [open, setOpen] = useState<string | null>(null);
  const shown = rows.slice(0, ROW_LIMIT);
  return (
    <>
      <table className="map-table" data-testid="mapping-fields">
        <colgroup><col style={{ width: '20%' }} /><col style={{ width: '20%' }} /><col style={{ width: 104 }} /><col style={{ width: 92 }} /><col /><col style={{ width: 56 }} /><col style={{ width: 70 }} /></colgroup>
        <thead><tr><th>Field</th><th>Target</th><th>Reason</th><th>Confidence</th><th>Why</th><th>Values</th><th /></tr></thead>
        <tbody>
          {shown.map((f) => {
            const key = entryKey(f);
            const options = m.target.fields[f.targetResource] ?? [];
            return (
              <Fragment key={key}>
                <tr data-testid="mapping-row" data-field={key} data-status={f.status}>
                  <td><div className="mono">{f.resource}.<wbr />{f.field}</div>{f.longName && <div className="muted small">{f.longName}</div>}</td>
                  <td>
                    <input className="map-target" list={`map-targets-${f.targetResource}`} aria-label={`Target for ${key}`} title={f.target ?? undefined} defaultValue={f.target ?? ''} key={`${f.target}-${f.status}`}
                      onBlur={(e) => { if (e.target.value !== (f.target ?? '')) onChange(editTarget(m, key, e.target.value)); }} />
                    {options.length === 0 && <div className="muted small">no such resource in the target</div>}
                  </td>
                  <td><span className="map-reason">{REASON_LABEL[f.reason]}</span>{f.status !== 'proposed' && <div className="small muted">{f.status}</div>}</td>
                  <td>{f.target !== null && <Confidence value={f.confidence} />}</td>
                  <td className="map-why">{f.why}</td>
                  <td>{f.values && <button className="btn ghost" onClick={() => setOpen(open === key ? null : key)} aria-expanded={open === key}>{f.values.filter((v) => v.target !== null).length}/{f.values.length}</button>}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    <button className="btn icon" title="Confirm" aria-label={`Confirm ${key}`} disabled={f.target === null || f.status === 'confirmed'} onClick={() => onChange(decideField(m, key, 'confirmed'))}>✓</button>{' '}
                    <button className="btn icon danger" title="Reject" aria-label={`Reject ${key}`} disabled={f.status === 'rejected'} onClick={() => onChange(decideField(m, key, 'rejected'))}>✕</button>
                  </td>
                </tr>
                {open === key && f.values && <Values m={m} f={f} onChange={onChange} />}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {Object.entries(m.target.fields).map(([r, names]) => <datalist key={r} id={`map-targets-${r}`}>{names.map((n) => <option key={n} value={n} />)}</datalist>)}
      {rows.length > ROW_LIMIT && <div className="teach">Showing {ROW_LIMIT} of {rows.length.toLocaleString()} fields: type in the filter to narrow them.</div>}
    </>
  );
}
