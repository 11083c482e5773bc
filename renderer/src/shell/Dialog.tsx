// A modal dialog: Esc and a click outside close it; focus starts inside and Tab stays inside.
import { useEffect, useRef, type ReactNode } from 'react';
import { focusInto, keepTabInside } from './focusInside';
import { useEscape } from './useEscape';

interface Props { title: ReactNode; onClose(): void; children: ReactNode; footer?: ReactNode; wide?: boolean; testId?: string }

export function Dialog({ title, onClose, children, footer, wide, testId }: Props) {
  useEscape(onClose);
  const box = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => { focusInto(box.current, body.current); }, []);
  return (
    <div className="overlay" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div ref={box} className={`dialog${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" data-testid={testId} onKeyDown={keepTabInside}>
        <div className="dialog-h">{title}<span className="spacer" /><button className="btn ghost icon" onClick={onClose} aria-label="Close">✕</button></div>
        <div ref={body} className="dialog-b">{children}</div>
        {footer && <div className="dialog-f">{footer}</div>}
      </div>
    </div>
  );
}
