// Browser mode's event stream (shared/contract/frames.ts): the renderer reads frames from a byte
// stream that a proxy or a dying host may cut or garble; anything but frames is a FrameError.
import { encodeFrame, FrameError, FrameReader } from '../../shared/contract/frames';
import { mutated, noise, repeated } from './generators';
import type { FuzzTarget } from './types';

/** A frame as a Latin-1 string (one char a byte), for the string-built generators. */
function frameText(event: object): string {
  let s = '';
  for (const part of encodeFrame(event)) for (const b of part) s += String.fromCharCode(b);
  return s;
}

const rows = frameText({ type: 'search.rows', operationId: 'op-1', start: 0, count: 2, width: 2, bytes: new TextEncoder().encode('1\tx2\ty'), sep: '\t', ends: [3, 6] });
const plain = frameText({ type: 'snippets.changed' });

export const contractTargets: FuzzTarget[] = [
  {
    name: 'event stream frames',
    parse(bytes) {
      const r = new FrameReader();
      r.push(bytes);
      r.end();
    },
    typed: (e) => e instanceof FrameError,
    generators: [
      repeated('many frames', '', rows + plain),
      mutated('damaged frames', (n) => (rows + plain).repeat(n), [rows, plain, '\u0000', '\u00ff\u00ff\u00ff\u00ff', 'RWF\u0001', '{', '"']),
      noise(),
    ],
  },
];
