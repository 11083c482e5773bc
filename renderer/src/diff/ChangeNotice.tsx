// "The metadata changed": said once per change a connection found (the host keeps it pending until
// acknowledged), as a card that stays until the user opens the changes or dismisses it.
import { useEffect, useState } from 'react';
import type { MetadataChange } from '../../../shared/contract';
import { host } from '../host/client';
import { useAcknowledgeMetadataChange, useMetadata, useMetadataVersions, useProfiles } from '../host/queries';
import { openMetadataDiff } from './diffStore';

function when(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

export function ChangeNotice({ activeId }: { activeId: string | undefined }) {
  const md = useMetadata(activeId);
  const versions = useMetadataVersions(activeId, md.dataUpdatedAt);
  const profiles = useProfiles();
  const ack = useAcknowledgeMetadataChange();
  const [changes, setChanges] = useState<Record<string, MetadataChange>>({});

  useEffect(() => host.on('metadata.changed', (e) => setChanges((c) => ({ ...c, [e.profileId]: { from: c[e.profileId]?.from ?? e.from, to: e.to } }))), []);
  const pending = versions.data?.change;
  useEffect(() => {
    if (activeId && pending) setChanges((c) => (c[activeId]?.to.id === pending.to.id ? c : { ...c, [activeId]: pending }));
  }, [activeId, pending]);

  const shown = Object.entries(changes);
  if (!shown.length) return null;
  const done = (profileId: string) => {
    setChanges((c) => { const { [profileId]: _gone, ...rest } = c; return rest; });
    ack.mutate(profileId);
  };
  return (
    <div className="mdn-stack">
      {shown.map(([profileId, ch]) => {
        const name = profiles.data?.find((p) => p.id === profileId)?.name ?? profileId;
        return (
          <div key={profileId} className="mdn-card" role="status" data-testid="metadata-change-notice">
            <div className="mdn-title">Metadata changed · {name}</div>
            <div className="mdn-text">
              {ch.to.metadataVersion
                ? <>The server now reports <b className="num">{ch.to.label}</b> (was <span className="num">{ch.from.label}</span>, seen {when(ch.from.lastSeenAt)}).</>
                // A Web API's $metadata has no version: its label is only when it was first read.
                : <>The server sends another <b>$metadata</b> (read {when(ch.to.fetchedAt)}; it has no version number, so it is told apart by its content). The one before was last seen {when(ch.from.lastSeenAt)}.</>}
            </div>
            <div className="mdn-actions">
              <button className="btn primary small" data-testid="metadata-change-show" onClick={() => {
                openMetadataDiff({ a: { kind: 'profile', profileId, version: ch.from.id }, b: { kind: 'profile', profileId, version: ch.to.id }, compareNow: true });
                done(profileId);
              }}>Show changes</button>
              <button className="btn ghost small" onClick={() => done(profileId)}>Dismiss</button>
            </div>
          </div>
        );
      })}
    </div>
  );
}
