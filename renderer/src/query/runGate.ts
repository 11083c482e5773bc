// What stands between Run and a request: a tab with no Resource/Class the metadata knows (the
// session logged out, the pickers show "—"), a number field that does not parse, or errors the
// editor already found (Run then asks: run anyway, or fix; the answer can be kept per tab).
import { validate, type Diagnostic } from '../../../shared/dmql';
import type { RetsMetadata } from '../../../shared/rets/metadata/model';
import { findClass, findResource } from '../../../shared/rets/metadata/model';
import type { QueryTab } from '../state/tabs';
import { parseLimit, parseOffset } from './numberFields';
import { schemaFor } from './schemaCache';
import { validateFilter } from '../../../shared/odata/filter';
import { odataSchemaFor } from './odataSchema';

export type Gate =
  | { kind: 'blocked'; reason: string }
  | { kind: 'errors'; errors: Diagnostic[] }
  | { kind: 'ok' };

/** The active connection Run would send to: its protocol must be the tab's (an opened metadata
 *  file can make the tab speak the other one). */
export interface RunTarget { name: string; type: 'rets' | 'webapi' }

/** The active profile as a run target, from the profile list. */
export function runTarget(profiles: readonly { id: string; name: string; type?: 'rets' | 'webapi' }[] | undefined, profileId: string | undefined): RunTarget | undefined {
  const p = profileId ? profiles?.find((x) => x.id === profileId) : undefined;
  return p ? { name: p.name, type: p.type ?? 'rets' } : undefined;
}

const PROTOCOL_NAME = { rets: 'RETS', webapi: 'RESO Web API' } as const;

/** Why Run cannot send this tab's search, or undefined when it can. */
export function blockReason(tab: QueryTab, metadata: RetsMetadata | undefined, profileId: string | undefined, target?: RunTarget): string | undefined {
  if (!profileId) return 'Pick a connection first';
  const speaks = tab.protocol === 'webapi' ? 'webapi' : 'rets';
  if (target && target.type !== speaks) {
    return `This tab is a ${PROTOCOL_NAME[speaks]} query (from the metadata file opened) and “${target.name}” is a ${PROTOCOL_NAME[target.type]} connection: Run would send it to the wrong server. Pick a ${PROTOCOL_NAME[speaks]} connection, or close the file`;
  }
  if (!metadata) return 'No metadata for this connection yet: it is not logged in, or its login failed (the Metadata pane says why). Fix the profile with Edit, or pick another connection';
  const r = tab.resource ? findResource(metadata, tab.resource) : undefined;
  if (!r) return tab.resource ? `Resource ${tab.resource} is not in this server’s metadata: pick one` : 'Pick a Resource';
  if (tab.protocol === 'webapi' && !r.odata) return 'This tab speaks the Web API, and the metadata is RETS: pick a Web API connection or open a new tab';
  if (tab.protocol !== 'webapi' && r.odata) return 'This tab speaks RETS, and the metadata is a Web API’s: open a new tab for it';
  const c = tab.cls ? findClass(r, tab.cls) : undefined;
  if (!c) return tab.cls ? `Class ${tab.cls} is not in ${r.id}: pick one` : 'Pick a Class';
  if (tab.standardNames && (!r.standardName || !c.standardName)) return `${!r.standardName ? `Resource ${r.id}` : `Class ${c.name}`} has no StandardName in the metadata: turn StandardNames off to search it`;
  if (tab.limitText !== undefined) { const p = parseLimit(tab.limitText); if (!p.ok) return p.message; }
  if (tab.offsetText !== undefined) { const p = parseOffset(tab.offsetText); if (!p.ok) return p.message; }
  return undefined;
}

/** The SearchType, Class and Select to send: with StandardNames=1 the server expects standard
 *  names for all three (the pickers hold system names). */
export function searchTarget(tab: QueryTab, metadata: RetsMetadata): { resource: string; cls: string; select: string[] } {
  if (!tab.standardNames) return { resource: tab.resource, cls: tab.cls, select: tab.select };
  const r = findResource(metadata, tab.resource);
  const c = r && findClass(r, tab.cls);
  const std = new Map((c?.fields ?? []).map((f) => [f.systemName, f.standardName || f.systemName]));
  return { resource: r?.standardName || tab.resource, cls: c?.standardName || tab.cls, select: tab.select.map((f) => std.get(f) ?? f) };
}

export function gateRun(tab: QueryTab, metadata: RetsMetadata | undefined, profileId: string | undefined, target?: RunTarget): Gate {
  const reason = blockReason(tab, metadata, profileId, target);
  if (reason) return { kind: 'blocked', reason };
  if (tab.protocol === 'webapi') {
    const fs = odataSchemaFor(metadata, tab.resource);
    const errs = fs && tab.query.trim() ? validateFilter(tab.query, fs).filter((d) => d.severity === 'error') : [];
    return errs.length ? { kind: 'errors', errors: errs } : { kind: 'ok' };
  }
  const schema = schemaFor({ metadata: metadata!, resource: tab.resource, cls: tab.cls, standardNames: tab.standardNames });
  const errors = schema && tab.query.trim() ? validate(tab.query, schema).filter((d) => d.severity === 'error') : [];
  return errors.length ? { kind: 'errors', errors } : { kind: 'ok' };
}
