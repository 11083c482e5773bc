// What the transaction modules (search, objects, metadata) need from a session: the transport,
// capability URLs, and the one-re-login-then-retry rule.
import type { RetsTransaction } from '../../shared/rets/errors';
import type { Transport, TransportRequest, TransportResponse } from './transport';
import type { ConnectionSettings } from './types';

export type CapabilityName = 'Search' | 'GetMetadata' | 'GetObject' | 'Logout' | 'Action';

export interface SessionCore {
  readonly settings: ConnectionSettings;
  readonly transport: Transport;
  /** Absolute URL of a capability from the login response; throws a RetsError when absent. */
  capabilityUrl(name: CapabilityName, transaction: RetsTransaction): string;
  /** Send and fail on non-2xx HTTP statuses with a typed error. */
  open(req: TransportRequest): Promise<TransportResponse>;
  /** Whether this failure, on this attempt, calls for a new login and one retry. */
  shouldRelogin(error: unknown, attempt: number): boolean;
  relogin(signal?: AbortSignal): Promise<void>;
}
