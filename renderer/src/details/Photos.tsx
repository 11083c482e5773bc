// Photos of the selected row: thumbnails (lazy), full size on click (PhotoViewer: previous,
// next, download, description), and a retry that asks the host to try the failed objects again.
// RETS records' photos come from GetObject, Web API records' from their Media (MediaURL images the
// host fetches, in Order, the preferred one marked): the same list, the same viewer.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { host } from '../host/client';
import { toErrorInfo } from '../host/errors';
import { ErrorBox } from '../shell/ErrorBox';
import type { MetadataResource } from '../../../shared/rets/metadata/model';
import { PhotoViewer } from './PhotoViewer';

/** Whether a resource's records have photos: RETS object types, or a Web API Media navigation. */
export function hasPhotoSource(resource: MetadataResource | undefined): boolean {
  return !!resource && (resource.objects.length > 0 || !!resource.odata?.navigation.some((n) => n.name === 'Media'));
}

interface Props { profileId: string; resource: string; recordKey: string }

export function Photos({ profileId, resource, recordKey }: Props) {
  const [retry, setRetry] = useState(0);
  const q = useQuery({
    queryKey: ['objects', profileId, resource, recordKey, retry],
    queryFn: () => host.objects.list({ profileId, resource, key: recordKey, type: 'Photo', retry: retry > 0 }),
    retry: false, staleTime: 60_000,
  });
  const [open, setOpen] = useState<number | null>(null);
  const failed = q.data?.objects.filter((o) => o.error).length ?? 0;
  return (
    <>
      <div className="section-h">Photos <span className="mono" style={{ textTransform: 'none' }}>{recordKey}</span><span className="spacer" />
        {q.data && <span className="num">{q.data.objects.length}</span>}
        {(failed > 0 || q.error) && <button className="btn ghost small" onClick={() => setRetry((r) => r + 1)} data-testid="photos-retry">Retry</button>}
      </div>
      {q.isLoading && <div className="teach">Loading photos…</div>}
      {q.error && <ErrorBox error={toErrorInfo(q.error)} onRetry={() => setRetry((r) => r + 1)} />}
      {q.data && q.data.objects.length === 0 && <div className="teach">This record has no photos.</div>}
      <div className="photos" data-testid="photos">
        {q.data?.objects.map((o, i) => (
          <button key={o.objectId} className={`thumb${o.preferred ? ' rw-preferred' : ''}`} onClick={() => !o.error && setOpen(i)} title={o.error ? o.error.message : `${o.preferred ? 'Preferred · ' : ''}${o.description || `Photo ${o.objectId}`}`} data-testid="photo-thumb">
            {o.error ? <span>⚠ {o.objectId}</span> : <img src={o.thumbnailUrl ?? o.url} loading="lazy" alt={o.description || `Photo ${o.objectId}`} />}
          </button>
        ))}
      </div>
      {open !== null && q.data && (
        <PhotoViewer photos={q.data.objects} index={open} recordKey={recordKey} onIndex={setOpen} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
