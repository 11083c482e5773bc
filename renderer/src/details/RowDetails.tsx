// The selected result row: every column, with the field's long name and the decoded lookup.
import type { MetadataClass } from '../../../shared/rets/metadata/model';
import type { Decoder } from '../grid/decode';

interface Props { index: number; columns: string[]; row: string[]; cls?: MetadataClass; decoders: Map<string, Decoder> }

export function RowDetails({ index, columns, row, cls, decoders }: Props) {
  const names = new Map((cls?.fields ?? []).map((f) => [f.systemName, f.longName]));
  return (
    <div className="drawer" data-testid="row-details">
      <h3>Row {index + 1}</h3>
      <dl className="kv">
        {columns.map((c, i) => {
          const raw = row[i] ?? '';
          const dec = decoders.get(c)?.(raw);
          return [
            <dt key={`k${c}`} title={names.get(c) ?? c}>{c}</dt>,
            <dd key={`v${c}`}>{raw === '' ? <span className="muted">–</span> : raw}{dec && dec !== raw && <span className="muted" style={{ fontFamily: 'var(--sans)' }}> · {dec}</span>}</dd>,
          ];
        })}
      </dl>
    </div>
  );
}
