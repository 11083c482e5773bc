// Pane sizes (explorer and details width, editor height): UI state, remembered in localStorage,
// handed to styles.css as CSS variables on the app's root. A small store so the splitters in the
// center and the editor's own splitter share it without props.
import { useSyncExternalStore } from 'react';

export interface PaneSizes { left: number; right: number; editor: number }
export const DEFAULT_PANES: PaneSizes = { left: 264, right: 310, editor: 130 };
export const PANE_LIMITS: Record<keyof PaneSizes, [number, number]> = { left: [180, 640], right: [220, 720], editor: [60, 600] };

const KEY = 'rw.panes.v1';
const listeners = new Set<() => void>();

export function clampPane(k: keyof PaneSizes, v: number): number {
  const [lo, hi] = PANE_LIMITS[k];
  return Math.round(Math.min(hi, Math.max(lo, Number.isFinite(v) ? v : DEFAULT_PANES[k])));
}

function load(): PaneSizes {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<PaneSizes>;
    return { left: clampPane('left', v.left ?? DEFAULT_PANES.left), right: clampPane('right', v.right ?? DEFAULT_PANES.right), editor: clampPane('editor', v.editor ?? DEFAULT_PANES.editor) };
  } catch { return { ...DEFAULT_PANES }; } // a broken entry starts from the defaults
}

let sizes: PaneSizes = load();

export function setPane(k: keyof PaneSizes, v: number): void {
  const next = clampPane(k, v);
  if (sizes[k] === next) return;
  sizes = { ...sizes, [k]: next };
  localStorage.setItem(KEY, JSON.stringify(sizes));
  for (const l of listeners) l();
}

export function usePaneSizes(): PaneSizes {
  return useSyncExternalStore((l) => { listeners.add(l); return () => { listeners.delete(l); }; }, () => sizes);
}

/** The CSS variables styles.css sizes the panes with. */
export function paneVars(s: PaneSizes): Record<string, string> {
  return { '--rw-left-w': `${s.left}px`, '--rw-right-w': `${s.right}px`, '--rw-editor-h': `${s.editor}px` };
}
