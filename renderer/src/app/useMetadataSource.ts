// Where the explorer's metadata comes from: the active connection (online, cached by the host) or a
// metadata file opened for offline exploration, which wins until it is closed.
import { useState } from 'react';
import type { MetadataCacheInfo } from '../../../shared/contract';
import type { RetsErrorInfo } from '../../../shared/rets/errors';
import type { RetsMetadata } from '../../../shared/rets/metadata/model';
import { host } from '../host/client';
import { toErrorInfo } from '../host/errors';
import { useMetadata, useRefreshMetadata } from '../host/queries';
import { uploadFile } from '../host/upload';

export type MetadataSource = ReturnType<typeof useMetadataSource>;

export function useMetadataSource(profileId: string | undefined, onToast: (msg: string) => void) {
  const online = useMetadata(profileId);
  const refresh = useRefreshMetadata(profileId);
  const [offline, setOffline] = useState<{ metadata: RetsMetadata; name: string } | null>(null);
  // A file that could not be read stays explained (with its hint) until the next open or close.
  const [fileError, setFileError] = useState<RetsErrorInfo | null>(null);
  const closeFile = () => { setOffline(null); setFileError(null); };

  // Browser mode uploads the picked File; Electron asks the host's open dialog (no path crosses).
  async function openFile(file?: File) {
    try {
      const picked = file ? await uploadFile(file, 'metadata') : await host.files.chooseOpen({ purpose: 'metadata' });
      if (!picked) return;
      const r = await host.metadata.openFile({ handle: picked.handle });
      setOffline({ metadata: r.metadata, name: r.source.name });
      setFileError(null);
      onToast(`Opened ${r.source.name} (${r.source.format})`);
    } catch (err) {
      setFileError(toErrorInfo(err));
    }
  }

  const metadata: RetsMetadata | undefined = offline?.metadata ?? online.data?.metadata;
  const cache: MetadataCacheInfo | undefined = offline ? undefined : online.data?.cache;
  return { online, refresh, offline, fileError, openFile, closeFile, metadata, cache };
}
