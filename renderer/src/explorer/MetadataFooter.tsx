// Under the explorer: how many fields, and which metadata: a RETS server's version and date, or a
// Web API's OData version and CSDL form (a Web API's $metadata carries no version of its own).
import type { MetadataCacheInfo } from '../../../shared/contract';
import type { RetsMetadata } from '../../../shared/rets/metadata/model';

export function MetadataFooter({ cache, metadata }: { cache: MetadataCacheInfo; metadata?: RetsMetadata }) {
  const o = metadata?.odata;
  return (
    <div className="meta-foot num" data-testid="metadata-version" title={`fetched ${cache.fetchedAt}`}>
      <span>{cache.fieldCount.toLocaleString()} fields</span>
      {o
        ? <><span>OData {o.version}</span><span>CSDL {o.format.toUpperCase()}</span><span>{cache.fetchedAt.slice(0, 10)}</span></>
        : <><span>v{cache.metadataVersion ?? '–'}</span><span>{cache.metadataTimestamp?.slice(0, 10) ?? ''}</span></>}
      {cache.fromCache && <span>cached</span>}
    </div>
  );
}
