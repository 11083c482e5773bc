// Secrets on a box with no keychain: at start, the passphrase of the encrypted secrets file when
// one exists; on the active profile, the password prompt when none is stored (lost to a restart);
// under the connections, a line saying passwords last this session only, with the file's opt-in.
import { useEffect, useState } from 'react';
import type { Profile } from '../../../shared/contract';
import { useHostInfo } from '../host/queries';
import { needsSessionPassword } from './secretPlace';
import { PasswordPrompt } from './PasswordPrompt';
import { UnlockSecrets } from './UnlockSecrets';

interface Props { active: Profile | undefined; onToast(message: string): void }

export function SecretsGate({ active, onToast }: Props) {
  const info = useHostInfo();
  const file = info.data?.secretsFile;
  const noKeychain = info.data ? !info.data.keychain.available : false;
  const [unlock, setUnlock] = useState<'unlock' | 'create' | null>(null);
  const [askedAtStart, setAskedAtStart] = useState(false);
  // Each profile is asked once; Cancel leaves the clear error under Metadata until the user picks it again.
  const [dismissed, setDismissed] = useState<string | null>(null);

  useEffect(() => {
    if (askedAtStart || !file) return;
    setAskedAtStart(true);
    if (file.exists && !file.unlocked) setUnlock('unlock');
  }, [file, askedAtStart]);

  const prompt = unlock === null && needsSessionPassword(active) && dismissed !== active!.id ? active! : undefined;
  const canCreate = noKeychain && !!file?.available && !file.exists;
  return (
    <>
      {noKeychain && (
        <div className="teach small" data-testid="secrets-notice">
          {file?.exists
            ? (file.unlocked ? 'No keychain here: passwords are kept in the encrypted secrets file.'
              : <>No keychain here: the encrypted secrets file is locked. <button className="btn ghost small" onClick={() => setUnlock('unlock')} data-testid="unlock-secrets-open">Unlock…</button></>)
            : <>No keychain here: passwords last until the workbench stops. <button className="btn ghost small" onClick={() => setUnlock('create')} data-testid="create-secrets-open">Keep them in an encrypted file…</button></>}
        </div>
      )}
      {prompt && (
        <PasswordPrompt key={prompt.id} profile={prompt} canKeepInFile={canCreate} onKeepInFile={() => setUnlock('create')}
          onClose={() => setDismissed(prompt.id)} onDone={() => onToast(`Password kept for this session: “${prompt.name}”`)} />
      )}
      {unlock && <UnlockSecrets create={unlock === 'create'} onClose={() => setUnlock(null)} onDone={(m) => { setUnlock(null); onToast(m); }} />}
    </>
  );
}
