// One request of the inspector: request line and headers, response headers, the body kept (XML
// pretty-printed or raw; a long body as its first and last 64 KB; multipart as its parts), and
// the timing; with Copy as curl, Save response… and Copy headers.
import { useState } from 'react';
import { host } from '../host/client';
import { toErrorInfo } from '../host/errors';
import { useHostInfo, useTraceEntry } from '../host/queries';
import type { TraceBody, TraceDetail } from '../../../shared/contract';
import { canonicalName, curlCommand, headersText } from '../../../shared/trace/curl';
import { looksLikeXml, prettyXml } from '../../../shared/trace/prettyXml';
import { ErrorBox } from './ErrorBox';
import { formatBytes } from './traceFormat';
import { startDownload } from './startDownload';

type Tab = 'request' | 'response' | 'body' | 'timing';

export function TraceDetailView({ profileId, id, onToast }: { profileId: string; id: number; onToast(m: string): void }) {
  const q = useTraceEntry(profileId, id);
  const [tab, setTab] = useState<Tab>('body');
  const info = useHostInfo();
  if (q.isLoading) return <div className="teach">Loading request #{id}…</div>;
  if (q.error) return <ErrorBox error={toErrorInfo(q.error)} testId="inspector-error" />;
  const d = q.data;
  if (!d) return null;

  const copy = (text: string, what: string) => void navigator.clipboard.writeText(text).then(() => onToast(`${what} copied`), () => onToast('Copy failed'));

  async function save(entry: TraceDetail) {
    try {
      if (info.data?.mode === 'electron') {
        const picked = await host.files.chooseSave({ purpose: 'response', defaultName: `${entry.transaction.toLowerCase()}-${entry.id}.http` });
        if (!picked) return;
        const r = await host.trace.saveResponse({ profileId, id: entry.id, handle: picked.handle });
        onToast(`Saved ${r.fileName} (${formatBytes(r.bytes)})`);
        return;
      }
      const r = await host.trace.saveResponse({ profileId, id: entry.id, download: true });
      if (!r.downloadUrl) return;
      startDownload(r.downloadUrl, r.fileName);
      onToast(`Saved ${r.fileName} (${formatBytes(r.bytes)})`);
    } catch (err) {
      onToast(`Save failed: ${toErrorInfo(err).message}`);
    }
  }

  return (
    <div className="insp-entry" data-testid="inspector-detail">
      <div className="insp-title" title={d.url}>
        <span className="mono insp-method">{d.method}</span>
        <span className="mono insp-url">{d.url}</span>
        <span className={`mono${(d.status ?? 0) >= 400 || d.error ? ' insp-bad' : ''}`}>{d.status ?? 'no response'}{d.statusText ? ` ${d.statusText}` : ''}</span>
        {d.replyCode !== undefined && <span className={`mono${d.replyCode !== 0 ? ' insp-bad' : ''}`} title={d.replyText}>RETS {d.replyCode}</span>}
        <span className="muted">· {d.durationMs !== undefined ? `${Math.round(d.durationMs)} ms` : '–'} · {formatBytes(d.body.total)}</span>
      </div>
      <div className="insp-tabs" role="tablist">
        {(['request', 'response', 'body', 'timing'] as const).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} className={`insp-tab${tab === t ? ' active' : ''}`} onClick={() => setTab(t)} data-testid={`inspector-tab-${t}`}>
            {t === 'request' ? 'Request' : t === 'response' ? 'Response headers' : t === 'body' ? 'Body' : 'Timing'}
          </button>
        ))}
        <span className="spacer" />
        <button className="btn small" onClick={() => copy(curlCommand(d), 'curl command')} data-testid="inspector-copy-curl" title="A curl command for this request; the password and UA authorization come from $RETS_PASSWORD and $RETS_UA_AUTHORIZATION">Copy as curl</button>
        <button className="btn small" onClick={() => void save(d)} data-testid="inspector-save" title="The response as curl -i saves it: status line, headers, body">Save response…</button>
        <button className="btn small" onClick={() => copy(headersText(d), 'Headers')} data-testid="inspector-copy-headers">Copy headers</button>
      </div>
      <div className="insp-pane">
        {tab === 'request' && <RequestView d={d} />}
        {tab === 'response' && <Headers headers={d.responseHeaders} empty={d.error ? `No response: ${d.error.message}` : 'No headers.'} />}
        {tab === 'body' && <BodyView body={d.body} error={d.error?.message} />}
        {tab === 'timing' && (
          <table className="insp-kv"><tbody>
            <tr><th>Started</th><td>{new Date(d.startedAt).toLocaleString()}</td></tr>
            <tr><th>Duration</th><td>{d.durationMs !== undefined ? `${d.durationMs.toFixed(0)} ms (request sent to last byte read)` : '–'}</td></tr>
            <tr><th>Response body</th><td>{d.body.total.toLocaleString()} bytes</td></tr>
            <tr><th>Transaction</th><td>{d.transaction}</td></tr>
          </tbody></table>
        )}
      </div>
    </div>
  );
}

