// The grid body's row slots (renderer/src/grid/rowSlots.ts): built from the last commit's slots
// without changing them, a row scrolled in takes the slot of the row scrolled out, rows not caught
// up keep their element, and the slot count only grows, to an even number.
import { describe, expect, it } from 'vitest';
import { createElement, type ReactElement } from 'react';
import { NO_SLOTS, nextSlots, slotOrder } from '../../renderer/src/grid/rowSlots';

const items = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ index: from + i }));
const make = (item: { index: number }, slot: number): ReactElement => createElement('div', { key: slot, 'data-row': item.index });
const rowOf = (el: ReactElement) => (el.props as { 'data-row': number })['data-row'];

describe('nextSlots', () => {
  it('grows the slot count to an even number and never shrinks it', () => {
    const five = nextSlots(NO_SLOTS, items(0, 4), Infinity, make);
    expect(five.count).toBe(6);
    expect(nextSlots(five, items(0, 2), Infinity, make).count).toBe(6);
    expect(nextSlots(five, items(0, 6), Infinity, make).count).toBe(8);
  });

  it('hands a scrolled-out row slot to the row scrolled in, in slot order', () => {
    const first = nextSlots(NO_SLOTS, items(0, 3), Infinity, make);
    const next = nextSlots(first, items(1, 4), Infinity, make);
    expect(slotOrder(next).map(rowOf)).toEqual([4, 1, 2, 3]);
    expect(slotOrder(next).map((el) => el.key)).toEqual(['0', '1', '2', '3']);
  });

  it('keeps the element of rows from `done` on and leaves the previous slots as they were', () => {
    const first = nextSlots(NO_SLOTS, items(0, 3), Infinity, make);
    const before = [...first.els.values()];
    const next = nextSlots(first, items(4, 7), 2, make);
    expect(slotOrder(next).map(rowOf)).toEqual([4, 5, 2, 3]);
    expect(next.els.get(2)).toBe(first.els.get(2));
    expect([...first.els.values()]).toEqual(before);
  });
});
