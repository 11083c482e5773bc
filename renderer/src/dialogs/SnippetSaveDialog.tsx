// Save the active tab as a snippet: name, tags, the tab's query and options, and the profile it
// is written on (so it opens translated on another MLS).
import { useState } from 'react';
import type { SnippetProfile } from '../../../shared/contract';
import { useSaveSnippet } from '../host/queries';
import { toErrorInfo } from '../host/errors';
import { Dialog } from '../shell/Dialog';
import { ErrorBox } from '../shell/ErrorBox';
import type { QueryTab } from '../state/tabs';
import { savedQueryOf } from '../query/webapiQuery';

export function SnippetSaveDialog({ tab, writtenOn, onClose, onSaved }: { tab: QueryTab; writtenOn?: SnippetProfile; onClose(): void; onSaved(name: string): void }) {
  const [name, setName] = useState(tab.title || '');
  const [tags, setTags] = useState('');
  const save = useSaveSnippet();
  async function submit() {
    await save.mutateAsync({
      name, tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
      ...savedQueryOf(tab),
      ...(writtenOn ? { profile: writtenOn } : {}),
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
