// Replication-friendly paging: rows ordered by ModificationTimestamp then the key, so a pull can
// stop anywhere and resume after the last row it kept. Ties on the timestamp are broken by the key
// (`ModificationTimestamp gt T or (ModificationTimestamp eq T and ListingKey gt 'K')`).
import type { QueryOptions } from './types';
import { quoteLiteral } from '../../shared/odata/urls';

export interface ReplicationCheckpoint {
  /** The last row's ModificationTimestamp as sent (an Edm.DateTimeOffset literal). */
  timestamp: string;
  /** The last row's key; without it, rows at exactly `timestamp` are read again. */
  key?: string;
}

export interface ReplicationOptions {
  /** The key field: ListingKey for Property, MemberKey, OfficeKey, MediaKey… */
  keyField: string;
  timestampField?: string;
  since?: ReplicationCheckpoint;
  /** More conditions, and-ed (e.g. an OriginatingSystemName filter MLS Grid requires). */
  filter?: string;
  select?: readonly string[];
  expand?: string;
  top?: number;
  pageSize?: number;
}

const DATE_TIME_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,12})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The query options of one incremental pull. Throws on a checkpoint that is not a timestamp literal. */
export function replicationQuery(o: ReplicationOptions): QueryOptions {
  const ts = o.timestampField ?? 'ModificationTimestamp';
  const parts: string[] = [];
  if (o.since) {
    if (!DATE_TIME_OFFSET.test(o.since.timestamp)) throw new Error(`Not a DateTimeOffset: ${o.since.timestamp.slice(0, 40)}`);
    const t = o.since.timestamp;
    parts.push(o.since.key === undefined
      ? `${ts} gt ${t}`
      : `(${ts} gt ${t} or (${ts} eq ${t} and ${o.keyField} gt ${quoteLiteral(o.since.key)}))`);
  }
  if (o.filter) parts.push(`(${o.filter})`);
  const select = o.select?.length ? [...new Set([...o.select, ts, o.keyField])] : undefined;
  return {
    filter: parts.length ? parts.join(' and ') : undefined,
    orderby: `${ts},${o.keyField}`,
    select, expand: o.expand, top: o.top, pageSize: o.pageSize,
  };
}
