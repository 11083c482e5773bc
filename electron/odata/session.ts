// A RESO Web API session: the service document, $metadata (raw text, parsed CSDL and the neutral
// model the explorer uses), queries as async iterables of events (columns, count, row batches,
// pages, waits, quota), the Lookup resource, Media and replication pulls. One undici Agent per
// session; close() releases it.
//
//   const s = new ODataSession({ serviceRoot, auth: { kind: 'client-credentials', ... } });
//   for await (const e of s.query('Property', { filter, select, top: 500 }, signal)) ...
import { csdlToMetadata, lookupsFromRows, parseCsdl, type CsdlDocument } from '../../shared/odata/csdl';
import type { ODataOperation } from '../../shared/odata/errors';
import { parseJsonCapped } from '../../shared/odata/jsonCapped';
import type { ODataRowBatch } from '../../shared/odata/payload';
import type { MetadataLookup, RetsMetadata } from '../../shared/rets/metadata/model';
import { decodeBody } from '../../shared/rets/text';
import { Trace } from '../rets/trace';
import { parseFailure, toODataError, wrongContent } from './errors';
import { fetchMediaImage, mediaItem, type MediaImage, type MediaItem } from './media';
import { readPages } from './paging';
import type { QuotaInfo } from './quota';
import { replicationQuery, type ReplicationCheckpoint, type ReplicationOptions } from './replication';
import { ODataTransport, realClock, type TransportEvent } from './transport';
import { DEFAULT_ODATA_SETTINGS, type ODataClock, type ODataQueryEvent, type ODataSettings, type QueryOptions } from './types';
import { queryUrl, quoteLiteral, underRoot } from '../../shared/odata/urls';

export interface ServiceDocument {
  context?: string;
  entitySets: { name: string; kind: string; url: string }[];
}

export interface ODataMetadataResult {
  /** $metadata as received (decoded text). */
  text: string;
  csdl: CsdlDocument;
  /** The protocol-neutral model (resources, fields, lookups) the explorer and completion use. */
  model: RetsMetadata;
}

export type ReplicationEvent = ODataQueryEvent | { kind: 'checkpoint'; checkpoint: ReplicationCheckpoint };

export interface ODataSessionOptions {
  clock?: ODataClock;
  /** Called with waits and quota headers of calls that are not iterables (metadata, lookups…). */
  onEvent?: (e: TransportEvent) => void;
}

type SettingsInput = Partial<ODataSettings> & Pick<ODataSettings, 'serviceRoot' | 'auth'>;

export class ODataSession {
  readonly settings: ODataSettings;
  readonly trace = new Trace<ODataOperation>();
  /** The HTTP layer (tokens, quota, raw answers): the connection doctor probes it step by step. */
  readonly transport: ODataTransport;

  constructor(settings: SettingsInput, private readonly options: ODataSessionOptions = {}) {
    this.settings = { ...DEFAULT_ODATA_SETTINGS, ...settings };
    this.transport = new ODataTransport(this.settings, this.trace, options.clock ?? realClock);
  }

  /** The quota headers of the latest answer that had any. */
  get quota(): QuotaInfo | undefined { return this.transport.lastQuota; }

  async serviceDocument(signal?: AbortSignal): Promise<ServiceDocument> {
    // The root exactly as given: some servers answer only with, others only without, the trailing slash.
    const body = await this.readWhole('ServiceDocument', this.settings.serviceRoot, 'application/json', 16 * 1024 * 1024, signal, 'JSON');
    const ctx = { operation: 'ServiceDocument' as const, url: this.transport.redact(this.settings.serviceRoot) };
    let doc: unknown;
    try { doc = parseJsonCapped(new TextDecoder().decode(body), 16); } catch (e) { throw toODataError(e, ctx); }
    const root = doc as { '@odata.context'?: unknown; value?: unknown };
    if (!Array.isArray(root?.value)) throw parseFailure(ctx, 'The service document has no "value" list of entity sets.');
    const entitySets = root.value.flatMap((v: unknown) => {
      const o = v as { name?: unknown; kind?: unknown; url?: unknown };
      return typeof o?.name === 'string' ? [{ name: o.name, kind: typeof o.kind === 'string' ? o.kind : 'EntitySet', url: typeof o.url === 'string' ? o.url : o.name }] : [];
    });
    return { context: typeof root['@odata.context'] === 'string' ? root['@odata.context'] : undefined, entitySets };
  }

