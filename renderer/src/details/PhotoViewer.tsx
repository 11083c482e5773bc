// A photo at full size over the app: previous / next (buttons and the arrow keys), download,
// the object's description and its place in the list; Esc or a click on the backdrop closes.
import { useEffect } from 'react';
import type { ObjectInfo } from '../../../shared/contract';
import { useEscape } from '../shell/useEscape';

interface Props { photos: ObjectInfo[]; index: number; recordKey: string; onIndex(i: number): void; onClose(): void }

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/tiff': 'tif', 'image/bmp': 'bmp' };

/** The downloaded file's name: the record, the object id, an extension from the content type. */
export function photoFileName(recordKey: string, p: Pick<ObjectInfo, 'objectId' | 'contentType'>): string {
  const safeKey = recordKey.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'photo';
  return `${safeKey}-${p.objectId}.${EXT[p.contentType.split(';')[0].trim().toLowerCase()] ?? 'bin'}`;
}

export function PhotoViewer({ photos, index, recordKey, onIndex, onClose }: Props) {
  useEscape(onClose);
  const n = photos.length;
  const p = photos[index];
  const go = (d: -1 | 1) => onIndex((index + d + n) % n);
  useEffect(() => {
    const k = (e: KeyboardEvent) => {
      if (e.key === 'ArrowLeft') { e.preventDefault(); e.stopPropagation(); go(-1); }
      if (e.key === 'ArrowRight') { e.preventDefault(); e.stopPropagation(); go(1); }
    };
    window.addEventListener('keydown', k, true);
    return () => window.removeEventListener('keydown', k, true);
  });
  if (!p) return null;
  const label = p.description || `Photo ${p.objectId}`;
  return (
    <div className="lightbox" onClick={(e) => { if (e.target === e.currentTarget) onClose(); }} data-testid="lightbox" role="dialog" aria-modal="true" aria-label={`Photo ${index + 1} of ${n}`}>
      <div className="rw-viewer-bar">
        <span className="num" data-testid="lightbox-pos">{index + 1} / {n}</span>
        <span className="rw-viewer-desc" data-testid="lightbox-desc">{label}</span>
        <a className="btn" href={p.url} download={photoFileName(recordKey, p)} data-testid="lightbox-download">Download</a>
        <button className="btn" onClick={onClose} aria-label="Close">✕</button>
      </div>
      <div className="rw-viewer-stage">
        <button className="btn rw-viewer-nav" onClick={() => go(-1)} disabled={n < 2} aria-label="Previous photo" title="Previous (←)" data-testid="lightbox-prev">‹</button>
        {p.error ? <div className="teach">⚠ {p.error.message}</div> : <img src={p.url} alt={label} />}
        <button className="btn rw-viewer-nav" onClick={() => go(1)} disabled={n < 2} aria-label="Next photo" title="Next (→)" data-testid="lightbox-next">›</button>
      </div>
      <div className="muted small">← → previous / next · Esc closes</div>
    </div>
  );
}
