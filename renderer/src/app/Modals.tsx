// The open modal, if any: connection editor, export, snippet save, snippets/history palette,
// shortcuts, and the command palette with every command the workbench offers.
import type { HistoryEntry, Profile, Snippet, SnippetProfile } from '../../../shared/contract';
import { ProfileDialog } from '../connections/ProfileDialog';
import { CommandPalette } from '../dialogs/CommandPalette';
import { ExportDialog } from '../dialogs/ExportDialog';
import { Palette } from '../dialogs/Palette';
import { Shortcuts } from '../dialogs/Shortcuts';
import { SnippetSaveDialog } from '../dialogs/SnippetSaveDialog';
import { appCommands } from '../shell/appCommands';
import type { AppMode } from '../shell/shortcuts';
import type { QueryTab } from '../state/tabs';
import type { useDialogs } from './useDialogs';

interface Props {
  dialogs: ReturnType<typeof useDialogs>;
  mode: AppMode;
  profileId?: string;
  tab: QueryTab;
  /** The profile a snippet saved now is written on. */
  writtenOn?: SnippetProfile;
  onProfileSaved(p: Profile): void;
  onSnippetSaved(name: string): void;
  onLoadSnippet(s: Snippet): void;
  onRerun(h: HistoryEntry): void;
  /** The command palette's list, made when it opens. */
  commands(): Parameters<typeof appCommands>[0];
}

export function Modals({ dialogs, mode, profileId, tab, writtenOn, onProfileSaved, onSnippetSaved, onLoadSnippet, onRerun, commands }: Props) {
  const m = dialogs.modal;
  if (!m) return null;
  const close = dialogs.close;
  switch (m.kind) {
    case 'profile':
      return <ProfileDialog profile={m.profile} onClose={close} onSaved={(p) => { close(); onProfileSaved(p); }} />;
    case 'export':
      return profileId ? <ExportDialog profileId={profileId} tab={tab} shownColumns={dialogs.exportColumns} browserMode={mode !== 'electron'} onClose={close} /> : null;
    case 'saveSnippet':
      return <SnippetSaveDialog tab={tab} writtenOn={writtenOn} onClose={close} onSaved={(n) => { close(); onSnippetSaved(n); }} />;
    case 'palette':
      return <Palette mode={m.mode} onClose={close} onLoadSnippet={onLoadSnippet} onRerun={onRerun} />;
    case 'shortcuts':
      return <Shortcuts mode={mode} onClose={close} />;
    case 'commands':
      return <CommandPalette onClose={close} commands={appCommands(commands())} />;
  }
}
