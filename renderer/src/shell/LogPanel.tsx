// The request inspector (the log panel): the profile's requests as summaries on the left, with a
// filter over method, transaction, status and URL; the selected one's headers and kept body on the
// right, fetched from the host only while it is shown. Secrets were removed by the host.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { host } from '../host/client';
import { useTrace } from '../host/queries';
import type { TraceEntry } from '../../../shared/contract';
import { TraceDetailView } from './TraceDetailView';
import { formatBytes } from './traceFormat';
import './inspector.css';

function failed(e: TraceEntry): boolean {
  return !!e.error || (e.status !== undefined && e.status >= 400) || (e.replyCode !== undefined && e.replyCode !== 0);
}

function matches(e: TraceEntry, filter: string): boolean {
  if (!filter) return true;
  const f = filter.toLowerCase();
  return `${e.method} ${e.transaction} ${e.status ?? ''} ${e.url}`.toLowerCase().includes(f);
}

export function LogPanel({ profileId, selectedId, onSelect, onClose, onToast }: {
  profileId?: string;
  /** The entry shown on the right (an error box's link sets it). */
  selectedId?: number;
  onSelect(id: number | undefined): void;
  onClose(): void;
  onToast(m: string): void;
}) {
  const trace = useTrace(profileId);
  const qc = useQueryClient();
  const [filter, setFilter] = useState('');
  const entries = trace.data ?? [];
  const shown = useMemo(() => entries.filter((e) => matches(e, filter)).reverse(), [entries, filter]);
  const selectedRow = useRef<HTMLDivElement>(null);
  useEffect(() => { selectedRow.current?.scrollIntoView({ block: 'nearest' }); }, [selectedId]);

  async function clear() {
    if (!profileId) return;
    await host.trace.clear({ profileId });
    qc.setQueryData(['trace', profileId], []);
    onSelect(undefined);
  }

  return (
    <div className="logpanel insp-panel" data-testid="log-panel">
      <div className="section-h">Requests<span className="muted" style={{ textTransform: 'none', fontWeight: 400 }}>· {entries.length} kept · secrets removed</span><span className="spacer" />
        <input className="insp-filter" placeholder="Filter: method, transaction, status, URL" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="inspector-filter" aria-label="Filter requests" />
        <button className="btn ghost small" onClick={() => void clear()} disabled={!profileId || entries.length === 0}>Clear</button>
        <button className="btn ghost small" onClick={onClose}>Hide</button>
      </div>
      <div className="insp-split">
        <div className="insp-list" role="listbox" aria-label="Requests" data-testid="inspector-list">
          {entries.length === 0 && <div className="teach">No requests yet for this connection. Run a search or load metadata: each request appears here with its headers and body.</div>}
          {entries.length > 0 && shown.length === 0 && <div className="teach">No request matches “{filter}”.</div>}
          {shown.map((e) => (
            <div
              key={e.id} ref={e.id === selectedId ? selectedRow : undefined} role="option" aria-selected={e.id === selectedId}
              className={`insp-row${e.id === selectedId ? ' selected' : ''}${failed(e) ? ' failed' : ''}`}
              data-testid={`inspector-row-${e.id}`} onClick={() => onSelect(e.id)} title={e.url}
            >
              <span className="muted">{new Date(e.startedAt).toLocaleTimeString()}</span>
              <span>{e.transaction}</span>
              <span className="num" title={e.replyText}>{e.status ?? (e.error ? 'failed' : '…')}{e.replyCode ? ` ${e.replyCode}` : ''}</span>
              <span className="num muted">{e.durationMs !== undefined ? `${Math.round(e.durationMs)} ms` : ''}</span>
              <span className="num muted">{e.bytes ? formatBytes(e.bytes) : ''}</span>
            </div>
          ))}
        </div>
        <div className="insp-detail">
          {profileId && selectedId !== undefined
            ? <TraceDetailView profileId={profileId} id={selectedId} onToast={onToast} />
            : <div className="teach">Pick a request to see its headers and the response the server sent. Copy it as a curl command, or save the response to open it again.</div>}
        </div>
      </div>
    </div>
  );
}
