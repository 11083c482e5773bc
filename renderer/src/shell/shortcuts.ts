// The app's own shortcuts for the palettes. A browser tab owns Ctrl/Cmd+P (print) and Ctrl/Cmd+R
// (reload), so in browser mode the snippets, history and command palettes use Alt instead; the
// desktop app keeps the Ctrl/Cmd keys. The shortcuts sheet, the buttons' tooltips and the
// command palette show the keys of the mode they run in.
export type PaletteCommand = 'snippets' | 'history' | 'commands';
export type AppMode = 'browser' | 'electron' | undefined;

interface KeyLike { key: string; code: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }
interface Binding { label: string; matches(e: KeyLike): boolean }

const mod = (e: KeyLike) => e.ctrlKey || e.metaKey;
const letter = (e: KeyLike, l: string) => e.code === `Key${l.toUpperCase()}` || e.key.toLowerCase() === l;

function desktop(l: string, shift: boolean): Binding {
  return { label: `Ctrl/Cmd+${shift ? 'Shift+' : ''}${l.toUpperCase()}`, matches: (e) => mod(e) && !e.altKey && e.shiftKey === shift && letter(e, l) };
}
function browser(l: string, shift: boolean): Binding {
  // e.code, not e.key: on a Mac, Option+P types "π".
  return { label: `Alt+${shift ? 'Shift+' : ''}${l.toUpperCase()}`, matches: (e) => e.altKey && !mod(e) && e.shiftKey === shift && e.code === `Key${l.toUpperCase()}` };
}

export function paletteShortcuts(mode: AppMode): Record<PaletteCommand, Binding> {
  const b = mode === 'electron' ? desktop : browser;
  return { snippets: b('p', false), history: b('r', false), commands: b('p', true) };
}

/** Which palette a key opens, if any. */
export function paletteFor(mode: AppMode, e: KeyLike): PaletteCommand | undefined {
  const all = paletteShortcuts(mode);
  return (Object.keys(all) as PaletteCommand[]).find((k) => all[k].matches(e));
}

export const runShortcutLabel = 'Ctrl/Cmd+Enter';
