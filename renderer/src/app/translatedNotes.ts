// A translated tab's note lives while the tab holds the query it was translated into.
import type { Protocol } from '../../../shared/contract';
import type { QueryTab } from '../state/tabs';

/** The notes whose tab is still open and speaks the protocol it was translated into: a tab that
 *  switched protocol (its connection changed) holds another query, so the note goes with its results
 *  (query/runs.ts forgetRun). The same object when nothing goes, so React keeps the state. */
export function notesStillFitting<N extends { protocol: Protocol }>(notes: Record<string, N>, tabs: readonly Pick<QueryTab, 'id' | 'protocol'>[]): Record<string, N> {
  const fits = (id: string, n: N) => { const t = tabs.find((x) => x.id === id); return !!t && (t.protocol ?? 'rets') === n.protocol; };
  const ids = Object.keys(notes);
  if (ids.every((id) => fits(id, notes[id]!))) return notes;
  return Object.fromEntries(ids.filter((id) => fits(id, notes[id]!)).map((id) => [id, notes[id]!]));
}
