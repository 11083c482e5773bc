// Create or edit a connection profile. Secrets go to the host (its keychain) and never come
// back: an existing profile shows "stored" and an empty box keeps the stored secret.
import { useState } from 'react';
import { DEFAULT_TIMEOUTS, type Profile, type ProfileInput } from '../../../shared/contract';
import { useCreateProfile, useUpdateProfile } from '../host/queries';
import { toErrorInfo } from '../host/errors';
import { Dialog } from '../shell/Dialog';
import { ErrorBox } from '../shell/ErrorBox';
import { secretPlace } from '../secrets/secretPlace';

interface Props { profile?: Profile; onClose(): void; onSaved(p: Profile): void; onTest(draft: ProfileInput): void }

export function ProfileDialog({ profile, onClose, onSaved, onTest }: Props) {
  const [f, setF] = useState({
    name: profile?.name ?? '', loginUrl: profile?.loginUrl ?? '', username: profile?.username ?? '',
    password: '', userAgent: profile?.userAgent ?? 'RETSWorkbench/1.0', uaPassword: '',
    retsVersion: profile?.retsVersion ?? 'RETS/1.7.2', authScheme: profile?.authScheme ?? 'auto',
    method: profile?.method ?? 'GET', rpm: String(profile?.throttle.requestsPerMinute ?? 0),
    connectS: String(profile?.timeouts.connectSeconds ?? DEFAULT_TIMEOUTS.connectSeconds),
    responseS: String(profile?.timeouts.responseSeconds ?? DEFAULT_TIMEOUTS.responseSeconds),
    keepLoginHost: profile?.keepLoginHost ?? false,
  });
  const create = useCreateProfile();
  const update = useUpdateProfile();
  const busy = create.isPending || update.isPending;
  const err = create.error ?? update.error;
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((s) => ({ ...s, [k]: e.target.value }));

  function fields() {
    return {
      name: f.name, loginUrl: f.loginUrl, username: f.username, userAgent: f.userAgent,
      retsVersion: f.retsVersion as ProfileInput['retsVersion'], authScheme: f.authScheme as ProfileInput['authScheme'],
      method: f.method as ProfileInput['method'], throttle: { requestsPerMinute: Number(f.rpm) || 0 },
      // Out-of-range numbers go to the host as typed: its schema check names the field and the range.
      timeouts: { connectSeconds: Number(f.connectS), responseSeconds: Number(f.responseS) },
      keepLoginHost: f.keepLoginHost,
    };
  }
  async function save() {
    const secrets = { ...(f.password ? { password: f.password } : {}), ...(f.uaPassword ? { uaPassword: f.uaPassword } : {}) };
    const p = profile
      ? await update.mutateAsync({ id: profile.id, patch: { ...fields(), ...secrets } })
      : await create.mutateAsync({ ...fields(), ...secrets });
    onSaved(p);
  }

  return (
    <Dialog
      title={profile ? `Edit ${profile.name}` : 'New connection'} onClose={onClose} testId="profile-dialog" wide
      footer={<>
        <button className="btn" onClick={() => onTest({ ...fields(), password: f.password || undefined, uaPassword: f.uaPassword || undefined })} disabled={!f.loginUrl}>Test connection</button>
        <span style={{ flex: 1 }} />
        <button className="btn" onClick={onClose}>Cancel</button>
        <button className="btn primary" onClick={() => void save().catch(() => undefined)} disabled={busy || !f.name || !f.loginUrl} data-testid="profile-save">{busy ? 'Saving…' : 'Save'}</button>
      </>}
    >
      {!profile && (
        <div className="info-box">
          Your MLS sends you these when it grants RETS access: a <b>login URL</b> (ends in /Login or login.ashx), a <b>username</b> and
          <b> password</b>, and often a <b>User-Agent</b> with its own <b>UA password</b> — copy them exactly, the User-Agent is case-sensitive.
          Many MLSs also whitelist your IP address; the connection test tells you if that is the problem.
        </div>
      )}
      {err && <ErrorBox error={toErrorInfo(err)} />}
      <div className="form-grid">
        <label className="field">Name<input className="input" value={f.name} onChange={set('name')} placeholder="Acme MLS" name="name" autoFocus /></label>
        <label className="field">Username<input className="input" value={f.username} onChange={set('username')} name="username" autoComplete="off" /></label>
        <label className="field wide">Login URL<input className="input mono" value={f.loginUrl} onChange={set('loginUrl')} placeholder="https://rets.example-mls.com/rets/login" name="loginUrl" /></label>
        <label className="field">Password {profile && <span className="small" data-testid="secret-place">· {secretPlace(profile)}</span>}
          <input className="input" type="password" value={f.password} onChange={set('password')} name="password" autoComplete="new-password" placeholder={profile?.hasPassword ? 'unchanged' : ''} /></label>
        <label className="field">User-Agent<input className="input mono" value={f.userAgent} onChange={set('userAgent')} name="userAgent" /></label>
        <label className="field">UA password {profile?.hasUaPassword && <span className="small">· stored</span>}
          <input className="input" type="password" value={f.uaPassword} onChange={set('uaPassword')} name="uaPassword" autoComplete="new-password" placeholder={profile?.hasUaPassword ? 'unchanged' : 'only if the MLS gave you one'} /></label>
        <label className="field">RETS version
          <select className="input" value={f.retsVersion} onChange={set('retsVersion')} name="retsVersion">
            {['RETS/1.5', 'RETS/1.7', 'RETS/1.7.2', 'RETS/1.8'].map((v) => <option key={v}>{v}</option>)}
          </select></label>
        <label className="field">Authentication
          <select className="input" value={f.authScheme} onChange={set('authScheme')} name="authScheme">
            <option value="auto">Automatic (Digest or Basic)</option><option value="digest">Digest</option><option value="basic">Basic</option>
          </select></label>
        <label className="field">HTTP method
          <select className="input" value={f.method} onChange={set('method')} name="method"><option>GET</option><option>POST</option></select></label>
        <label className="field">Throttle (requests a minute, 0 = none)<input className="input num" type="number" min={0} value={f.rpm} onChange={set('rpm')} name="throttle" /></label>
        <label className="field">Connect timeout (seconds)<input className="input num" type="number" min={1} max={300} value={f.connectS} onChange={set('connectS')} name="connectTimeout" /></label>
        <label className="field" title="How long the server may stay silent: raise it for MLS servers that think for minutes before a large search or the full metadata">Response timeout (seconds)<input className="input num" type="number" min={5} max={3600} value={f.responseS} onChange={set('responseS')} name="responseTimeout" /></label>
        <label className="check wide" title="The server's login reply may name its own host in the URLs for search, metadata and photos; through an SSH tunnel, a proxy or a port forward those requests would go around it">
          <input type="checkbox" checked={f.keepLoginHost} onChange={(e) => setF((s) => ({ ...s, keepLoginHost: e.target.checked }))} name="keepLoginHost" />
          Send every request to the login URL&apos;s host (server reached through a tunnel or proxy)</label>
      </div>
    </Dialog>
  );
}
