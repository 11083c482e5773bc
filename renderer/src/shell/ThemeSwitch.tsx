// The title bar's theme switch: follow the system, or always light, or always dark.
import { useSyncExternalStore } from 'react';
import { onThemeChange, setThemePref, themePref, type ThemePref } from './theme';

const choices: { value: ThemePref; label: string; glyph: string }[] = [
  { value: 'system', label: 'System', glyph: '◐' }, { value: 'light', label: 'Light', glyph: '☀' }, { value: 'dark', label: 'Dark', glyph: '☾' },
];

export function ThemeSwitch() {
  const pref = useSyncExternalStore(onThemeChange, themePref);
  return (
    <div className="rw-seg" role="radiogroup" aria-label="Theme" data-testid="theme-switch">
      {choices.map((c) => (
        <button key={c.value} type="button" role="radio" aria-checked={pref === c.value} className={pref === c.value ? 'on' : ''}
          title={`Theme: ${c.label}`} onClick={() => setThemePref(c.value)} data-theme-choice={c.value}>
          <span aria-hidden="true">{c.glyph}</span> {c.label}
        </button>
      ))}
    </div>
  );
}
