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

/** A saved profile that cannot connect until its password is typed again (lost to a restart). */
export function needsSessionPassword(p: Profile | undefined): boolean {
  return !!p && !p.builtin && !p.hasPassword && p.secretStorage !== 'file';
}
