// After a fast scroll settles, the DOM rows catch up with the canvas a few rows a frame, top row
// first, under the canvas, which hides once they all have: rewriting every row in view in one
// frame (style, layout, paint of ~40 rows) took ~100 ms; a few rows a frame keep each frame short.
// A press or a key needs real rows at once (fastScroll.ts): then all catch up in that frame.
import { useEffect, useLayoutEffect, useReducer, useRef } from 'react';

/** Rows rewritten per frame while catching up (~2 ms each in software rendering). */
export const CATCH_UP_ROWS = 6;

/** How many rows, counted from the top of the view, show their current data. */
export function useCatchUp(fast: boolean, held: boolean, rowsInView: number): { done: number; catching: boolean } {
  // The count of the last commit: a render React throws away must not move it.
  const committed = useRef(Number.POSITIVE_INFINITY);
  const [, tick] = useReducer((n: number) => n + 1, 0);
  // The frame where scrolling settles takes the first rows; a press or a key takes them all.
  const done = fast ? CATCH_UP_ROWS : held ? Number.POSITIVE_INFINITY : committed.current;
  useLayoutEffect(() => { committed.current = done; });
  const catching = !fast && done < rowsInView;
  useEffect(() => {
    if (!catching) return undefined;
    const id = requestAnimationFrame(() => { committed.current += CATCH_UP_ROWS; tick(); });
    return () => cancelAnimationFrame(id);
  });
  return { done, catching };
}
