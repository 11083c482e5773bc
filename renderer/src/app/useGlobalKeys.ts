// The workbench's global keys; the editor handles its own (run, cancel, save) while focused.
import { useEffect } from 'react';
import { paletteFor, type AppMode } from '../shell/shortcuts';

interface Actions {
  palette(which: 'snippets' | 'history' | 'commands'): void;
  filterMetadata(): void;
  find(): void;
  saveSnippet(): void;
  toggleLog(): void;
  run(): void;
  /** Set while a search runs: Escape outside a text box cancels it. */
  cancel?: () => void;
  shortcuts(): void;
}

export function useGlobalKeys(mode: AppMode, a: Actions) {
  const { palette, filterMetadata, find, saveSnippet, toggleLog, run, cancel, shortcuts } = a;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      const inEditor = !!(e.target as HTMLElement)?.closest?.('.monaco-editor');
      const pal = paletteFor(mode, e);
      if (pal) { e.preventDefault(); palette(pal); }
      else if (mod && k === 'k') { e.preventDefault(); filterMetadata(); }
      else if (mod && k === 'f' && !inEditor) { e.preventDefault(); find(); }
      else if (mod && k === 's') { e.preventDefault(); saveSnippet(); }
      else if (mod && k === 'l') { e.preventDefault(); toggleLog(); }
      else if (mod && k === 'enter') { e.preventDefault(); run(); }
      else if (e.key === 'Escape' && !typing && cancel) cancel();
      else if (e.key === '?' && !typing && !inEditor) shortcuts();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode, palette, filterMetadata, find, saveSnippet, toggleLog, run, cancel, shortcuts]);
}
