// "Find in results": the text typed narrows the grid to the rows that contain it (view.ts).
import { useEffect, useRef } from 'react';

interface Props { value: string; matches: number; onChange(v: string): void; onClose(): void }

export function FindBar({ value, matches, onChange, onClose }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => { ref.current?.focus(); }, []);
  const close = () => { onChange(''); onClose(); };
  return (
    <div className="findbar">
      <input ref={ref} className="input" placeholder="Find in results" value={value} data-testid="grid-find"
        onChange={(e) => onChange(e.target.value)} onKeyDown={(e) => { if (e.key === 'Escape') close(); }} />
      <span className="muted small num">{value ? `${matches.toLocaleString()} matching rows` : 'Type to show only the rows that contain the text'}</span>
      <span className="spacer" />
      <button className="btn ghost" onClick={close}>Close</button>
    </div>
  );
}
