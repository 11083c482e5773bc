// An error where the work happened: plain words, the RETS reply code and text, the hint.
import type { RetsErrorInfo } from '../../../shared/rets/errors';
import { useInspectorLink } from './inspectorLink';

/** `action`: where the fix is made, when that is elsewhere in the app (the profile's form). */
export interface ErrorAction { label: string; run(): void; testId: string }

export function ErrorBox({ error, onRetry, action, testId }: { error: RetsErrorInfo; onRetry?: () => void; action?: ErrorAction; testId?: string }) {
  const showRequest = useInspectorLink();
  const traceId = error.traceId;
  return (
    <div className="error-box" role="alert" data-testid={testId ?? 'error'} style={{ overflowWrap: 'anywhere' }}>
      {error.replyCode !== undefined && <span className="code">RETS {error.replyCode}</span>}
      {error.replyCode === undefined && error.httpStatus !== undefined && <span className="code">HTTP {error.httpStatus}</span>}
      <span>{error.message}</span>
      {error.replyText && error.replyText !== error.message && <span className="muted"> — “{error.replyText}”</span>}
      {error.cause && <div className="hint">{error.cause}</div>}
      {error.hint && <div className="hint">{error.hint}</div>}
      {(onRetry || action || (showRequest && traceId !== undefined)) && (
        <div style={{ marginTop: 6, display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          {action && <button className="btn" data-testid={action.testId} onClick={action.run}>{action.label}</button>}
          {onRetry && <button className="btn" onClick={onRetry}>Try again</button>}
          {showRequest && traceId !== undefined && <button className="btn" data-testid="error-show-request" title="Open this request in the request inspector: headers, body, copy as curl" onClick={() => showRequest(traceId)}>Show request #{traceId}</button>}
        </div>
      )}
    </div>
  );
}
