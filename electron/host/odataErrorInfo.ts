// A Web API failure (ODataError) in the one error shape the contract carries: the operation
// becomes the nearest RETS transaction (token and service document: Login; $metadata and the
// Lookup resource: GetMetadata; queries: Search; Media: GetObject), the server's code and message
// travel as the reply text.
import type { ODataErrorInfo, ODataOperation } from '../../shared/odata/errors';
import type { RetsErrorInfo, RetsTransaction } from '../../shared/rets/errors';

const TRANSACTION: Record<ODataOperation, RetsTransaction> = {
  Token: 'Login', ServiceDocument: 'Login', Metadata: 'GetMetadata', Lookup: 'GetMetadata',
  Query: 'Search', Entity: 'Search', Media: 'GetObject', Other: 'Other',
};

export function odataErrorInfo(e: ODataErrorInfo): RetsErrorInfo {
  const kind = e.kind === 'odata' || e.kind === 'rate-limit' ? 'http' : e.kind;
  const said = e.serverCode && e.serverMessage ? `${e.serverCode}: ${e.serverMessage}` : e.serverMessage ?? e.serverCode;
  const details = (e.details ?? []).map((d) => `${d.code ? `${d.code}: ` : ''}${d.message}`).join(' ');
  return {
    kind, transaction: TRANSACTION[e.operation] ?? 'Other', message: e.message,
    ...(e.cause ? { cause: e.cause } : {}),
    ...(e.hint ? { hint: e.hint } : {}),
    ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}),
    ...(said || details ? { replyText: [said, details].filter(Boolean).join(' ') } : {}),
    ...(e.url ? { url: e.url } : {}),
  };
}
