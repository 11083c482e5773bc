// A drag handle between two panes (role separator): drag with the mouse, or focus it and use the
// arrow keys; double-click restores the default size. It sizes one pane of paneSizes.ts.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { DEFAULT_PANES, PANE_LIMITS, setPane, usePaneSizes, type PaneSizes } from './paneSizes';

interface Props {
  pane: keyof PaneSizes;
  /** 'x' resizes a width (a vertical bar), 'y' a height (a horizontal bar). */
  axis: 'x' | 'y';
  /** The pane grows when the pointer moves left or up (a pane on the right of its handle). */
  invert?: boolean;
  label: string;
  className: string;
}

const STEP = 16;

export function Splitter({ pane, axis, invert, label, className }: Props) {
  const sizes = usePaneSizes();
  const start = useRef<{ at: number; size: number } | null>(null);
  const sign = invert ? -1 : 1;
  const pos = (e: PointerEvent) => (axis === 'x' ? e.clientX : e.clientY);
  function onDown(e: PointerEvent<HTMLDivElement>) {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { at: pos(e), size: sizes[pane] };
  }
  function onMove(e: PointerEvent<HTMLDivElement>) {
    if (start.current) setPane(pane, start.current.size + sign * (pos(e) - start.current.at));
  }
  function onKey(e: KeyboardEvent) {
    const grow = axis === 'x' ? { ArrowRight: 1, ArrowLeft: -1 } : { ArrowDown: 1, ArrowUp: -1 };
    const d = grow[e.key as keyof typeof grow];
    if (d === undefined) return;
    e.preventDefault();
    setPane(pane, sizes[pane] + sign * d * STEP);
  }
  return (
    <div
      className={`rw-splitter rw-splitter-${axis} ${className}`} role="separator" tabIndex={0} aria-label={label}
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'} aria-valuenow={sizes[pane]} aria-valuemin={PANE_LIMITS[pane][0]} aria-valuemax={PANE_LIMITS[pane][1]}
      title={`${label}: drag, or arrow keys; double-click resets`} data-testid={`splitter-${pane}`}
      onPointerDown={onDown} onPointerMove={onMove} onPointerUp={() => { start.current = null; }} onPointerCancel={() => { start.current = null; }}
      onKeyDown={onKey} onDoubleClick={() => setPane(pane, DEFAULT_PANES[pane])}
    />
  );
}
