// Above the editor: the notes of the translation that opened this tab (each quoting the part of
// the source it is about), or a question with its choices (a snippet of the other protocol). Each
// note carries its own mark (✕ ! i), so the list has no bullets of its own.
import type { TabNotice } from '../app/useTranslatedOpen';

const mark = { error: '✕', warning: '!', info: 'i' } as const;

export function NoticeBar({ notice, onDismiss }: { notice: TabNotice; onDismiss(): void }) {
  const worst = notice.messages.some((m) => m.severity === 'error') ? ' error' : '';
  return (
    <div className={`diag notice${worst}`} data-testid="translation-notes" role="status">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <b>{notice.title}</b>
        {notice.actions?.map((a) => <button key={a.testId} className="btn" onClick={a.run} data-testid={a.testId}>{a.label}</button>)}
        <span style={{ flex: 1 }} />
        <button className="btn ghost" onClick={onDismiss} aria-label="Dismiss" title="Dismiss">×</button>
      </div>
      {notice.messages.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 2, listStyle: 'none' }}>
          {notice.messages.map((m, i) => <li key={i} data-severity={m.severity}><span className="muted">{mark[m.severity]}</span> {m.text}</li>)}
        </ul>
      )}
    </div>
  );
}
