// IPC channel names: one per contract call (the preload exposes each as its own function), plus
// the one channel host events come down on. No generic invoke channel exists.
import type { CallName } from '../../shared/contract/calls';

export const CALL_CHANNEL_PREFIX = 'rw:call:';
export const EVENT_CHANNEL = 'rw:event';

export function callChannel(name: CallName): string {
  return `${CALL_CHANNEL_PREFIX}${name}`;
}
