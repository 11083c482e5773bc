// What the details drawer shows: the field picked in the explorer or the row picked in the grid,
// whichever was picked last. A new tab or a new run forgets the row (its index meant other data).
import { useCallback, useEffect, useState } from 'react';
import type { Selection } from '../explorer/MetadataExplorer';

export function useDetailsSelection(tabId: string, runStartedAt: number | undefined) {
  const [field, setField] = useState<{ s: Selection; nodeId: string } | null>(null);
  const [row, setRow] = useState<number | undefined>();
  const [drawer, setDrawer] = useState<'field' | 'row'>('field');
  useEffect(() => { setRow(undefined); }, [tabId, runStartedAt]);
  const selectField = useCallback((s: Selection, nodeId: string) => { setField({ s, nodeId }); setDrawer('field'); }, []);
  const selectRow = useCallback((i: number | undefined) => { setRow(i); if (i !== undefined) setDrawer('row'); }, []);
  const clearRow = useCallback(() => setRow(undefined), []);
  return { field, row, drawer, selectField, selectRow, clearRow };
}
