// The DMQL2 schema of a tab's resource and class, built once per (metadata, resource, class,
// StandardNames) and shared by the editor's providers, the run check and the placeholder.
import { buildSchema, type DmqlSchema } from '../../../shared/dmql';
import type { RetsMetadata } from '../../../shared/rets/metadata/model';

export interface DmqlContext { metadata: RetsMetadata; resource: string; cls: string; standardNames?: boolean }

const cache = new WeakMap<RetsMetadata, Map<string, DmqlSchema | null>>();

export function schemaFor(ctx: DmqlContext): DmqlSchema | undefined {
  let byClass = cache.get(ctx.metadata);
  if (!byClass) { byClass = new Map(); cache.set(ctx.metadata, byClass); }
  const key = `${ctx.resource}\u0000${ctx.cls}\u0000${ctx.standardNames ? 1 : 0}`;
  if (!byClass.has(key)) {
    try { byClass.set(key, buildSchema(ctx.metadata, ctx.resource, ctx.cls, { standardNames: !!ctx.standardNames })); } catch { byClass.set(key, null); }
  }
  return byClass.get(key) ?? undefined;
}
