// Tells COMPACT from STANDARD-XML by the first element after the envelope. Fed chunk by chunk,
// each byte is looked at once: a body that arrives in many small pieces is not rescanned.

import type { SearchFormat } from './types';

const envelope = new Set(['RETS', '/RETS', 'COUNT', '/COUNT', 'RETS-STATUS', 'MAXROWS']);
/** Only this much of a body is looked at (the first element after the envelope is near the top). */
export const SNIFF_BYTES = 64 * 1024;
/** Longer names are no envelope or COMPACT tag: only whether they end matters. */
const MAX_NAME = 32;

const enum State { Text, Open, First, Name }

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 46;
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 47 || c === 62;
}

/** The format from the first complete tag name that is not the envelope's, `<?…>` or `<!…>`. */
export class FormatSniffer {
  private seen = 0;
  private state = State.Text;
  private name = '';
  private decided: SearchFormat | null = null;

  /** The format once known, else null (more bytes needed, or the first 64 KB did not tell). */
  feed(bytes: Uint8Array): SearchFormat | null {
    const end = Math.min(bytes.length, SNIFF_BYTES - this.seen);
    for (let i = 0; i < end && this.decided === null; i++) this.step(bytes[i]!);
    this.seen += Math.max(0, end);
    return this.decided;
  }

  private step(c: number): void {
    switch (this.state) {
      case State.Text:
        if (c === 0x3c) this.state = State.Open;
        return;
      case State.Open:
        if (c === 0x2f || c === 0x3f || c === 0x21) { this.name = String.fromCharCode(c); this.state = State.First; return; }
        this.name = '';
        this.state = State.First;
        this.step(c);
        return;
      case State.First:
        if (isNameStart(c)) { this.name += String.fromCharCode(c); this.state = State.Name; return; }
        this.state = State.Text;
        if (c === 0x3c) this.state = State.Open;
        return;
      case State.Name:
        if (isNameChar(c)) { if (this.name.length <= MAX_NAME) this.name += String.fromCharCode(c); return; }
        this.state = State.Text;
        if (isNameEnd(c)) this.decide(this.name.toUpperCase());
        else if (c === 0x3c) this.state = State.Open;
        return;
    }
  }

  private decide(name: string): void {
    if (name.startsWith('?') || name.startsWith('!') || envelope.has(name)) return;
    this.decided = name === 'DELIMITER' || name === 'COLUMNS' || name === 'DATA' ? 'COMPACT' : 'STANDARD-XML';
  }
}
