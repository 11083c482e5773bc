// The status bar: request count and last time (from the trace the log lists), throttle of the
// active session, a Web API server's quota and Retry-After wait, and the log toggle.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionStatus } from '../../../shared/contract';
import { keys, useTrace } from '../host/queries';
import { traceStats } from './traceStats';
import { quotaText, waitingText } from './quotaText';

interface Props { profileId?: string; status?: SessionStatus; logOpen: boolean; onToggleLog(): void; onShortcuts(): void; onCommands(): void; commandsKey: string }

export function StatusBar({ profileId, status, logOpen, onToggleLog, onShortcuts, onCommands, commandsKey }: Props) {
  const stats = traceStats(useTrace(profileId).data);
  const qc = useQueryClient();
  // Each request may bring new rate-limit headers: the session status (with the quota) is read again.
  useEffect(() => { if (profileId && stats.requests) void qc.invalidateQueries({ queryKey: keys.session(profileId) }); }, [qc, profileId, stats.requests]);
  const quota = quotaText(status?.quota);
  const waiting = waitingText(status?.waitingMs, status?.waitingUntil, Date.now());
  return (
    <div className="statusbar num" data-testid="status-bar">
      <span data-testid="status-requests">requests {stats.requests}</span>
      {stats.lastMs !== undefined && <span data-testid="status-last">last {Math.round(stats.lastMs)} ms</span>}
      <span>throttle {status?.throttlePerMinute ? `${status.throttlePerMinute}/min` : 'off'}</span>
      {status?.login?.serverRetsVersion && <span>{status.login.serverRetsVersion}</span>}
      {quota && <span data-testid="status-quota" title={Object.entries(status?.quota?.raw ?? {}).map(([k, v]) => `${k}: ${v}`).join('\n')}>{quota}</span>}
      {waiting && <span className="warn" data-testid="status-waiting">{waiting}</span>}
      <span className="spacer" />
      <button className="btn ghost small" style={{ height: 20 }} onClick={onCommands} title={`All commands (${commandsKey})`} data-testid="open-commands">Commands</button>
      <button className="btn ghost small" style={{ height: 20 }} onClick={onShortcuts}>Shortcuts ?</button>
      <button className="btn ghost small" style={{ height: 20 }} onClick={onToggleLog} data-testid="log-toggle">Log {logOpen ? '▾' : '▴'}</button>
    </div>
  );
}
