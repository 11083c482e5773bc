// The bottom log (the request inspector): open or closed, and which request it shows.
import { useCallback, useState } from 'react';

export function useLogPanel() {
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<number | undefined>();
  const show = useCallback((traceId: number) => { setSelected(traceId); setOpen(true); }, []);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  const close = useCallback(() => setOpen(false), []);
  return { open, selected, select: setSelected, show, toggle, close };
}
