// Argument parsing for every command: node:util parseArgs in strict mode, its errors turned into
// usage errors (exit 2) that name the flag. Passwords are never accepted on the command line
// (they would land in shell history and process listings).
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

type OptionSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };
export type OptionsSpec = Record<string, OptionSpec>;

const SECRET_FLAG = /^--(ua-)?pass(word)?(=|$)|^--(client-)?secret(=|$)|^--(access-|refresh-|bearer-)?token(=|$)/i;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses argv against `options` (plus --help/-h); unknown flags and missing values are usage errors. */
export function parseCommandArgs(argv: string[], options: OptionsSpec): ParsedArgs {
  const secret = argv.find((a) => SECRET_FLAG.test(a));
  if (secret) {
    const flag = secret.split('=')[0];
    throw new UsageError(`${flag} is not accepted: secrets never go on the command line. Set RETS_PASSWORD / RETS_UA_PASSWORD (RETS) or RESO_TOKEN / RESO_CLIENT_SECRET / RESO_PASSWORD (Web API), use --password-stdin where offered, or answer the prompt.`);
  }
  try {
    const r = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
    return { values: r.values as ParsedArgs['values'], positionals: r.positionals };
  } catch (e) {
    throw new UsageError(plainParseError((e as Error).message));
  }
}

// parseArgs says "Unknown option '--x'. To specify a positional argument starting with a '-'..." :
// keep the first sentence, which names the flag.
function plainParseError(message: string): string {
  const dot = message.indexOf('. ');
  return dot > 0 ? `${message.slice(0, dot)}.` : message;
}

export function stringValue(values: ParsedArgs['values'], name: string): string | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} needs a value.`);
  return v;
}

/** Every value of a repeatable flag (`multiple: true`), in order; [] when absent. */
export function stringValues(values: ParsedArgs['values'], name: string): string[] {
  // parseArgs gives an array for a `multiple` option, which ParsedArgs' value type leaves out.
  const v = (values as Record<string, unknown>)[name];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  if (list.some((x) => typeof x !== 'string' || x === '')) throw new UsageError(`--${name} needs a value.`);
  return list as string[];
}

/** A whole number within [min, max], or a usage error naming the flag. */
export function intValue(values: ParsedArgs['values'], name: string, min: number, max: number): number | undefined {
  const v = stringValue(values, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${v}").`);
  return n;
}

export function oneOf<T extends string>(values: ParsedArgs['values'], name: string, allowed: readonly T[], caseInsensitive = false): T | undefined {
  const v = stringValue(values, name);
  if (v === undefined) return undefined;
  const hit = allowed.find((a) => (caseInsensitive ? a.toLowerCase() === v.toLowerCase() : a === v));
  if (!hit) throw new UsageError(`--${name} must be ${allowed.join(', ')} (got "${v}").`);
  return hit;
}

/** Runs a command body, printing usage errors with the command's usage text (exit 2). */
export async function withUsage(command: string, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`rets-workbench ${command}: ${e.message}\n\n${usage}`);
    return 2;
  }
}
