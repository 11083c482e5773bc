// A ref that always holds the value of the last commit, for listeners registered once that must
// call the newest callback. Written in a layout effect, never during render (a render React throws
// away must not leave its value behind).
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => { ref.current = value; });
  return ref;
}
