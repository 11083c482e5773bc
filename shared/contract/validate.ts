// Validation of payloads against the contract, with failures as user-facing RetsErrorInfo.
import { z } from 'zod';
import type { RetsErrorInfo } from '../rets/errors';
import { calls, isCallName, type CallName, type CallParsedRequest } from './calls';

/** One readable line per problem: "loginUrl: Invalid URL". */
export function describeZodError(err: z.ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function invalidRequestError(name: string, err: z.ZodError): RetsErrorInfo {
  return {
    kind: 'input',
    transaction: 'Other',
    message: `The request "${name}" is not valid: ${describeZodError(err)}.`,
    hint: 'Check the values you entered.',
  };
}

export function unknownCallError(name: string): RetsErrorInfo {
  return { kind: 'input', transaction: 'Other', message: `There is no call named "${name}".` };
}

export type ParsedCall<N extends CallName = CallName> =
  | { ok: true; name: N; request: CallParsedRequest<N> }
  | { ok: false; error: RetsErrorInfo };

/** Checks a call name and its request; returns the parsed request (defaults filled in). */
export function parseCallRequest(name: string, request: unknown): ParsedCall {
  if (!isCallName(name)) return { ok: false, error: unknownCallError(name) };
  const r = calls[name].request.safeParse(request ?? {});
  if (!r.success) return { ok: false, error: invalidRequestError(name, r.error) };
  return { ok: true, name, request: r.data as CallParsedRequest<CallName> };
}
