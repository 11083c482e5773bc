// The selected result row: every column with its SystemName and LongName, a lookup's code
// beside its decoded value, and a Web API nested value (expanded Media, a collection) as a structure.
import type { MetadataClass } from '../../../shared/rets/metadata/model';
import type { Decoders } from '../../../shared/metadata/lookupDecoder';
import { isNestedColumn } from '../../../shared/metadata/nestedDecoders';
import { NestedValue } from './NestedValue';

interface Props { index: number; columns: string[]; row: string[]; cls?: MetadataClass; decoders: Decoders }

export function RowDetails({ index, columns, row, cls, decoders }: Props) {
  // Columns are SystemNames, or StandardNames when the search asked with StandardNames=1.
  const names = new Map<string, string>();
  for (const f of cls?.fields ?? []) {
    if (f.longName) { names.set(f.systemName, f.longName); if (f.standardName && !names.has(f.standardName)) names.set(f.standardName, f.longName); }
  }
  return (
    <div className="drawer" data-testid="row-details">
      <h3>Row {index + 1}</h3>
      <dl className="kv rw-row-kv">
        {columns.map((c, i) => {
          const raw = row[i] ?? '';
          const dec = decoders.get(c)?.(raw);
          const long = names.get(c);
          const nested = (raw[0] === '[' || raw[0] === '{') && isNestedColumn(cls, c);
          return [
            <dt key={`k${c}`} title={long ? `${c} — ${long}` : c}><span className="mono">{c}</span>{long && long !== c && <span className="rw-long">{long}</span>}</dt>,
            <dd key={`v${c}`} data-col={c} className={nested ? 'rw-nested-dd' : undefined}>
              {raw === '' ? <span className="muted">–</span> : nested ? <NestedValue text={raw} /> : dec && dec !== raw ? <><span className="rw-code">{raw}</span> <span className="rw-decoded">{dec}</span></> : raw}
            </dd>,
          ];
        })}
      </dl>
    </div>
  );
}
