// Save the active tab as a snippet: name, tags, and the tab's whole query (protocol and Web API options too) and options.
import { useState } from 'react';
import { useSaveSnippet } from '../host/queries';
import { toErrorInfo } from '../host/errors';
import { Dialog } from '../shell/Dialog';
import { ErrorBox } from '../shell/ErrorBox';
import type { QueryTab } from '../state/tabs';
import { queryExtras } from '../state/queryExtras';

export function SnippetSaveDialog({ tab, onClose, onSaved }: { tab: QueryTab; onClose(): void; onSaved(name: string): void }) {
  const [name, setName] = useState(tab.title || '');
  const [tags, setTags] = useState('');
  const save = useSaveSnippet();
  async function submit() {
    await save.mutateAsync({
      name, tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
      resource: tab.resource, class: tab.cls, query: tab.query, select: tab.select, ...queryExtras(tab),
      options: { limit: tab.limit, count: tab.count, format: tab.format, ...(tab.offset ? { offset: tab.offset } : {}), ...(tab.standardNames ? { standardNames: true } : {}) },
    });
    onSaved(name);
  }
  return (
    <Dialog title="Save snippet" onClose={onClose} testId="snippet-save"
      footer={<><button className="btn" onClick={onClose}>Cancel</button><button className="btn primary" disabled={!name.trim() || !tab.cls} onClick={() => void submit().catch(() => undefined)} data-testid="snippet-save-ok">Save</button></>}>
      {!tab.cls && <div className="info-box">Pick a resource and class first.</div>}
      <label className="field">Name<input className="input" value={name} onChange={(e) => setName(e.target.value)} autoFocus name="snippetName"
        onKeyDown={(e) => { if (e.key === 'Enter' && name.trim()) void submit().catch(() => undefined); }} /></label>
      <label className="field">Tags (comma separated)<input className="input" value={tags} onChange={(e) => setTags(e.target.value)} name="snippetTags" placeholder="active, nightly-sync" /></label>
      <div className="mono small muted">{tab.resource}/{tab.cls}: {tab.query}</div>
      {save.error && <ErrorBox error={toErrorInfo(save.error)} />}
    </Dialog>
  );
}
