// The left pane's metadata part: its source (a connection or an opened file) with open, close and
// refresh, what went wrong loading it, the explorer tree, and the cached version's facts.
import type { RefObject } from 'react';
import { MetadataExplorer, type Selection } from '../explorer/MetadataExplorer';
import { MetadataFooter } from '../explorer/MetadataFooter';
import { toErrorInfo } from '../host/errors';
import { ErrorBox } from '../shell/ErrorBox';
import type { MetadataSource } from './useMetadataSource';

interface Props {
  source: MetadataSource;
  profileId?: string;
  electron: boolean;
  filterRef: RefObject<HTMLInputElement | null>;
  selectedId?: string;
  onSelect(s: Selection, nodeId: string): void;
  onInsertField(resource: string, cls: string, field: string): void;
  onOpenClass(resource: string, cls: string): void;
  /** Opens the active connection's form (absent for the built-in Demo profiles). */
  onEditProfile?: () => void;
}

// Failures whose fix is in the connection's form: its credentials, its URL.
const FIXED_IN_PROFILE = new Set(['auth', 'network', 'input']);

export function MetadataPane({ source, profileId, electron, filterRef, selectedId, onSelect, onInsertField, onOpenClass, onEditProfile }: Props) {
  const { online, refresh, offline, fileError, metadata, cache } = source;
  const loadError = online.error ? toErrorInfo(online.error) : undefined;
  const edit = loadError && onEditProfile && FIXED_IN_PROFILE.has(loadError.kind) ? { label: 'Edit the connection…', run: onEditProfile, testId: 'metadata-error-edit' } : undefined;
  return (
    <>
      <div className="section-h">
        Metadata{offline && <span style={{ textTransform: 'none', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={offline.name}>· {offline.name}</span>}<span className="spacer" />
        {electron
          ? <button className="btn ghost icon small" title="Open a metadata file (offline exploration)" data-testid="open-metadata-file" onClick={() => void source.openFile()}>Open…</button>
          : <label className="btn ghost icon small" title="Open a metadata file (offline exploration)">Open…<input type="file" hidden accept=".xml,.txt,.json,.http" data-testid="open-metadata-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void source.openFile(f); e.target.value = ''; }} /></label>}
        {offline ? <button className="btn ghost icon small" onClick={source.closeFile}>Close file</button>
          : <button className="btn ghost icon small" title="Fetch the metadata again from the server" onClick={() => refresh.mutate()} disabled={!profileId || refresh.isPending} data-testid="metadata-refresh">{refresh.isPending ? '…' : '↻'}</button>}
      </div>
      {online.isLoading && !offline && <div className="teach">Logging in and loading metadata…</div>}
      {loadError && !offline && <ErrorBox error={loadError} onRetry={() => void online.refetch()} action={edit} testId="metadata-error" />}
      {refresh.error && <ErrorBox error={toErrorInfo(refresh.error)} />}
      {fileError && <ErrorBox error={fileError} testId="metadata-file-error" />}
      {metadata && (
        <MetadataExplorer
          key={`${profileId}:${offline?.name ?? ''}`} metadata={metadata} profileId={offline ? undefined : profileId} filterRef={filterRef} selectedId={selectedId}
          onSelect={onSelect} onInsertField={onInsertField} onOpenClass={onOpenClass}
        />
      )}
      {cache && <MetadataFooter cache={cache} metadata={metadata} />}
    </>
  );
}
