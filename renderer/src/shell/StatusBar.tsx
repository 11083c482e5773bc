// The status bar: request count and last time (from the trace the log lists), throttle of the
// active session, and the log toggle.
import type { SessionStatus } from '../../../shared/contract';
import { useTrace } from '../host/queries';
import { traceStats } from './traceStats';

interface Props { profileId?: string; status?: SessionStatus; logOpen: boolean; onToggleLog(): void; onShortcuts(): void; onCommands(): void; commandsKey: string }

export function StatusBar({ profileId, status, logOpen, onToggleLog, onShortcuts, onCommands, commandsKey }: Props) {
  const stats = traceStats(useTrace(profileId).data);
  return (
    <div className="statusbar num" data-testid="status-bar">
      <span data-testid="status-requests">requests {stats.requests}</span>
      {stats.lastMs !== undefined && <span data-testid="status-last">last {Math.round(stats.lastMs)} ms</span>}
      <span>throttle {status?.throttlePerMinute ? `${status.throttlePerMinute}/min` : 'off'}</span>
      {status?.login?.serverRetsVersion && <span>{status.login.serverRetsVersion}</span>}
      <span className="spacer" />
      <button className="btn ghost small" style={{ height: 20 }} onClick={onCommands} title={`All commands (${commandsKey})`} data-testid="open-commands">Commands</button>
      <button className="btn ghost small" style={{ height: 20 }} onClick={onShortcuts}>Shortcuts ?</button>
      <button className="btn ghost small" style={{ height: 20 }} onClick={onToggleLog} data-testid="log-toggle">Log {logOpen ? '▾' : '▴'}</button>
    </div>
  );
}
