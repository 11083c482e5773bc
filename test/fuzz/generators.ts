// Hostile input makers shared by the fuzz targets: repetition, nesting, long attributes,
// unterminated constructs, huge counts, random token soups and mutations of real-looking bodies.
import { int, pick } from './rng';
import type { FuzzGenerator, Rng } from './types';

/** Text to bytes, one byte per char (callers write ASCII/Latin-1 on purpose, hostile bytes included). */
export function bytesOf(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

function times(unit: string, room: number): string {
  return unit.repeat(Math.max(1, Math.floor(room / Math.max(1, unit.length))));
}

/** prefix, then unit repeated to fill size, then suffix (`<RETS ` × 100,000). */
export function repeated(name: string, prefix: string, unit: string, suffix = ''): FuzzGenerator {
  return { name, scaling: true, make: (size) => bytesOf(prefix + times(unit, size - prefix.length - suffix.length) + suffix) };
}

/** prefix, open × k, inner, close × k, suffix: nesting as deep as the size allows. */
export function nested(name: string, prefix: string, open: string, close: string, suffix = '', inner = ''): FuzzGenerator {
  return {
    name, scaling: true,
    make: (size) => {
      const k = Math.max(1, Math.floor((size - prefix.length - suffix.length - inner.length) / (open.length + close.length)));
      return bytesOf(prefix + open.repeat(k) + inner + close.repeat(k) + suffix);
    },
  };
}

/** before, fill repeated to size, after: a long attribute, text or name (after may be left out: unterminated). */
export function longRun(name: string, before: string, fill: string, after = ''): FuzzGenerator {
  return repeated(name, before, fill, after);
}

/** prefix, then random tokens from a hostile alphabet (one in ten is `other(rng)`) until size characters. */
export function tokenText(size: number, rng: Rng, tokens: readonly string[], prefix: string, other: (rng: Rng) => string): string {
  const parts: string[] = [prefix];
  let n = prefix.length;
  while (n < size) {
    const t = rng() < 0.1 ? other(rng) : pick(rng, tokens);
    parts.push(t);
    n += t.length;
  }
  return parts.join('');
}

/** Random tokens from a hostile alphabet until size. */
export function soup(name: string, tokens: readonly string[], prefix = ''): FuzzGenerator {
  return { name, make: (size, rng) => bytesOf(tokenText(size, rng, tokens, prefix, (r) => randomText(r, int(r, 1, 12)))) };
}

/** Uniform random bytes. */
export function noise(name = 'random bytes'): FuzzGenerator {
  return {
    name,
    make: (size, rng) => {
      const out = new Uint8Array(size);
      for (let i = 0; i < size; i++) out[i] = Math.floor(rng() * 256);
      return out;
    },
  };
}

function randomText(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(int(rng, 0x20, 0x7e));
  return s;
}

/**
 * A well-formed body (built by `body(rows)`) grown to size, then damaged: slices duplicated,
 * cut out or swapped for hostile tokens, and sometimes truncated.
 */
export function mutated(name: string, body: (rows: number, rng: Rng) => string, tokens: readonly string[]): FuzzGenerator {
  return {
    name,
    make: (size, rng) => {
      let rows = 1;
      let s = body(rows, rng);
      while (s.length < size && rows < 1 << 20) { rows *= 2; s = body(rows, rng); }
      return bytesOf(damage(s, rng, tokens).slice(0, Math.max(size, 16) * 2));
    },
  };
}

/** Up to eight edits: slices duplicated, cut out or swapped for hostile tokens, or the rest cut off. */
export function damage(text: string, rng: Rng, tokens: readonly string[]): string {
  let s = text;
  const edits = int(rng, 0, 8);
  for (let e = 0; e < edits && s.length > 0; e++) {
    const at = int(rng, 0, s.length - 1);
    const span = int(rng, 1, Math.min(64, s.length - at));
    const kind = rng();
    if (kind < 0.3) s = s.slice(0, at) + s.slice(at, at + span).repeat(int(rng, 2, 50)) + s.slice(at + span);
    else if (kind < 0.55) s = s.slice(0, at) + s.slice(at + span);
    else if (kind < 0.85) s = s.slice(0, at) + pick(rng, tokens) + s.slice(at);
    else s = s.slice(0, at);
  }
  return s;
}

/** Hostile tokens for anything XML-like. */
export const XML_TOKENS = [
  '<', '>', '/>', '</', '"', "'", '=', ' ', '\t', '\r\n', '\n', '&', '&amp;', '&#x', '&#55357;', ';', '<!--', '-->',
  '<![CDATA[', ']]>', '<?xml version="1.0"?>', '<!DOCTYPE html>', '<RETS ', '<RETS>', '</RETS>', '<RETS-STATUS ',
  ' ReplyCode="0"', ' ReplyText="x"', "ReplyCode='20201'", '<html>', '<title>', '</title>', '<h1>', '\u00e9', '\u00ff',
];
