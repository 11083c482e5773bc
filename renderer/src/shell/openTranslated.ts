// "Open as Web API query" on a RETS tab (and "Open as RETS query" on a Web API tab): the query
// translated through `translate.query` for the counterpart profile (translatedTab.ts), or for
// another MLS of the same protocol (a portable snippet), resolved as
// the tab to open; the caller opens it and shows its messages and the source's markers.
import { useCallback } from 'react';
import type { Profile } from '../../../shared/contract';
import { useTranslate } from '../host/queries';
import { notesOf, type SourceQuery, type TranslatedTab } from './translatedTab';

/** `open(source, target)` translates and resolves to the tab to open (the caller opens it). */
export function useOpenTranslated() {
  const translate = useTranslate();
  const open = useCallback(async (source: SourceQuery, target: Profile): Promise<TranslatedTab> => {
    const r = await translate.mutateAsync({
      from: source.protocol, to: target.type === 'webapi' ? 'odata' : 'dmql', query: source.query, sourceProfileId: source.profileId, targetProfileId: target.id,
      resource: source.resource, ...(source.cls && source.protocol === 'dmql' ? { className: source.cls } : {}),
    });
    return {
      profileId: target.id, protocol: r.to ?? (target.type === 'webapi' ? 'odata' : 'dmql'), query: r.text, resource: r.resource,
      ...(r.className ? { cls: r.className } : {}), complete: r.complete, ...notesOf(source.query, r),
    };
  }, [translate]);
  return { open, pending: translate.isPending };
}
