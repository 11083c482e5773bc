// The one error the pure OData readers throw ($metadata, payloads): a typed value with the offset
// where reading stopped (bytes for payloads, characters for $metadata text), so a hostile or broken
// body never ends in an untyped exception or a stack overflow. The host turns it into a
// user-facing error (errors.ts).

export type ODataParseErrorKind =
  | 'syntax'     // not well-formed XML / JSON
  | 'too-deep'   // nesting beyond the reader's cap
  | 'too-large'  // a value or row beyond the reader's size cap
  | 'truncated'  // the body ended inside a construct
  | 'not-csdl';  // well-formed, but not a CSDL document

export class ODataParseError extends Error {
  constructor(readonly kind: ODataParseErrorKind, message: string, readonly offset: number) {
    super(`${message} (at offset ${offset})`);
    this.name = 'ODataParseError';
  }
}

export function isODataParseError(e: unknown): e is ODataParseError {
  return e instanceof ODataParseError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'ODataParseError');
}
