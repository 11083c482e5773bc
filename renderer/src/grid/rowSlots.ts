// The grid body's rows keyed by slot (position modulo the slot count), built from the slots of the
// last commit without changing them: a row scrolled out hands its slot to the row scrolled in,
// and a row that has not caught up yet (catchUp.ts) keeps the element it had.
import type { ReactElement } from 'react';

export interface RowSlots {
  /** Only grows (to an even number, so a slot keeps its stripe): a range that changes length by
   *  one row while scrolling must not reshuffle every key. */
  count: number;
  els: ReadonlyMap<number, ReactElement>;
}

export const NO_SLOTS: RowSlots = { count: 2, els: new Map() };

/** The slots for the rows in view: rows from index `done` on keep the element their slot had. */
export function nextSlots<T extends { index: number }>(prev: RowSlots, items: readonly T[], done: number, make: (item: T, slot: number) => ReactElement): RowSlots {
  const count = items.length > prev.count ? items.length + (items.length % 2) : prev.count;
  const kept = count === prev.count ? prev.els : new Map<number, ReactElement>();
  const els = new Map<number, ReactElement>();
  items.forEach((item, i) => {
    const slot = item.index % count;
    const had = kept.get(slot);
    els.set(slot, i >= done && had ? had : make(item, slot));
  });
  return { count, els };
}

/** Children in slot order, not row order: rows are placed by transform, and a list whose order
 *  never changes lets React update them in place (moving a node restyles and relays it). */
export function slotOrder(slots: RowSlots): ReactElement[] {
  return [...slots.els.entries()].sort((a, b) => a[0] - b[0]).map(([, el]) => el);
}
