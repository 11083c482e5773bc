// The words the snippets and history palette shows for a saved query: where it searches and, for
// history, on which connection it ran (history mixes every connection's runs).
import type { HistoryEntry, SearchQuery } from '../../../shared/contract';

/** "Property/RES" for RETS; a Web API query has an entity set only (its class repeats it). */
export function queryTarget(q: Pick<SearchQuery, 'protocol' | 'resource' | 'class'>): string {
  return q.protocol === 'webapi' ? `${q.resource} (Web API)` : `${q.resource}/${q.class}`;
}

/** The line beside a history entry: the connection it ran on (when still known), rows, time, when. */
export function historyMeta(h: Pick<HistoryEntry, 'profileId' | 'rows' | 'elapsedMs' | 'startedAt'>, profileName: (id: string) => string | undefined): string {
  const on = profileName(h.profileId);
  return `${on ? `${on} · ` : ''}${h.rows.toLocaleString()} rows · ${(h.elapsedMs / 1000).toFixed(2)} s · ${new Date(h.startedAt).toLocaleString()}`;
}
