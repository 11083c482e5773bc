// A modal dialog: Esc and a click outside close it; focus starts inside.
import type { ReactNode } from 'react';
import { useEscape } from './useEscape';

interface Props { title: ReactNode; onClose(): void; children: ReactNode; footer?: ReactNode; wide?: boolean; testId?: string }

export function Dialog({ title, onClose, children, footer, wide, testId }: Props) {
  useEscape(onClose);
  return (
    <div className="overlay" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className={`dialog${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" data-testid={testId}>
        <div className="dialog-h">{title}<span className="spacer" /><button className="btn ghost icon" onClick={onClose} aria-label="Close">✕</button></div>
        <div className="dialog-b">{children}</div>
        {footer && <div className="dialog-f">{footer}</div>}
      </div>
    </div>
  );
}
