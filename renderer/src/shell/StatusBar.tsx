// The status bar: request counters and throttle of the active session, and the log toggle.
import type { SessionStatus } from '../../../shared/contract';

export function StatusBar({ status, logOpen, onToggleLog, onShortcuts }: { status?: SessionStatus; logOpen: boolean; onToggleLog(): void; onShortcuts(): void }) {
  return (
    <div className="statusbar num" data-testid="status-bar">
      <span>requests {status?.requests ?? 0}</span>
      {status?.lastRequestMs !== undefined && <span>last {Math.round(status.lastRequestMs)} ms</span>}
      <span>throttle {status?.throttlePerMinute ? `${status.throttlePerMinute}/min` : 'off'}</span>
      {status?.login?.serverRetsVersion && <span>{status.login.serverRetsVersion}</span>}
      <span className="spacer" />
      <button className="btn ghost small" style={{ height: 20 }} onClick={onShortcuts}>Shortcuts ?</button>
      <button className="btn ghost small" style={{ height: 20 }} onClick={onToggleLog} data-testid="log-toggle">Log {logOpen ? '▾' : '▴'}</button>
    </div>
  );
}
