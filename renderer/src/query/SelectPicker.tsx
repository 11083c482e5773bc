// The Select picker: which fields to return (none ticked = all), searchable.
import { useState } from 'react';
import type { MetadataField } from '../../../shared/rets/metadata/model';

interface Props { fields: MetadataField[]; value: string[]; onChange(v: string[]): void }

export function SelectPicker({ fields, value, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const chosen = new Set(value);
  const shown = fields.filter((f) => !q || `${f.systemName} ${f.longName} ${f.standardName}`.toLowerCase().includes(q.toLowerCase()));
  return (
    <span style={{ position: 'relative' }}>
      <button className="btn" onClick={() => setOpen((o) => !o)} data-testid="select-picker" title="Fields to return (Select)">
        {value.length ? `${value.length} field${value.length === 1 ? '' : 's'}` : 'All fields'} ▾
      </button>
      {open && (
        <div className="colmenu" style={{ left: 0, right: 'auto', top: 28, width: 320 }} onMouseLeave={() => setOpen(false)}>
          <input className="input" style={{ width: '100%', marginBottom: 6 }} placeholder="Filter fields" value={q} onChange={(e) => setQ(e.target.value)} autoFocus />
          <div style={{ display: 'flex', gap: 6, marginBottom: 4 }}>
            <button className="btn" onClick={() => onChange([])}>All fields</button>
            <button className="btn" onClick={() => onChange(fields.slice(0, 12).map((f) => f.systemName))}>First 12</button>
          </div>
          {shown.slice(0, 400).map((f) => (
            <label key={f.systemName} title={f.longName}>
              <input type="checkbox" checked={chosen.has(f.systemName)} onChange={() => onChange(chosen.has(f.systemName) ? value.filter((v) => v !== f.systemName) : [...value, f.systemName])} />
              {f.systemName}<span className="muted" style={{ fontFamily: 'var(--sans)' }}>{f.longName}</span>
            </label>
          ))}
        </div>
      )}
    </span>
  );
}
