// The right pane: the picked row (with its photos when the resource has any) or the picked field,
// or a hint on how to fill it.
import type { RetsMetadata } from '../../../shared/rets/metadata/model';
import { findClass, findResource } from '../../../shared/rets/metadata/model';
import { FieldDetails } from '../details/FieldDetails';
import { hasPhotoSource, Photos } from '../details/Photos';
import { RowDetails } from '../details/RowDetails';
import { useMapping } from '../host/queries';
import { displayDecoders } from '../../../shared/metadata/lookupDecoder';
import type { RunState } from '../host/searchRun';
import type { QueryTab } from '../state/tabs';
import type { useDetailsSelection } from './useDetailsSelection';

interface Props {
  profileId?: string;
  metadata?: RetsMetadata;
  /** The metadata came from an opened file: no connection to read lookup values with. */
  offline: boolean;
  tab: QueryTab;
  run: RunState;
  selection: ReturnType<typeof useDetailsSelection>;
  onInsert(text: string): void;
}

export function DetailsPane({ profileId, metadata, offline, tab, run, selection, onInsert }: Props) {
  const resource = metadata && tab.resource ? findResource(metadata, tab.resource) : undefined;
  const cls = resource && tab.cls ? findClass(resource, tab.cls) : undefined;
  const decoders = displayDecoders(metadata, tab.resource, tab.cls);
  const mapping = useMapping(offline ? undefined : profileId);
  const { drawer, field } = selection;
  const index = selection.row;
  const row = index !== undefined ? run.rows.row(index) : undefined;
  const keyCol = resource ? run.columns.indexOf(resource.keyField) : -1;
  const recordKey = row ? row[keyCol >= 0 ? keyCol : 0] : undefined;
  const hasPhotos = hasPhotoSource(resource);
  return (
    <aside className="rw-right" data-testid="details">
      {drawer === 'row' && row && recordKey && profileId && hasPhotos && <Photos profileId={profileId} resource={tab.resource} recordKey={recordKey} />}
      <div className="section-h">Details</div>
      {drawer === 'row' && row && index !== undefined ? <RowDetails index={index} columns={run.columns} row={row} cls={cls} decoders={decoders} resource={tab.resource} mapping={mapping.data?.mapping} />
        : field && metadata ? <FieldDetails metadata={metadata} profileId={offline ? undefined : profileId} sel={field.s} onInsert={onInsert} />
          : <div className="teach">Click a field in the explorer to see every metadata column and its lookup values; double-click inserts it into the query. Click a result row to see it here with its photos.</div>}
    </aside>
  );
}