  /** $metadata, asked as XML (some servers answer JSON CSDL otherwise; that is read too). */
  async metadata(signal?: AbortSignal, lookupRows?: Map<string, MetadataLookup>): Promise<ODataMetadataResult> {
    const url = underRoot(this.settings.serviceRoot, '$metadata');
    const ctx = { operation: 'Metadata' as const, url: this.transport.redact(url) };
    const res = await this.transport.send({ operation: 'Metadata', url, accept: 'application/xml', cap: this.settings.maxMetadataBytes, signal }, this.options.onEvent);
    const bytes = await res.bytes();
    const text = decodeBody(bytes, res.contentType);
    const head = text.slice(0, 512).trimStart().toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html')) throw wrongContent(ctx, res.status, bytes.subarray(0, 64 * 1024), res.contentType, 'XML');
    let csdl: CsdlDocument;
    try { csdl = parseCsdl(text); } catch (e) { throw toODataError(e, ctx); }
    return { text, csdl, model: csdlToMetadata(csdl, { lookupRows }) };
  }

  /** One query over every page it takes (or `top` rows), streamed. */
  query(entitySet: string, o: QueryOptions = {}, signal?: AbortSignal): AsyncGenerator<ODataQueryEvent> {
    return this.pages('Query', queryUrl(this.settings.serviceRoot, entitySet, o), o, signal);
  }

  /** The Lookup resource's rows (string lookups), by LookupName. */
  async lookupValues(signal?: AbortSignal, entitySet = 'Lookup'): Promise<Map<string, MetadataLookup>> {
    const batches: ODataRowBatch[] = [];
    for await (const e of this.pages('Lookup', queryUrl(this.settings.serviceRoot, entitySet, {}), {}, signal)) {
      if (e.kind === 'rows') batches.push(e.batch);
      else this.report(e);
    }
    return lookupsFromRows(batches);
  }

  /** A record's Media rows (the Media resource by ResourceRecordKey), in Order. */
  async media(record: { ResourceRecordKey: string; ResourceName?: string }, signal?: AbortSignal): Promise<MediaItem[]> {
    const filter = [`ResourceRecordKey eq ${quoteLiteral(record.ResourceRecordKey)}`];
    if (record.ResourceName) filter.push(`ResourceName eq ${quoteLiteral(record.ResourceName)}`);
    const items: MediaItem[] = [];
    const url = queryUrl(this.settings.serviceRoot, 'Media', { filter: filter.join(' and '), orderby: 'Order' });
    for await (const e of this.pages('Media', url, {}, signal)) {
      if (e.kind === 'rows') for (const row of e.batch.toObjects()) items.push(mediaItem(row));
      else this.report(e);
    }
    return items;
  }

  /** The image behind a MediaURL (raster types only, at most maxMediaBytes). */
  mediaImage(url: string, signal?: AbortSignal): Promise<MediaImage> {
    return fetchMediaImage(url, this.settings.maxMediaBytes, signal);
  }

  /** An incremental pull in ModificationTimestamp, key order; a checkpoint after each page says where to resume. */
  async *replicate(entitySet: string, o: ReplicationOptions, signal?: AbortSignal): AsyncGenerator<ReplicationEvent> {
    const q = replicationQuery(o);
    const ts = o.timestampField ?? 'ModificationTimestamp';
    let last: ODataRowBatch | undefined;
    for await (const e of this.query(entitySet, q, signal)) {
      if (e.kind === 'rows') last = e.batch;
      yield e;
      if (e.kind === 'page' && last && last.length > 0) {
        const r = last.length - 1;
        const timestamp = last.get(r, last.columns.indexOf(ts));
        const key = last.get(r, last.columns.indexOf(o.keyField));
        if (timestamp) yield { kind: 'checkpoint', checkpoint: { timestamp, key: key || undefined } };
      }
    }
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private pages(operation: ODataOperation, url: string, o: QueryOptions, signal?: AbortSignal): AsyncGenerator<ODataQueryEvent> {
    return readPages(this.transport, url, {
      operation, serviceRoot: this.settings.serviceRoot, select: o.select, top: o.top,
      maxPageSize: o.pageSize ?? this.settings.maxPageSize, maxPageBytes: this.settings.maxPageBytes, signal,
    });
  }

  private report(e: ODataQueryEvent): void {
    if (e.kind === 'wait' || e.kind === 'quota') this.options.onEvent?.(e);
  }

  private async readWhole(operation: ODataOperation, url: string, accept: string, cap: number, signal: AbortSignal | undefined, expected: 'JSON' | 'XML'): Promise<Uint8Array> {
    const res = await this.transport.send({ operation, url, accept, cap, signal }, this.options.onEvent);
    const bytes = await res.bytes();
    let i = 0;
    while (i < bytes.length && bytes[i]! <= 32) i++;
    if (bytes[i] !== (expected === 'JSON' ? 0x7b : 0x3c)) throw wrongContent(res.context, res.status, bytes.subarray(0, 64 * 1024), res.contentType, expected);
    return bytes;
  }
}
