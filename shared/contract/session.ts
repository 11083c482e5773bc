// One RETS session per profile, held by the host; the renderer sees its state and login facts.
import { z } from 'zod';
import { Id, RetsErrorInfoSchema, Timestamp } from './common';

/** What the login response told us (capability URLs with secrets removed). */
export const LoginInfo = z.object({
  /** Capability name (Search, GetMetadata, GetObject, X-…) -> URL. */
  capabilities: z.record(z.string(), z.string()),
  metadataVersion: z.string().optional(),
  metadataTimestamp: z.string().optional(),
  memberName: z.string().optional(),
  userId: z.string().optional(),
  userClass: z.string().optional(),
  agentCode: z.string().optional(),
  brokerCode: z.string().optional(),
  timeoutSeconds: z.number().optional(),
  /** RETS-Version the server answered with. */
  serverRetsVersion: z.string().optional(),
  /** Server header, if sent. */
  server: z.string().optional(),
  /** What in the login reply looked wrong or needs attention (odd lines, capability URLs on
   *  another host, an Action page that failed), secrets removed. */
  warnings: z.array(z.string()).optional(),
});

/** One rate-limit window the server announced in its headers (burst, minute, hour, x-ratelimit…). */
export const QuotaWindow = z.object({
  window: z.string(),
  limit: z.number().optional(),
  remaining: z.number().optional(),
  /** As the server sent it: seconds, an epoch or a date, depending on the vendor. */
  reset: z.string().optional(),
});
/** The server's quota from the rate-limit headers of its latest answer that had any. */
export const SessionQuota = z.object({
  windows: z.array(QuotaWindow),
  /** Every rate-limit or quota header as sent (lower-case names). */
  raw: z.record(z.string(), z.string()),
  /** When the headers were read. */
  at: Timestamp,
});

export const SessionState = z.enum(['disconnected', 'connecting', 'connected', 'expired', 'error']);

export const SessionStatus = z.object({
  profileId: Id,
  state: SessionState,
  login: LoginInfo.optional(),
  error: RetsErrorInfoSchema.optional(),
  connectedAt: Timestamp.optional(),
  /** Requests made in this session and the last one's duration (status bar). */
  requests: z.number().int().nonnegative(),
  lastRequestMs: z.number().nonnegative().optional(),
  throttlePerMinute: z.number().int().nonnegative().optional(),
  /** Web API: the server's quota, from its rate-limit headers. */
  quota: SessionQuota.optional(),
  /** A Retry-After wait running now: how long it is, and when it ends. */
  waitingMs: z.number().nonnegative().optional(),
  waitingUntil: Timestamp.optional(),
});

export const ProfileRef = z.object({ profileId: Id });

export type LoginInfo = z.infer<typeof LoginInfo>;
export type SessionStatus = z.infer<typeof SessionStatus>;
export type SessionQuota = z.infer<typeof SessionQuota>;
