// Asks for a profile's password when none is stored (no keychain, and the app restarted since it
// was typed). The secret goes once to the host, which keeps it in memory for this session only.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Profile } from '../../../shared/contract';
import { host } from '../host/client';
import { toErrorInfo } from '../host/errors';
import { keys } from '../host/queries';
import { Dialog } from '../shell/Dialog';
import { ErrorBox } from '../shell/ErrorBox';

interface Props { profile: Profile; canKeepInFile: boolean; onKeepInFile(): void; onClose(): void; onDone(): void }

export function PasswordPrompt({ profile, canKeepInFile, onKeepInFile, onClose, onDone }: Props) {
  const [password, setPassword] = useState('');
  const [uaPassword, setUaPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  async function submit() {
    if (!password) return;
    setBusy(true);
    try {
      await host.profiles.sessionSecrets({ id: profile.id, password, ...(uaPassword ? { uaPassword } : {}) });
      setPassword(''); setUaPassword('');
      await qc.invalidateQueries({ queryKey: keys.profiles });
      await qc.invalidateQueries({ queryKey: keys.metadata(profile.id) });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog title={<>Password for “{profile.name}”</>} onClose={onClose} testId="password-prompt"
      footer={<><button className="btn" onClick={onClose}>Cancel</button><button className="btn primary" disabled={!password || busy} onClick={() => void submit()} data-testid="password-prompt-ok">Connect</button></>}>
      <div className="info-box" data-testid="password-prompt-why">
        <b>No password is stored for this profile (no keychain here): enter it.</b> It is kept in the workbench's memory for this
        session only and asked again after a restart.
        {canKeepInFile && <> To keep passwords across restarts, <button className="btn ghost small" onClick={onKeepInFile} data-testid="keep-in-file">use an encrypted secrets file…</button></>}
      </div>
      <div className="muted small">{profile.username} at {profile.loginUrl}</div>
      <label className="field">Password<input className="input" type="password" value={password} autoFocus name="sessionPassword" autoComplete="off"
        onChange={(e) => setPassword(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') void submit(); }} /></label>
      <label className="field">UA password<input className="input" type="password" value={uaPassword} name="sessionUaPassword" autoComplete="off" placeholder="only if the MLS gave you one"
        onChange={(e) => setUaPassword(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') void submit(); }} /></label>
      {error !== null && <ErrorBox error={toErrorInfo(error)} />}
    </Dialog>
  );
}
