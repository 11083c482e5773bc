// The connections list: pick the active profile, create, edit, test (the doctor) and delete.
import type { Profile } from '../../../shared/contract';
import { useDeleteProfile, useProfiles, useUnreadableProfiles } from '../host/queries';
import { UnreadableFiles } from '../shell/UnreadableFiles';
import { toErrorInfo } from '../host/errors';
import { ErrorBox } from '../shell/ErrorBox';

interface Props {
  activeId?: string;
  sessionState?: string;
  onPick(id: string): void;
  onNew(): void;
  onEdit(p: Profile): void;
  onTest(p: Profile): void;
}

export function Connections({ activeId, sessionState, onPick, onNew, onEdit, onTest }: Props) {
  const profiles = useProfiles();
  const unreadable = useUnreadableProfiles();
  const del = useDeleteProfile();
  return (
    <>
      <div className="section-h">Connections<span className="spacer" /><button className="btn ghost icon" title="New connection" onClick={onNew} data-testid="new-profile">+</button></div>
      <div className="profiles" data-testid="profiles">
        {profiles.error && <ErrorBox error={toErrorInfo(profiles.error)} onRetry={() => void profiles.refetch()} />}
        <UnreadableFiles what="connection" files={unreadable.data} />
        {profiles.data?.length === 0 && (
          <div className="teach">
            No connections yet. From your MLS you need:
            <ul><li>the RETS login URL</li><li>a username and password</li><li>often a User-Agent and UA password</li></ul>
            <button className="btn primary" onClick={onNew}>New connection</button>
          </div>
        )}
        {profiles.data?.map((p) => (
          <div key={p.id} className={`profile${p.id === activeId ? ' active' : ''}`} onClick={() => onPick(p.id)} data-profile={p.name} title={p.loginUrl}>
            <span className={`dot ${p.id === activeId ? sessionState ?? '' : ''}`} />
            <span className="name">{p.name}{p.builtin && <span className="muted small"> · demo</span>}</span>
            <span className="actions">
              <button className="btn ghost icon small" title="Test this connection (the doctor)" onClick={(e) => { e.stopPropagation(); onTest(p); }} data-testid="test-profile">Test</button>
              {!p.builtin && <button className="btn ghost icon small" title="Edit" onClick={(e) => { e.stopPropagation(); onEdit(p); }}>Edit</button>}
              {!p.builtin && <button className="btn ghost icon small danger" title="Delete" onClick={(e) => {
                e.stopPropagation();
                if (window.confirm(`Delete the connection “${p.name}” and its stored password?`)) del.mutate(p.id);
              }}>✕</button>}
            </span>
          </div>
        ))}
      </div>
    </>
  );
}
