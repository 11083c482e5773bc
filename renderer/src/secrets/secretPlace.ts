// Where a profile's password is kept, in the words the Edit dialog and the prompts use.
import type { Profile } from '../../../shared/contract';

export function secretPlace(p: Pick<Profile, 'secretStorage' | 'hasPassword'>): string {
  switch (p.secretStorage) {
    case 'keychain': return 'stored in the OS keychain';
    case 'file': return p.hasPassword ? 'stored in the encrypted secrets file' : 'in the encrypted secrets file, which is locked';
    case 'memory': return p.hasPassword ? 'kept in memory for this session only (no keychain here)' : 'not stored (no keychain here): enter it when you connect';
    default: return p.hasPassword ? 'typed for this session only' : 'not stored';
  }
}

/** The secret a profile connects with: RETS password, or the Web API token, client secret or password its authentication uses. */
export function mainSecretField(p: Pick<Profile, 'type' | 'webApi'> | undefined): 'password' | 'token' | 'clientSecret' {
  if (p?.type !== 'webapi') return 'password';
  const auth = p.webApi?.auth;
  return auth === 'bearer' ? 'token' : auth === 'password' ? 'password' : 'clientSecret';
}

function hasMainSecret(p: Profile): boolean {
  const field = mainSecretField(p);
  return field === 'token' ? !!p.hasToken : field === 'clientSecret' ? !!p.hasClientSecret : p.hasPassword;
}

/** A saved profile that cannot connect until its secret is typed again (lost to a restart). */
export function needsSessionPassword(p: Profile | undefined): boolean {
  return !!p && !p.builtin && !hasMainSecret(p) && p.secretStorage !== 'file';
}
