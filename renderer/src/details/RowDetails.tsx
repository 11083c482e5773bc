// The selected result row: every column with its SystemName and LongName, a lookup's code
// beside its decoded value, and a Web API nested value (expanded Media, a collection) as a structure.
// "Standard names" shows the row as the mapping reads it: each field's target name (the RESO Data
// Dictionary's, by the profile's mapping; else the metadata's StandardName) and mapped lookup values.
import { useState } from 'react';
import type { MappingFile } from '../../../shared/mapping/types';
import { headerFor, mappedValue } from '../../../shared/mapping/use';
import type { MetadataClass } from '../../../shared/rets/metadata/model';
import type { Decoders } from '../../../shared/metadata/lookupDecoder';
import { isNestedColumn } from '../../../shared/metadata/nestedDecoders';
import { NestedValue } from './NestedValue';

interface Props { index: number; columns: string[]; row: string[]; cls?: MetadataClass; decoders: Decoders; resource?: string; mapping?: MappingFile | null }

export function RowDetails({ index, columns, row, cls, decoders, resource, mapping }: Props) {
  const [standard, setStandard] = useState(false);
  const standardOf = new Map((cls?.fields ?? []).filter((f) => f.standardName).map((f) => [f.systemName, f.standardName!]));
  const nameOf = (c: string) => {
    const mapped = mapping ? headerFor(mapping, c, resource) : c;
    return mapped !== c ? mapped : standardOf.get(c) ?? c;
  };
  // Columns are SystemNames, or StandardNames when the search asked with StandardNames=1.
  const names = new Map<string, string>();
  for (const f of cls?.fields ?? []) {
    if (f.longName) { names.set(f.systemName, f.longName); if (f.standardName && !names.has(f.standardName)) names.set(f.standardName, f.longName); }
  }
  return (
    <div className="drawer" data-testid="row-details">
      <h3>Row {index + 1}
        <label className="rw-std-toggle" title={mapping ? 'Names and lookup values by this profile\'s mapping (else the metadata\'s StandardName)' : 'Names by the metadata\'s StandardName (no mapping saved for this profile)'}>
          <input type="checkbox" checked={standard} onChange={(e) => setStandard(e.target.checked)} data-testid="row-standard-names" /> Standard names
        </label>
      </h3>
      <dl className="kv rw-row-kv">
        {columns.map((c, i) => {
          const raw = row[i] ?? '';
          const std = standard ? nameOf(c) : undefined;
          const dec = (standard && mapping && raw ? mappedValue(mapping, c, raw, resource) : undefined) ?? decoders.get(c)?.(raw);
          const long = std ? (std !== c ? c : names.get(c)) : names.get(c);
          const nested = (raw[0] === '[' || raw[0] === '{') && isNestedColumn(cls, c);
          return [
            <dt key={`k${c}`} title={long ? `${std ?? c} — ${long}` : c}><span className="mono">{std ?? c}</span>{long && long !== (std ?? c) && <span className="rw-long">{long}</span>}</dt>,
            <dd key={`v${c}`} data-col={c} className={nested ? 'rw-nested-dd' : undefined}>
              {raw === '' ? <span className="muted">–</span> : nested ? <NestedValue text={raw} /> : dec && dec !== raw ? <><span className="rw-code">{raw}</span> <span className="rw-decoded">{dec}</span></> : raw}
            </dd>,
          ];
        })}
      </dl>
    </div>
  );
}
