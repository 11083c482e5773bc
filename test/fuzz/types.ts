// What a fuzz target is. Each parser registers one in targets.ts; the runner (fuzz.ts) feeds it
// every generator's inputs and checks each run: no hang, no untyped exception, work linear in size.

/** Deterministic random numbers in [0, 1) (the runner seeds one per input). */
export type Rng = () => number;

export interface FuzzGenerator {
  name: string;
  /** An input of about `size` bytes. Scaling generators give the same shape at every size. */
  make(size: number, rng: Rng): Uint8Array;
  /** True when inputs of n and 4n bytes have the same shape, so their work must scale by ~4. */
  scaling?: boolean;
}

export interface FuzzTarget {
  name: string;
  /** Parses the bytes the way the app does; may throw only errors `typed` accepts. */
  parse(bytes: Uint8Array): void;
  generators: FuzzGenerator[];
  /** Whether a thrown value is this parser's typed, user-facing error (default: a RetsError). */
  typed?(e: unknown): boolean;
}
