// Coverage: which target (Data Dictionary) fields this server has, which it lacks, and which of
// its fields map to nothing.
import type { MappingResponse } from '../../../shared/contract';

type Coverage = NonNullable<MappingResponse['coverage']>;

export function CoverageView({ coverage, targetName }: { coverage: Coverage; targetName: string }) {
  const c = coverage.counts;
  return (
    <div className="map-cov" data-testid="mapping-coverage">
      <div className="map-cov-counts">
        <div className="map-cov-box"><b data-testid="coverage-present">{c.present}</b>of {c.targetFields} {targetName} fields present</div>
        <div className="map-cov-box"><b>{c.missing}</b>missing here</div>
        <div className="map-cov-box"><b>{c.extra}</b>fields of this server map to nothing</div>
        <div className="map-cov-box"><b data-testid="coverage-confirmed">{c.confirmed}</b>confirmed or edited, {c.proposed} to review, {c.rejected} rejected</div>
      </div>
      {coverage.resources.map((r) => {
        const total = r.present.length + r.missing.length;
        return (
          <div key={r.resource} className="map-cov-res" data-testid="coverage-resource">
            <div>{r.resource}<span className="map-cov-meter"><span style={{ width: `${total ? (100 * r.present.length) / total : 0}%` }} /></span><span className="muted num">{r.present.length} / {total}</span></div>
            {r.missing.length > 0 && <div className="map-cov-list"><b>Missing:</b> {r.missing.join(', ')}</div>}
          </div>
        );
      })}
      {coverage.extra.length > 0 && (
        <div className="map-cov-res"><div>This server's own fields (no target)</div><div className="map-cov-list">{coverage.extra.map((e) => `${e.resource}.${e.field}`).join(', ')}</div></div>
      )}
    </div>
  );
}
