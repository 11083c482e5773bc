// A translated tab's note (renderer/src/app/translatedNotes.ts): it stays while
// the tab speaks the protocol it was opened in, and goes when the tab switches protocol (its
// connection changed, so it holds the other query) or closes; it does not come back with the protocol.
import { describe, expect, it } from 'vitest';
import { notesStillFitting } from '../../renderer/src/app/translatedNotes';
import type { Protocol } from '../../shared/contract';

const note = (protocol: Protocol) => ({ protocol, title: `Translated into ${protocol}`, messages: [] });

describe('notesStillFitting', () => {
  it('keeps the same object while every tab speaks its note\'s protocol', () => {
    const notes = { a: note('webapi'), b: note('rets') };
    expect(notesStillFitting(notes, [{ id: 'a', protocol: 'webapi' }, { id: 'b' }, { id: 'c', protocol: 'rets' }])).toBe(notes);
  });

  it('drops the note of a tab that switched protocol, and it stays gone when the tab switches back', () => {
    const notes = { a: note('webapi'), b: note('rets') };
    const switched = notesStillFitting(notes, [{ id: 'a', protocol: 'rets' }, { id: 'b', protocol: 'rets' }]);
    expect(switched).toEqual({ b: notes.b });
    expect(notesStillFitting(switched, [{ id: 'a', protocol: 'webapi' }, { id: 'b', protocol: 'rets' }])).toEqual({ b: notes.b });
  });

  it('drops the note of a closed tab', () => {
    expect(notesStillFitting({ a: note('rets') }, [{ id: 'x', protocol: 'rets' }])).toEqual({});
  });
});
