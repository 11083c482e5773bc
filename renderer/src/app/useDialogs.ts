// Which modal is open (one at a time: opening one replaces the other) and which connection the
// doctor panel tests (a panel, so it stays beside a modal).
import { useState } from 'react';
import type { Profile, ProfileInput } from '../../../shared/contract';

export type DoctorTarget = { profileId: string; name: string } | { draft: ProfileInput; name: string };

export type Modal =
  | { kind: 'profile'; profile?: Profile }
  | { kind: 'export' }
  | { kind: 'saveSnippet' }
  | { kind: 'palette'; mode: 'snippets' | 'history' }
  | { kind: 'shortcuts' }
  | { kind: 'commands' };

export function useDialogs() {
  const [modal, setModal] = useState<Modal | null>(null);
  const [doctor, setDoctor] = useState<DoctorTarget | null>(null);
  // The grid's shown columns when it last asked for the export; the command palette's export reuses them.
  const [exportColumns, setExportColumns] = useState<string[]>([]);
  return {
    modal, doctor, exportColumns,
    open: setModal,
    close: () => setModal(null),
    openExport: (columns?: string[]) => { if (columns) setExportColumns(columns); setModal({ kind: 'export' }); },
    openDoctor: setDoctor,
    closeDoctor: () => setDoctor(null),
  };
}
