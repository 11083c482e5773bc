// The title bar: profile switcher, session state, metadata version, theme switch.
import { ThemeSwitch } from './ThemeSwitch';
import type { Profile, SessionStatus, MetadataCacheInfo } from '../../../shared/contract';
import type { RetsMetadata } from '../../../shared/rets/metadata/model';

interface Props { profiles: Profile[]; activeId?: string; onPick(id: string): void; status?: SessionStatus; cache?: MetadataCacheInfo; odata?: RetsMetadata['odata']; mode?: string }

const label: Record<string, string> = { disconnected: 'not logged in', connecting: 'logging in…', connected: 'logged in', expired: 'session expired', error: 'login failed' };

export function TitleBar({ profiles, activeId, onPick, status, cache, odata, mode }: Props) {
  const warnings = status?.state === 'connected' ? status.login?.warnings ?? [] : [];
  return (
    <div className="titlebar">
      <span className="brand">RETS Workbench</span>
      <select className="input" value={activeId ?? ''} onChange={(e) => onPick(e.target.value)} aria-label="Profile" data-testid="profile-switcher">
        {profiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      {status && <span className="pill" data-testid="session-state"><span className={`dot ${status.state}`} />{label[status.state] ?? status.state}</span>}
      {warnings.length > 0 && (
        <span className="pill warn" tabIndex={0} title={warnings.join('\n\n')} aria-label={`Login warnings: ${warnings.join(' ')}`} data-testid="login-warnings">
          ⚠ {warnings.length} login warning{warnings.length === 1 ? '' : 's'}
        </span>
      )}
      {cache && (
        <span className="pill num" title={`fetched ${cache.fetchedAt}${cache.fromCache ? ' (from cache)' : ''}`} data-testid="title-metadata">
          {odata
            // A Web API's $metadata carries no version of its own: its OData version and when it was read.
            ? `OData ${odata.version} · metadata ${cache.fetchedAt.slice(0, 10)}`
            : `metadata ${cache.metadataVersion ?? '?'}${cache.metadataTimestamp ? ` · ${cache.metadataTimestamp.slice(0, 10)}` : ''}`}
        </span>
      )}
      <span className="spacer" />
      {mode && <span className="muted small">{mode === 'browser' ? 'browser mode' : 'desktop'}</span>}
      <ThemeSwitch />
    </div>
  );
}
