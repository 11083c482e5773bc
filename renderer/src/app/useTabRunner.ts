// Running a tab's search, and opening a snippet or a history entry as a new tab.
import { useCallback, useMemo } from 'react';
import type { HistoryEntry, Snippet } from '../../../shared/contract';
import type { RetsMetadata } from '../../../shared/rets/metadata/model';
import { askToConfirm, clearConfirm } from '../query/confirmRun';
import { gateRun, runTarget, searchTarget } from '../query/runGate';
import { useProfiles } from '../host/queries';
import { runFor } from '../query/runs';
import { type QueryTab, type useTabs } from '../state/tabs';
import { savedQueryOf, tabFromSaved } from '../query/webapiQuery';

interface Deps {
  profileId?: string;
  metadata?: RetsMetadata;
  tabs: ReturnType<typeof useTabs>;
  /** Called as a run starts (the picked row belonged to the last results). */
  onStart(): void;
  onToast(msg: string): void;
}

export function useTabRunner({ profileId, metadata, tabs, onStart, onToast }: Deps) {
  const addTab = tabs.add;
  const profiles = useProfiles().data;
  const connection = useMemo(() => runTarget(profiles, profileId), [profiles, profileId]);
  // Run goes through the run check (runGate.ts): nothing is sent without a known Resource/Class,
  // and errors the editor found ask first unless this tab said not to.
  const runTab = useCallback((t: QueryTab, force?: boolean) => {
    const gate = gateRun(t, metadata, profileId, connection);
    if (gate.kind === 'blocked' || !profileId || !metadata) return;
    if (gate.kind === 'errors' && !force && !t.runWithErrors) { askToConfirm(t.id); return; }
    clearConfirm(t.id);
    onStart();
    const target = searchTarget(t, metadata);
    void runFor(t.id).start(t.protocol === 'webapi' ? { profileId, ...savedQueryOf(t) } : {
      profileId, resource: target.resource, class: target.cls, query: t.query, select: target.select,
      options: { limit: t.limit, count: t.count, format: t.format, standardNames: !!t.standardNames, ...(t.offset ? { offset: t.offset } : {}) },
    });
  }, [profileId, metadata, onStart, connection]);

  const loadSnippet = useCallback((s: Snippet) => {
    addTab({ title: s.name, ...tabFromSaved(s) });
    onToast(`Loaded snippet “${s.name}”`);
  }, [addTab, onToast]);

  const rerun = useCallback((h: HistoryEntry) => {
    const t = addTab(tabFromSaved(h));
    setTimeout(() => runTab(t), 0);
  }, [addTab, runTab]);

  return { runTab, loadSnippet, rerun };
}
