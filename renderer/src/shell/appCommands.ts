// The command palette's list: what the app can do, by name, with the shortcut where there is one.
// A missing action (no connection yet) leaves its command out.
import type { Command } from '../dialogs/CommandPalette';
import { setThemePref } from './theme';
import { runShortcutLabel, type paletteShortcuts } from './shortcuts';

interface Actions {
  keys: ReturnType<typeof paletteShortcuts>;
  run(): void; cancel(): void; running: boolean;
  snippets(): void; history(): void; saveSnippet(): void; newTab(): void; toggleLog(): void;
  filterMetadata(): void; find(): void; newConnection(): void; shortcuts(): void;
  mapping?: () => void;
  /** The query of this tab translated for the other protocol, opened in a new tab (shell/openTranslated). */
  openAsWebApi?: () => void; openAsRets?: () => void;
  exportCsv?: () => void; doctor?: () => void; refreshMetadata?: () => void; compareMetadata?: () => void;
}

export function appCommands(a: Actions): Command[] {
  const list: (Command | false)[] = [
    { id: 'run', title: 'Run the query', shortcut: runShortcutLabel, run: a.run },
    a.running && { id: 'cancel', title: 'Cancel the running search', shortcut: 'Esc', run: a.cancel },
    { id: 'snippets', title: 'Snippets…', shortcut: a.keys.snippets.label, run: a.snippets },
    { id: 'history', title: 'History…', shortcut: a.keys.history.label, run: a.history },
    { id: 'save-snippet', title: 'Save the query as a snippet…', shortcut: 'Ctrl/Cmd+S', run: a.saveSnippet },
    { id: 'new-tab', title: 'New query tab', run: a.newTab },
    { id: 'filter', title: 'Filter the metadata', shortcut: 'Ctrl/Cmd+K', run: a.filterMetadata },
    { id: 'find', title: 'Find in results', shortcut: 'Ctrl/Cmd+F', run: a.find },
    !!a.exportCsv && { id: 'export', title: 'Export CSV…', run: a.exportCsv },
    !!a.openAsWebApi && { id: 'open-as-webapi', title: 'Open as Web API query (translate to $filter)', run: a.openAsWebApi },
    !!a.openAsRets && { id: 'open-as-rets', title: 'Open as RETS query (translate to DMQL2)', run: a.openAsRets },
    { id: 'log', title: 'Toggle the wire log', shortcut: 'Ctrl/Cmd+L', run: a.toggleLog },
    { id: 'new-connection', title: 'New connection…', run: a.newConnection },
    !!a.doctor && { id: 'doctor', title: 'Test the connection (doctor)', run: a.doctor },
    !!a.mapping && { id: 'mapping', title: 'Mapping to the RESO Data Dictionary…', run: a.mapping },
    !!a.refreshMetadata && { id: 'refresh', title: 'Fetch the metadata again', run: a.refreshMetadata },
    !!a.compareMetadata && { id: 'compare-metadata', title: 'Compare metadata (versions, servers, files)…', run: a.compareMetadata },
    { id: 'theme-system', title: 'Theme: follow the system', run: () => setThemePref('system') },
    { id: 'theme-light', title: 'Theme: light', run: () => setThemePref('light') },
    { id: 'theme-dark', title: 'Theme: dark', run: () => setThemePref('dark') },
    { id: 'shortcuts', title: 'Keyboard shortcuts', shortcut: '?', run: a.shortcuts },
  ];
  return list.filter((c): c is Command => !!c);
}
