// The encrypted secrets file's passphrase: asked once per start when the file exists, or chosen
// when the user turns the file on (no keychain on this box). The host derives the key (scrypt)
// and opens the file; the passphrase is not kept in the page.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { host } from '../host/client';
import { toErrorInfo } from '../host/errors';
import { keys } from '../host/queries';
import { Dialog } from '../shell/Dialog';
import { ErrorBox } from '../shell/ErrorBox';

interface Props { create: boolean; onClose(): void; onDone(message: string): void }

export function UnlockSecrets({ create, onClose, onDone }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  const mismatch = create && again !== '' && again !== passphrase;
  const ready = passphrase !== '' && (!create || again === passphrase) && !busy;
  async function submit() {
    if (!ready) return;
    setBusy(true);
    try {
      const r = await host.secrets.unlock({ passphrase });
      setPassphrase(''); setAgain('');
      await qc.invalidateQueries({ queryKey: keys.info });
      await qc.invalidateQueries({ queryKey: keys.profiles });
      onDone(r.created ? `Secrets file created${r.moved ? `; ${r.moved} password${r.moved === 1 ? '' : 's'} moved into it` : ''}` : 'Secrets file unlocked');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const enter = (e: React.KeyboardEvent) => { if (e.key === 'Enter') void submit(); };
  return (
    <Dialog title={create ? 'Keep passwords in an encrypted file' : 'Unlock the secrets file'} onClose={onClose} testId="unlock-secrets"
      footer={<><button className="btn" onClick={onClose}>{create ? 'Cancel' : 'Not now'}</button><button className="btn primary" disabled={!ready} onClick={() => void submit()} data-testid="unlock-secrets-ok">{create ? 'Create' : 'Unlock'}</button></>}>
      <div className="info-box">
        {create
          ? <>No OS keychain answers on this machine, so passwords last only until the workbench stops. The secrets file keeps them
            across restarts, encrypted (AES-256-GCM) under a key made from this passphrase; it is never written in plain text.
            The workbench asks for the passphrase once per start; the command line reads <span className="mono">RETS_WORKBENCH_PASSPHRASE</span>.
            Passwords typed this session move into it.</>
          : <>Passwords for your connections are kept in the encrypted secrets file. Enter its passphrase to use them this session.</>}
      </div>
      <label className="field">Passphrase<input className="input" type="password" value={passphrase} autoFocus name="passphrase" autoComplete="off"
        onChange={(e) => setPassphrase(e.target.value)} onKeyDown={enter} /></label>
      {create && <label className="field">Passphrase again<input className="input" type="password" value={again} name="passphraseAgain" autoComplete="off"
        onChange={(e) => setAgain(e.target.value)} onKeyDown={enter} /></label>}
      {mismatch && <div className="small" style={{ color: 'var(--danger)' }} data-testid="passphrase-mismatch">The two passphrases differ.</div>}
      {create && <div className="muted small">There is no way to recover a forgotten passphrase: the passwords would have to be entered again.</div>}
      {error !== null && <ErrorBox error={toErrorInfo(error)} />}
    </Dialog>
  );
}
