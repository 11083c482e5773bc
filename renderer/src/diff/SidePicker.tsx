// One side of the diff: a profile's current metadata, one of its kept versions, or a file (the
// host's open dialog in Electron, an upload in browser mode: either way the renderer holds a handle).
import type { Profile } from '../../../shared/contract';
import { host } from '../host/client';
import { toErrorInfo } from '../host/errors';
import { useMetadataVersions } from '../host/queries';
import { uploadFile } from '../host/upload';
import type { SideChoice } from './diffStore';

interface Props {
  label: 'A' | 'B';
  value: SideChoice | undefined;
  profiles: readonly Profile[];
  electron: boolean;
  onChange(v: SideChoice | undefined): void;
  onError(message: string): void;
}

const FILE = '\u0000file';

export function SidePicker({ label, value, profiles, electron, onChange, onError }: Props) {
  const profileId = value?.kind === 'profile' ? value.profileId : undefined;
  const versions = useMetadataVersions(profileId);

  async function pick(file?: File) {
    try {
      const picked = file ? await uploadFile(file, 'metadata') : await host.files.chooseOpen({ purpose: 'metadata' });
      if (picked) onChange({ kind: 'file', handle: picked.handle, name: picked.name });
    } catch (err) {
      onError(toErrorInfo(err).message);
    }
  }

  const versionText = (v: { label: string; metadataVersion?: string; fetchedAt: string }, i: number) =>
    `${v.label}${v.metadataVersion ? ` · ${v.fetchedAt.slice(0, 10)}` : ''}${i === 0 ? ' (in use)' : ''}`;
  const versionIndex = value?.kind === 'profile' && value.version ? versions.data?.versions.findIndex((v) => v.id === value.version) ?? -1 : -1;
  // The toolbar stays on one line: a select cut short still names its choice in full on hover.
  const sourceTitle = value?.kind === 'file' ? value.name : profiles.find((p) => p.id === profileId)?.name;
  const versionTitle = versionIndex >= 0 ? versionText(versions.data!.versions[versionIndex]!, versionIndex) : 'current';

  return (
    <div className="md-diff-side" data-testid={`diff-side-${label.toLowerCase()}`}>
      <span className="md-diff-side-label">{label}</span>
      <select className="input" aria-label={`Side ${label}`} data-testid={`diff-source-${label.toLowerCase()}`} title={sourceTitle}
        value={value?.kind === 'file' ? FILE : profileId ?? ''}
        onChange={(e) => {
          const v = e.target.value;
          if (v === FILE) { if (electron) void pick(); return; }
          onChange(v ? { kind: 'profile', profileId: v } : undefined);
        }}>
        <option value="">Choose…</option>
        {profiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        {(electron || value?.kind === 'file') && <option value={FILE}>{value?.kind === 'file' ? value.name : 'A saved metadata file…'}</option>}
      </select>
      {value?.kind === 'profile' && (
        <select className="input" aria-label={`Version ${label}`} data-testid={`diff-version-${label.toLowerCase()}`} title={versionTitle}
          value={value.version ?? ''} onChange={(e) => onChange({ kind: 'profile', profileId: value.profileId, ...(e.target.value ? { version: e.target.value } : {}) })}>
          <option value="">current</option>
          {versions.data?.versions.map((v, i) => (
            <option key={v.id} value={v.id}>{versionText(v, i)}</option>
          ))}
        </select>
      )}
      {value?.kind === 'file' && <span className="md-diff-file" title={value.name}>{value.name}</span>}
      {!electron && (
        <label className="btn small" title="Open a saved GetMetadata body or a $metadata document">
          {value?.kind === 'file' ? 'Other…' : 'File…'}
          <input type="file" hidden accept=".xml,.txt,.json,.http" data-testid={`diff-file-${label.toLowerCase()}`} onChange={(e) => { const f = e.target.files?.[0]; if (f) void pick(f); e.target.value = ''; }} />
        </label>
      )}
    </div>
  );
}
