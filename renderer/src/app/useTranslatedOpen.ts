// "Open as Web API query" / "Open as RETS query" and portable snippets: a query translated for the
// counterpart profile opens in a new tab on that profile, with the translation's notes shown on the
// new tab (a list) and as markers on the source tab's query (where they have a range). A snippet of
// the other protocol than the active profile's is offered translated, or as written on its own side;
// a snippet written (or a history entry run) on another profile of the active one's protocol
// (another MLS) is offered translated through both profiles' mappings, or as written.
import { useCallback, useEffect, useState } from 'react';
import type { HistoryEntry, Profile, Protocol, Snippet } from '../../../shared/contract';
import type { Diagnostic } from '../../../shared/dmql/validate';
import { useOpenTranslated } from '../shell/openTranslated';
import { counterpartOf, type TranslatedTab } from '../shell/translatedTab';
import { DEFAULT_WEBAPI_OPTIONS, type QueryTab, type useTabs } from '../state/tabs';
import { tabFromSaved } from '../query/webapiQuery';
import { notesStillFitting } from './translatedNotes';

type Source = Pick<QueryTab, 'query' | 'resource' | 'cls'> & Partial<Pick<QueryTab, 'protocol' | 'select' | 'limit' | 'title'>>;

/** What a tab shows above its editor: the notes of the translation that opened it, or an offer. */
export interface TabNotice {
  title: string;
  messages: TranslatedTab['messages'];
  actions?: { label: string; testId: string; run(): void }[];
}

interface Deps {
  profiles: readonly Profile[];
  activeProfile?: Profile;
  setActiveId(id: string): void;
  tabs: ReturnType<typeof useTabs>;
  onToast(msg: string): void;
  /** Opens a snippet as written (in a new tab of the active profile). */
  loadAsWritten(s: Snippet): void;
  /** Runs a history entry again as written (in a new tab of the active profile). */
  rerunAsWritten(h: HistoryEntry): void;
}

/** A translated tab's note, with the protocol the tab was opened in. */
type TabNote = TabNotice & { protocol: Protocol };

const side = (p: 'rets' | 'webapi') => (p === 'webapi' ? 'Web API' : 'RETS');

/** The profile a snippet was written on: by its id, else by its name (a file imported from another machine). */
function writtenOn(profiles: readonly Profile[], s: Snippet): Profile | undefined {
  const p = s.profile;
  if (!p) return undefined;
  return (p.id ? profiles.find((x) => x.id === p.id) : undefined) ?? profiles.find((x) => x.name === p.name);
}

