// The metadata diff: two sides picked (profiles' current or kept versions, or saved files), compared
// by the host, shown side by side with filters (differences only; only the fields my snippets use)
// and exported as Markdown or CSV through the host (its save dialog, or a download).
import { useEffect, useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { MetadataDiffSide } from '../../../shared/contract';
import { filterDiff } from '../../../shared/metadata/diffFilter';
import { diffCsv, diffMarkdown } from '../../../shared/metadata/diffRender';
import { host } from '../host/client';
import { toErrorInfo } from '../host/errors';
import { useHostInfo, useProfiles, useSnippets } from '../host/queries';
import { useEscape } from '../shell/useEscape';
import { startDownload } from '../shell/startDownload';
import { closeMetadataDiff, type DiffOpen, type SideChoice } from './diffStore';
import { SidePicker } from './SidePicker';
import { snippetFields } from './snippetFields';
import { viewRows } from './viewRows';
import './diff.css';

/** Rows drawn at most (a 20,000-field diff stays responsive; the export has every row). */
const MAX_ROWS = 3000;

const REASONS: Record<string, string> = {
  'system-name': 'same SystemName', 'standard-name': 'StandardName', mapping: 'mapping', 'same-name': 'same name', 'normalized-name': 'normalized name',
};

function toSide(s: SideChoice): MetadataDiffSide {
  return s.kind === 'file' ? { handle: s.handle } : { profileId: s.profileId, ...(s.version ? { version: s.version } : {}) };
}

function fileStem(label: string): string {
  return label.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'metadata';
}

export function DiffView({ open, onToast }: { open: DiffOpen; onToast(m: string): void }) {
  useEscape(closeMetadataDiff);
  const profiles = useProfiles();
  const info = useHostInfo();
  const snippets = useSnippets();
  const electron = info.data?.mode === 'electron';
  const [a, setA] = useState<SideChoice | undefined>(open.a);
  const [b, setB] = useState<SideChoice | undefined>(open.b);
  const [differencesOnly, setDifferencesOnly] = useState(true);
  const [snippetsOnly, setSnippetsOnly] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  const compare = useMutation({ mutationFn: () => host.metadata.diff({ a: toSide(a!), b: toSide(b!) }) });

  // Opened from a change notice: compare at once (once; the sides can be changed and compared again).
  useEffect(() => { if (open.compareNow && open.a && open.b) compare.mutate(); }, []);

  const used = useMemo(() => snippetFields(snippets.data ?? []), [snippets.data]);
  const result = compare.data;
  const shownDiff = useMemo(() => {
    if (!result) return undefined;
    if (!snippetsOnly) return result.diff;
    const lookups = new Set<string>();
    for (const key of used) for (const side of [result.fieldLookups.a, result.fieldLookups.b]) {
      const l = side[key];
      if (l) lookups.add(`${key.slice(0, key.indexOf('.'))}.${l}`);
    }
    return filterDiff(result.diff, { field: (r, n) => used.has(`${r}.${n}`), lookup: (r, n) => lookups.has(`${r}.${n}`) });
  }, [result, snippetsOnly, used]);
  const rows = useMemo(() => (shownDiff ? viewRows(shownDiff, differencesOnly) : []), [shownDiff, differencesOnly]);
  const differences = useMemo(() => (shownDiff ? viewRows(shownDiff, true).length : 0), [shownDiff]);

  async function exportAs(format: 'markdown' | 'csv') {
    if (!shownDiff || !result) return;
    const content = format === 'markdown' ? diffMarkdown(shownDiff, result.labels) : diffCsv(shownDiff);
    const fileName = `metadata-diff-${fileStem(result.labels.a)}-vs-${fileStem(result.labels.b)}.${format === 'markdown' ? 'md' : 'csv'}`;
    try {
      if (electron) {
        const picked = await host.files.chooseSave({ purpose: 'metadata-diff', defaultName: fileName });
        if (!picked) return;
        const r = await host.metadata.saveDiff({ format, content, fileName, handle: picked.handle });
        onToast(`Saved ${r.fileName}`);
        return;
      }
      const r = await host.metadata.saveDiff({ format, content, fileName, download: true });
      if (!r.downloadUrl) return;
      startDownload(r.downloadUrl, r.fileName);
      onToast(`Saved ${r.fileName}`);
    } catch (err) {
      onToast(`Export failed: ${toErrorInfo(err).message}`);
    }
  }

  const error = compare.error ? toErrorInfo(compare.error) : undefined;
  return (
    <div className="overlay" onMouseDown={(e) => { if (e.target === e.currentTarget) closeMetadataDiff(); }}>
      <div className="dialog md-diff" role="dialog" aria-modal="true" aria-label="Compare metadata" data-testid="metadata-diff">
        <div className="dialog-h">Compare metadata<span className="spacer" /><button className="btn ghost icon" onClick={closeMetadataDiff} aria-label="Close">✕</button></div>
        <div className="md-diff-pick">
          <SidePicker label="A" value={a} profiles={profiles.data ?? []} electron={electron} onChange={setA} onError={setPickError} />
          <span className="md-diff-arrow">→</span>
          <SidePicker label="B" value={b} profiles={profiles.data ?? []} electron={electron} onChange={setB} onError={setPickError} />
          <span className="spacer" />
          <button className="btn primary" disabled={!a || !b || compare.isPending} onClick={() => compare.mutate()} data-testid="diff-compare">{compare.isPending ? 'Comparing…' : 'Compare'}</button>
        </div>
        {pickError && <div className="md-diff-error">{pickError}</div>}
        {error && <div className="md-diff-error" data-testid="diff-error">{error.message}{error.hint ? ` ${error.hint}` : ''}</div>}
        {result && shownDiff && (
          <>
            <div className="md-diff-summary" data-testid="diff-summary">
              <b>{result.labels.a}</b> → <b>{result.labels.b}</b>: {shownDiff.same ? 'no differences' : `${differences} difference${differences === 1 ? '' : 's'}`}
              <span className="muted"> · {shownDiff.pairs.length} fields paired ({result.diff.alignment === 'versions' ? 'by SystemName' : 'by StandardName, then names'})</span>
            </div>
            <div className="md-diff-bar md-diff-tools">
              <label className="md-diff-check"><input type="checkbox" checked={differencesOnly} onChange={(e) => setDifferencesOnly(e.target.checked)} data-testid="diff-differences-only" /> Differences only</label>
              <label className="md-diff-check" title={used.size ? `${used.size} fields in your snippets` : 'No snippets yet'}><input type="checkbox" checked={snippetsOnly} onChange={(e) => setSnippetsOnly(e.target.checked)} data-testid="diff-snippets-only" /> Only fields my snippets use</label>
              <span className="spacer" />
              <button className="btn small" onClick={() => void exportAs('markdown')} data-testid="diff-export-markdown">Export Markdown</button>
              <button className="btn small" onClick={() => void exportAs('csv')} data-testid="diff-export-csv">Export CSV</button>
            </div>
            {shownDiff.notes.map((n) => <div key={n} className="md-diff-note">{n}</div>)}
            <div className="md-diff-table-wrap">
              <table className="md-diff-table" data-testid="diff-table">
                <thead>
                  <tr><th>What</th><th>Resource</th><th>Class / lookup</th><th className="md-diff-a">A · {result.labels.a}</th><th className="md-diff-b">B · {result.labels.b}</th><th>Why</th></tr>
                </thead>
                <tbody>
                  {rows.slice(0, MAX_ROWS).map((r) => (
                    <tr key={r.key} className={`md-diff-row md-diff-${r.change.split(' ')[0]}`} data-change={r.change}>
                      <td><span className="md-diff-kind">{r.kind}</span> {r.change}</td>
                      <td>{r.resource}</td>
                      <td className="mono">{r.group}</td>
                      <td className="md-diff-a mono">{r.aName}{r.aValue && <span className={r.aName ? 'md-diff-val' : ''}>{r.aName ? ' ' : ''}{r.aValue}</span>}</td>
                      <td className="md-diff-b mono">{r.bName}{r.bValue && <span className={r.bName ? 'md-diff-val' : ''}>{r.bName ? ' ' : ''}{r.bValue}</span>}</td>
                      <td className="muted">{REASONS[r.reason] ?? r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {rows.length > MAX_ROWS && <div className="md-diff-note">Showing {MAX_ROWS.toLocaleString()} of {rows.length.toLocaleString()} rows; the export has them all.</div>}
              {!rows.length && <div className="teach">{snippetsOnly ? 'None of the fields your snippets use changed.' : 'The two sides describe the same metadata.'}</div>}
            </div>
          </>
        )}
        {!result && !compare.isPending && !error && <div className="teach">Pick two sides: a connection's current metadata or a version its cache keeps, or a saved metadata file (RETS or a Web API $metadata). The RETS and Web API sides of one MLS pair their fields by StandardName.</div>}
      </div>
    </div>
  );
}
