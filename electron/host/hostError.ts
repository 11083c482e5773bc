// Host-side failures as typed, user-facing errors (the only error shape the renderer sees).
import { RetsError, isRetsError, type RetsErrorInfo, type RetsTransaction } from '../../shared/rets/errors';
import { isODataError } from '../../shared/odata/errors';
import { odataErrorInfo } from './odataErrorInfo';

export function inputError(message: string, hint?: string): RetsError {
  return new RetsError({ kind: 'input', transaction: 'Other', message, ...(hint ? { hint } : {}) });
}

export function notFound(what: string, id: string): RetsError {
  return inputError(`No ${what} "${id}" exists.`, `It may have been deleted; reload the list.`);
}

export function cancelledError(transaction: RetsTransaction = 'Other'): RetsError {
  return new RetsError({ kind: 'cancelled', transaction, message: 'Cancelled.' });
}

/** Any thrown value as RetsErrorInfo; unknown errors become 'internal' without a stack. */
export function toErrorInfo(err: unknown, transaction: RetsTransaction = 'Other'): RetsErrorInfo {
  if (isRetsError(err)) return err.info;
  if (isODataError(err)) return odataErrorInfo(err.info);
  if (err instanceof Error && err.name === 'AbortError') return { kind: 'cancelled', transaction, message: 'Cancelled.' };
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'ENOSPC' || code === 'EISDIR') {
    return { kind: 'input', transaction, message: `A file operation failed: ${message}`, hint: 'Check the path and that you may write there.' };
  }
  return { kind: 'internal', transaction, message: `Something went wrong in the workbench: ${message}`, hint: 'Try again; if it persists, report it with the log panel\'s contents.' };
}
