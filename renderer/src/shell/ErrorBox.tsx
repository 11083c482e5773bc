// An error where the work happened: plain words, the RETS reply code and text, the hint.
import type { RetsErrorInfo } from '../../../shared/rets/errors';

export function ErrorBox({ error, onRetry, testId }: { error: RetsErrorInfo; onRetry?: () => void; testId?: string }) {
  return (
    <div className="error-box" role="alert" data-testid={testId ?? 'error'} style={{ overflowWrap: 'anywhere' }}>
      {error.replyCode !== undefined && <span className="code">RETS {error.replyCode}</span>}
      {error.replyCode === undefined && error.httpStatus !== undefined && <span className="code">HTTP {error.httpStatus}</span>}
      <span>{error.message}</span>
      {error.replyText && error.replyText !== error.message && <span className="muted"> — “{error.replyText}”</span>}
      {error.cause && <div className="hint">{error.cause}</div>}
      {error.hint && <div className="hint">{error.hint}</div>}
      {onRetry && <div style={{ marginTop: 6 }}><button className="btn" onClick={onRetry}>Try again</button></div>}
    </div>
  );
}
