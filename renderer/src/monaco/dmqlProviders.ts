// Completion, hover and diagnostics for DMQL2, all computed by shared/dmql (the language) against
// the metadata of the tab's resource and class. Each editor model carries its own context; the
// schema is built once per (metadata, resource, class).
import { buildSchema, complete, hover, validate, type DmqlSchema, type Suggestion, type SuggestionKind } from '../../../shared/dmql';
import type { SourceRange } from '../../../shared/dmql';
import type { RetsMetadata } from '../../../shared/rets/metadata/model';
import { monaco } from './setup';
import { DMQL } from './dmqlLanguage';

export interface DmqlContext { metadata: RetsMetadata; resource: string; cls: string }

interface ModelState { ctx: DmqlContext; schema?: DmqlSchema; timer?: number }
const states = new Map<string, ModelState>();
const schemaCache = new WeakMap<RetsMetadata, Map<string, DmqlSchema | null>>();
const MARKER_OWNER = 'dmql';
const DEBOUNCE_MS = 150;

function schemaFor(ctx: DmqlContext): DmqlSchema | undefined {
  let byClass = schemaCache.get(ctx.metadata);
  if (!byClass) { byClass = new Map(); schemaCache.set(ctx.metadata, byClass); }
  const key = `${ctx.resource}\u0000${ctx.cls}`;
  if (!byClass.has(key)) {
    try { byClass.set(key, buildSchema(ctx.metadata, ctx.resource, ctx.cls)); } catch { byClass.set(key, null); }
  }
  return byClass.get(key) ?? undefined;
}

function toRange(model: monaco.editor.ITextModel, r: SourceRange): monaco.Range {
  const a = model.getPositionAt(r.start);
  const b = model.getPositionAt(r.end);
  return new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
}

export function setModelContext(model: monaco.editor.ITextModel, ctx: DmqlContext | undefined): void {
  registerProviders();
  const id = model.uri.toString();
  if (!ctx) { states.delete(id); monaco.editor.setModelMarkers(model, MARKER_OWNER, []); return; }
  states.set(id, { ctx, schema: schemaFor(ctx) });
  lint(model);
  if (!listening.has(id)) {
    listening.add(id);
    const sub = model.onDidChangeContent(() => scheduleLint(model));
    model.onWillDispose(() => { sub.dispose(); listening.delete(id); states.delete(id); });
  }
}
const listening = new Set<string>();

function scheduleLint(model: monaco.editor.ITextModel): void {
  const st = states.get(model.uri.toString());
  if (!st) return;
  window.clearTimeout(st.timer);
  st.timer = window.setTimeout(() => lint(model), DEBOUNCE_MS);
}

const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };

function lint(model: monaco.editor.ITextModel): void {
  if (model.isDisposed()) return;
  const st = states.get(model.uri.toString());
  const text = model.getValue();
  if (!st?.schema || text.trim() === '') { monaco.editor.setModelMarkers(model, MARKER_OWNER, []); return; }
  const diags = validate(text, st.schema);
  monaco.editor.setModelMarkers(model, MARKER_OWNER, diags.map((d) => {
    const r = toRange(model, d.range.end > d.range.start ? d.range : { start: d.range.start, end: Math.min(text.length, d.range.start + 1) });
    return { startLineNumber: r.startLineNumber, startColumn: r.startColumn, endLineNumber: r.endLineNumber, endColumn: r.endColumn, severity: severity[d.severity], message: d.message, code: d.code };
  }));
}

const kinds: Record<SuggestionKind, monaco.languages.CompletionItemKind> = {
  field: monaco.languages.CompletionItemKind.Field,
  operator: monaco.languages.CompletionItemKind.Operator,
  value: monaco.languages.CompletionItemKind.Value,
  lookup: monaco.languages.CompletionItemKind.EnumMember,
  template: monaco.languages.CompletionItemKind.Snippet,
  keyword: monaco.languages.CompletionItemKind.Keyword,
  paren: monaco.languages.CompletionItemKind.Text,
};

function toItem(model: monaco.editor.ITextModel, s: Suggestion): monaco.languages.CompletionItem {
  return {
    label: { label: s.label, description: s.detail },
    kind: kinds[s.kind],
    insertText: s.insertText,
    insertTextRules: s.snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
    detail: s.detail,
    documentation: s.documentation ? { value: s.documentation } : undefined,
    sortText: s.sortText,
    filterText: s.filterText,
    range: toRange(model, s.range),
  };
}

let registered = false;
function registerProviders(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider(DMQL, {
    triggerCharacters: ['(', '=', ',', '|', '~', '+'],
    provideCompletionItems(model, position) {
      const st = states.get(model.uri.toString());
      const r = complete(model.getValue(), model.getOffsetAt(position), st?.schema, { limit: 200 });
      return { suggestions: r.items.map((s) => toItem(model, s)), incomplete: r.incomplete };
    },
  });
  monaco.languages.registerHoverProvider(DMQL, {
    provideHover(model, position) {
      const st = states.get(model.uri.toString());
      const h = hover(model.getValue(), model.getOffsetAt(position), st?.schema);
      return h ? { range: toRange(model, h.range), contents: [{ value: h.contents }] } : null;
    },
  });
}
