// The run bar under the editor: Run (disabled with the reason when it cannot send anything),
// Cancel, Limit (a number or NONE) and Offset as typed text with what is wrong shown beside
// them, Previous/Next page (Offset moves by Limit), Count, Format and StandardNames; and, when the
// query has errors the editor found, the question Run asks first (run anyway / fix). A Web API
// tab has $top (the limit) and $skip instead, and none of the RETS-only controls.
import type { Diagnostic } from '../../../shared/dmql';
import type { QueryTab } from '../state/tabs';
import type { RunState } from '../host/searchRun';
import { pageOffset, parseLimit, parseOffset } from './numberFields';
import { runShortcutLabel } from '../shell/shortcuts';

interface Props {
  tab: QueryTab;
  run: RunState;
  update(patch: Partial<QueryTab>): void;
  /** Why Run cannot send anything (shown beside it), or undefined. */
  blocked?: string;
  onRun(tab: QueryTab, force?: boolean): void;
  onCancel(): void;
  /** The errors Run is asking about, while it asks. */
  confirm?: Diagnostic[];
  onFix(): void;
  onDismissConfirm(): void;
}

/** $skip as typed: a whole number of rows from 0. */
function parseSkip(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return 0;
  return /^\d{1,12}$/.test(t) ? Number(t) : undefined;
}

export function RunBar({ tab, run, update, blocked, onRun, onCancel, confirm, onFix, onDismissConfirm }: Props) {
  const running = run.status === 'running';
  const web = tab.protocol === 'webapi';
  const limitText = tab.limitText ?? String(tab.limit);
  const offsetText = tab.offsetText ?? (tab.offset ? String(tab.offset) : '');
  const limit = parseLimit(limitText);
  const offset = web ? { ok: true as const, value: undefined } : parseOffset(offsetText);
  const pageSize = typeof tab.limit === 'number' ? tab.limit : undefined;
  const moreAfter = run.status === 'done' && pageSize !== undefined
    && (run.maxrows || run.rows.length >= pageSize || (run.count !== undefined && (tab.offset ?? 1) - 1 + run.rows.length < run.count));
  const page = (dir: -1 | 1) => {
    if (pageSize === undefined) return;
    const next = { ...tab, offset: pageOffset(tab.offset, pageSize, dir), offsetText: undefined };
    update({ offset: next.offset, offsetText: undefined });
    onRun(next);
  };

  return (
    <>
      <div className="runbar">
        <button className="btn primary" onClick={() => onRun(tab)} disabled={!!blocked} title={blocked ?? `Run (${runShortcutLabel})`} data-testid="run">
          ▶ Run
        </button>
        <button className="btn" onClick={onCancel} disabled={!running} title="Cancel (Esc)" data-testid="cancel">■ Cancel</button>
        <span className="lbl" title={web ? '$top: the most rows to read; pages are followed up to it' : undefined}>{web ? '$top' : 'Limit'}</span>
        <input className={`input narrow num${limit.ok ? '' : ' invalid'}`} value={limitText} aria-label="Limit" data-testid="limit" list="rw-limit-choices"
          aria-invalid={!limit.ok} title="Rows to ask for: a number, or NONE for the server’s maximum"
          onChange={(e) => { const p = parseLimit(e.target.value); update(p.ok ? { limit: p.value, limitText: e.target.value } : { limitText: e.target.value }); }}
          onBlur={() => { if (limit.ok) update({ limitText: undefined }); }} />
        <datalist id="rw-limit-choices"><option value="100" /><option value="1000" /><option value="NONE" /></datalist>
        {web ? <>
          <span className="lbl">$skip</span>
          <input className="input narrow num" value={tab.odata?.skip ? String(tab.odata.skip) : ''} placeholder="0" aria-label="$skip" data-testid="skip"
            title="Rows to skip before the first one returned"
            onChange={(e) => { const n = parseSkip(e.target.value); if (n !== undefined && tab.odata) update({ odata: { ...tab.odata, skip: n } }); }} />
        </> : <>
        <span className="lbl">Offset</span>
        <input className={`input narrow num${offset.ok ? '' : ' invalid'}`} value={offsetText} placeholder="1" aria-label="Offset" data-testid="offset" aria-invalid={!offset.ok}
          title="The row to start at (1 is the first)"
          onChange={(e) => { const p = parseOffset(e.target.value); update(p.ok ? { offset: p.value, offsetText: e.target.value } : { offsetText: e.target.value }); }}
          onBlur={() => { if (offset.ok) update({ offsetText: undefined }); }} />
        <button className="btn" onClick={() => page(-1)} disabled={running || !!blocked || pageSize === undefined || (tab.offset ?? 1) <= 1}
          title={pageSize === undefined ? 'Paging needs a numeric Limit' : `Previous page (Offset − ${pageSize})`} data-testid="page-prev" aria-label="Previous page">‹</button>
        <button className="btn" onClick={() => page(1)} disabled={running || !!blocked || !moreAfter}
          title={pageSize === undefined ? 'Paging needs a numeric Limit' : `Next page (Offset + ${pageSize})`} data-testid="page-next" aria-label="Next page">›</button>
        <select className="input" value={tab.count} onChange={(e) => update({ count: Number(e.target.value) as 0 | 1 | 2 })} aria-label="Count" title="Count: how many records match">
          <option value={0}>no count</option><option value={1}>count + rows</option><option value={2}>count only</option>
        </select>
        <select className="input" value={tab.format} onChange={(e) => update({ format: e.target.value as QueryTab['format'] })} aria-label="Format" title="Format the server answers in">
          <option value="COMPACT">COMPACT</option><option value="COMPACT-DECODED">DECODED</option><option value="STANDARD-XML">XML</option>
        </select>
        <label className="check lbl" title="StandardNames=1: the query and Select use the RESO standard names (ListPrice) instead of the server’s system names (L_ListPrice)">
          <input type="checkbox" checked={!!tab.standardNames} onChange={(e) => update({ standardNames: e.target.checked })} data-testid="standard-names" />StandardNames
        </label>
        </>}
      </div>
      {(blocked || !limit.ok || !offset.ok) && (
        <div className="rw-field-error" role="status" data-testid="run-blocked">
          {!limit.ok ? limit.message : !offset.ok ? offset.message : blocked}
        </div>
      )}
      {confirm && confirm.length > 0 && (
        <div className="rw-confirm" role="alertdialog" aria-label="The query has errors" data-testid="run-confirm">
          <span><b>{confirm.length === 1 ? 'The editor found an error' : `The editor found ${confirm.length} errors`}</b> in this query: {confirm[0].message} The server will most likely refuse it, and the request still counts against your limits.</span>
          <span className="rw-confirm-actions">
            <button className="btn primary" onClick={onFix} data-testid="confirm-fix" autoFocus>Fix the query</button>
            <button className="btn" onClick={() => onRun(tab, true)} data-testid="confirm-run">Run anyway</button>
            <label className="check small"><input type="checkbox" onChange={(e) => update({ runWithErrors: e.target.checked })} checked={!!tab.runWithErrors} data-testid="confirm-remember" />Don’t ask again in this tab</label>
            <button className="btn ghost small" onClick={onDismissConfirm} aria-label="Dismiss">✕</button>
          </span>
        </div>
      )}
    </>
  );
}
