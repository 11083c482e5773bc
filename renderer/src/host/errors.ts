// Every error the UI shows comes through here as the contract's RetsErrorInfo.
import { isRetsError, type RetsErrorInfo } from '../../../shared/rets/errors';

export function toErrorInfo(err: unknown): RetsErrorInfo {
  if (isRetsError(err)) return err.info;
  if (err && typeof err === 'object' && 'kind' in err && 'message' in err) return err as RetsErrorInfo;
  return { kind: 'internal', transaction: 'Other', message: err instanceof Error ? err.message : String(err) };
}