export function useTranslatedOpen({ profiles, activeProfile, setActiveId, tabs, onToast, loadAsWritten, rerunAsWritten }: Deps) {
  const { open, pending } = useOpenTranslated();
  const [notices, setNotices] = useState<Record<string, TabNote>>({});
  const openTabs = tabs.tabs;
  useEffect(() => { setNotices((n) => notesStillFitting(n, openTabs)); }, [openTabs]);
  // Markers on a source tab hold while its query is the one translated (offsets go stale on edit).
  const [marks, setMarks] = useState<Record<string, { query: string; notes: Diagnostic[] }>>({});
  const [offer, setOffer] = useState<TabNotice>();
  const addTab = tabs.add;

  /** Translates `src` (written for `from`) for `to` and opens it there; `srcTabId` gets the markers. */
  const openTranslated = useCallback(async (src: Source, from: Profile, to: Profile | undefined, srcTabId?: string) => {
    const protocol = src.protocol ?? 'rets';
    if (!to) { onToast(`There is no ${side(protocol === 'webapi' ? 'rets' : 'webapi')} connection to translate this query for: add one first.`); return; }
    const other = to.type;
    let t: TranslatedTab;
    try {
      t = await open({ profileId: from.id, protocol: protocol === 'webapi' ? 'odata' : 'dmql', query: src.query, resource: src.resource, cls: src.cls }, to);
    } catch (e) {
      onToast(`Could not translate the query: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const messages = [...t.messages];
    if (src.select?.length) messages.push({ severity: 'info', text: `The ${protocol === 'webapi' ? '$select' : 'Select'} list (${src.select.join(', ')}) was not carried over: pick the columns again.` });
    setActiveId(to.id);
    const title = other === protocol ? `${src.title || src.resource} · ${to.name}` : `${src.title || src.resource} (${side(other)})`;
    const added = addTab(other === 'webapi'
      ? { protocol: 'webapi', title, resource: t.resource, cls: t.resource, query: t.query, odata: { ...DEFAULT_WEBAPI_OPTIONS }, ...(src.limit ? { limit: src.limit } : {}) }
      : { protocol: 'rets', title, resource: t.resource, cls: t.cls ?? '', query: t.query, ...(src.limit ? { limit: src.limit } : {}) });
    const summary = t.complete ? 'translated completely' : 'not everything translated: see the notes';
    setNotices((n) => ({ ...n, [added.id]: { protocol: other, title: `Translated from the ${side(protocol)} query on “${from.name}” — ${summary}.`, messages } }));
    if (srcTabId && t.sourceDiagnostics.length) setMarks((m) => ({ ...m, [srcTabId]: { query: src.query, notes: t.sourceDiagnostics } }));
    onToast(`Opened as a ${side(other)} query on “${to.name}” (${summary})`);
  }, [open, onToast, setActiveId, addTab]);

  /** The palette command and the query bar's button: the active tab on the active profile. */
  const openTab = useCallback((tab: QueryTab) => {
    if (!activeProfile) return;
    void openTranslated(tab, activeProfile, counterpartOf(profiles, activeProfile), tab.id);
  }, [activeProfile, profiles, openTranslated]);

  /**
   * Loads a snippet: as written when it was written on the active profile (or says nothing of where);
   * else offers it translated for the active profile, or as written.
   */
  const loadSnippet = useCallback((s: Snippet) => {
    const protocol = s.protocol ?? 'rets';
    const here = activeProfile?.type ?? 'rets';
    if (!activeProfile) { loadAsWritten(s); return; }
    const written = writtenOn(profiles, s);
    const saved = tabFromSaved(s);
    const src: Source = { protocol, title: s.name, query: s.query, resource: saved.resource ?? s.resource, cls: saved.cls ?? s.class, select: s.select, ...(saved.limit ? { limit: saved.limit } : {}) };
    if (protocol === here) {
      if (!written || written.id === activeProfile.id) { loadAsWritten(s); return; }
      setOffer({
        title: `Snippet “${s.name}” was written on “${written.name}”; “${activeProfile.name}” is another ${side(here)} connection, with its own field names and codes.`,
        messages: [],
        actions: [
          { label: `Open translated for “${activeProfile.name}”`, testId: 'snippet-open-translated', run: () => { setOffer(undefined); void openTranslated(src, written, activeProfile); } },
          { label: 'Open as written', testId: 'snippet-open-as-written', run: () => { setOffer(undefined); loadAsWritten(s); } },
        ],
      });
      return;
    }
    const from = written?.type === protocol ? written : counterpartOf(profiles, activeProfile);
    if (!from) { loadAsWritten(s); return; }
    setOffer({
      title: `Snippet “${s.name}” is a ${side(protocol)} query; “${activeProfile.name}” speaks the ${side(here)}.`,
      messages: [],
      actions: [
        { label: `Open translated for “${activeProfile.name}”`, testId: 'snippet-open-translated', run: () => { setOffer(undefined); void openTranslated(src, from, activeProfile); } },
        { label: `Open as written on “${from.name}”`, testId: 'snippet-open-as-written', run: () => { setOffer(undefined); setActiveId(from.id); loadAsWritten(s); } },
      ],
    });
  }, [activeProfile, profiles, openTranslated, loadAsWritten, setActiveId]);

  /** Re-runs a history entry: as written when it ran on the active profile, else offers it translated for this MLS. */
  const rerunEntry = useCallback((h: HistoryEntry) => {
    const ran = profiles.find((p) => p.id === h.profileId);
    const protocol = h.protocol ?? 'rets';
    if (!activeProfile || !ran || ran.id === activeProfile.id || ran.type !== protocol || protocol !== activeProfile.type) { rerunAsWritten(h); return; }
    const saved = tabFromSaved(h);
    const src: Source = { protocol, title: `${h.resource}/${h.class}`, query: h.query, resource: saved.resource ?? h.resource, cls: saved.cls ?? h.class, select: h.select, ...(saved.limit ? { limit: saved.limit } : {}) };
    setOffer({
      title: `This query ran on “${ran.name}”; “${activeProfile.name}” is another ${side(protocol)} connection, with its own field names and codes.`,
      messages: [],
      actions: [
        { label: `Open translated for “${activeProfile.name}”`, testId: 'history-open-translated', run: () => { setOffer(undefined); void openTranslated(src, ran, activeProfile); } },
        { label: 'Run as written', testId: 'history-run-as-written', run: () => { setOffer(undefined); rerunAsWritten(h); } },
      ],
    });
  }, [activeProfile, profiles, openTranslated, rerunAsWritten]);

  const noticeFor = (tab: QueryTab): TabNotice | undefined => offer ?? notices[tab.id];
  const marksFor = (tab: QueryTab): Diagnostic[] | undefined => (marks[tab.id]?.query === tab.query ? marks[tab.id].notes : undefined);
  const dismiss = (tab: QueryTab) => {
    if (offer) { setOffer(undefined); return; }
    setNotices(({ [tab.id]: _, ...rest }) => rest);
  };
  return { openTab, loadSnippet, rerunEntry, pending, noticeFor, marksFor, dismiss };
}
