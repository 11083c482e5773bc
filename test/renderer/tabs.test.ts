// The query tabs' state (renderer/src/state/tabs.ts): a new tab's options are the contract's
// defaults (raw codes for the grid), saved options come back whole (a history entry's offset
// included), closing picks the left neighbour, and a broken store starts with one fresh tab.
import { describe, expect, it } from 'vitest';
import { SearchOptions } from '../../shared/contract';
import { closeTab, newTab, readTabs, TAB_DEFAULTS, tabOptions, tabTitle, type TabsState } from '../../renderer/src/state/tabs';

describe('tabs', () => {
  it('opens a new tab with the contract\'s limit and count, asking for raw codes', () => {
    const d = SearchOptions.parse({});
    const t = newTab();
    expect(t).toMatchObject({ limit: d.limit, count: d.count, format: 'COMPACT', query: '', select: [] });
    expect(TAB_DEFAULTS.format).toBe('COMPACT');
    expect(newTab().id).not.toBe(t.id);
    expect(newTab({ resource: 'Property', cls: 'RES', limit: 5 })).toMatchObject({ resource: 'Property', cls: 'RES', limit: 5, count: d.count });
  });

  it('keeps every saved option, the offset included, and fills the missing ones', () => {
    expect(tabOptions({ limit: 'NONE', count: 2, format: 'STANDARD-XML', offset: 201, standardNames: true }))
      .toEqual({ limit: 'NONE', count: 2, format: 'STANDARD-XML', offset: 201, standardNames: true });
    expect(tabOptions({})).toEqual({ limit: TAB_DEFAULTS.limit, count: TAB_DEFAULTS.count, format: 'COMPACT' });
  });

  it('names a tab by its title, else its resource and class', () => {
    expect(tabTitle(newTab({ title: 'Actives' }))).toBe('Actives');
    expect(tabTitle(newTab({ resource: 'Property', cls: 'RES' }))).toBe('Property RES');
    expect(tabTitle(newTab())).toBe('New query');
  });

  it('closing the active tab activates its left neighbour; closing another keeps the active one', () => {
    const [a, b, c] = [newTab(), newTab(), newTab()];
    const s: TabsState = { tabs: [a, b, c], active: b.id };
    expect(closeTab(s, b.id)).toEqual({ tabs: [a, c], active: a.id });
    expect(closeTab({ ...s, active: a.id }, a.id)).toEqual({ tabs: [b, c], active: b.id });
    expect(closeTab(s, c.id)).toEqual({ tabs: [a, b], active: b.id });
  });

  it('closing the last tab leaves one fresh tab', () => {
    const a = newTab({ query: '(A=1)' });
    const next = closeTab({ tabs: [a], active: a.id }, a.id);
    expect(next.tabs).toHaveLength(1);
    expect(next.tabs[0]).toMatchObject({ query: '', limit: TAB_DEFAULTS.limit });
    expect(next.active).toBe(next.tabs[0].id);
  });

  it('reads the kept tabs back, and starts fresh from an empty or broken store', () => {
    const a = newTab({ query: '(A=1)' });
    expect(readTabs(JSON.stringify({ tabs: [a], active: a.id }))).toEqual({ tabs: [a], active: a.id });
    for (const raw of [null, '', '{', '{"tabs":[]}', '{"tabs":"x"}']) {
      const s = readTabs(raw);
      expect(s.tabs).toHaveLength(1);
      expect(s.active).toBe(s.tabs[0].id);
    }
  });
});
