// Completion, hover and diagnostics for DMQL2, each computed by engineer C's shared/dmql against
// the metadata of the tab's resource and class. Each editor model carries its own context.
import type { RetsMetadata } from '../../../shared/rets/metadata/model';
import { monaco } from './setup';

export interface DmqlContext { metadata: RetsMetadata; resource: string; cls: string }

const contexts = new Map<string, DmqlContext>();

export function setModelContext(model: monaco.editor.ITextModel, ctx: DmqlContext | undefined): void {
  if (ctx) contexts.set(model.uri.toString(), ctx);
  else contexts.delete(model.uri.toString());
}

export function modelContext(model: monaco.editor.ITextModel): DmqlContext | undefined {
  return contexts.get(model.uri.toString());
}