function Headers({ headers, empty }: { headers: Record<string, string>; empty: string }) {
  const list = Object.entries(headers);
  if (list.length === 0) return <div className="teach">{empty}</div>;
  return (
    <table className="insp-kv"><tbody>
      {list.map(([k, v]) => <tr key={k}><th>{canonicalName(k)}</th><td>{v}</td></tr>)}
    </tbody></table>
  );
}

function RequestView({ d }: { d: TraceDetail }) {
  return (
    <>
      <div className="mono insp-line">{d.method} {d.url}</div>
      <Headers headers={d.requestHeaders} empty="No headers." />
      {d.requestBody !== undefined && <><div className="insp-sub">Form body</div><pre className="insp-pre">{d.requestBody}</pre></>}
      {d.requestBodyNote && <div className="teach">{d.requestBodyNote}.</div>}
    </>
  );
}

function BodyView({ body, error }: { body: TraceBody; error?: string }) {
  const xml = !body.binary && looksLikeXml(body.contentType, body.head);
  const [pretty, setPretty] = useState(true);
  if (body.kept === 'none') return <div className="teach" data-testid="inspector-body-note">{body.note ?? 'Body not kept.'}</div>;
  if (body.parts) {
    return (
      <>
        <div className="insp-sub">{body.partCount ?? body.parts.length} parts · {formatBytes(body.total)} · {body.contentType}</div>
        <table className="insp-kv insp-parts" data-testid="inspector-parts"><tbody>
          {body.parts.map((p, i) => (
            <tr key={i}><th>#{i + 1} · {formatBytes(p.bytes)}</th><td>{Object.entries(p.headers).map(([k, v]) => `${canonicalName(k)}: ${v}`).join('\n')}{p.error ? `\nerror: ${p.error}` : ''}</td></tr>
          ))}
        </tbody></table>
        {(body.partCount ?? 0) > body.parts.length && <div className="teach">{(body.partCount ?? 0) - body.parts.length} more parts not listed.</div>}
      </>
    );
  }
  if (body.binary) return <div className="teach">Binary body: {body.total.toLocaleString()} bytes of {body.contentType || 'unknown type'}. Save the response to keep what was kept of it.</div>;
  if (body.total === 0) return <div className="teach">{error ? `No body: ${error}` : 'Empty body (or not read: a challenge answered by the next request).'}</div>;
  const show = (t: string) => (xml && pretty ? prettyXml(t) : t);
  return (
    <>
      <div className="insp-sub">
        {body.contentType || 'no content type'} · {body.total.toLocaleString()} bytes
        {body.kept === 'head-tail' && <span data-testid="inspector-cut"> · first and last {formatBytes(body.keptBytes / 2)} kept</span>}
        {xml && <span className="insp-toggle"><button className={`insp-tab${pretty ? ' active' : ''}`} onClick={() => setPretty(true)}>Pretty</button><button className={`insp-tab${!pretty ? ' active' : ''}`} onClick={() => setPretty(false)}>Raw</button></span>}
      </div>
      <pre className="insp-pre" data-testid="inspector-body">{show(body.head)}</pre>
      {body.tailBytes > 0 && (
        <>
          <div className="insp-gap" data-testid="inspector-gap">
            … {(body.total - body.headBytes - body.tailBytes).toLocaleString()} bytes {body.kept === 'head-tail' ? 'not kept' : 'not shown here (Save response writes them all)'} …
          </div>
          <pre className="insp-pre">{show(body.tail)}</pre>
        </>
      )}
    </>
  );
}
