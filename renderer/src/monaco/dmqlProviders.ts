// Completion, hover, diagnostics and their quick fixes for DMQL2, all computed by shared/dmql (the
// language) against the metadata of the tab's resource and class. Each editor model carries its
// own context; the schema is built once per (metadata, resource, class).
import { complete, hover, validate, type Diagnostic, type DmqlSchema, type Suggestion, type SuggestionKind } from '../../../shared/dmql';
import type { SourceRange } from '../../../shared/dmql';
import { schemaFor, type DmqlContext } from '../query/schemaCache';
import { monaco } from './setup';
import { DMQL } from './dmqlLanguage';
import { AFTER_INSERT, OVERTYPE_CHARS } from './overtype';

export type { DmqlContext };

interface ModelState { ctx: DmqlContext; schema?: DmqlSchema; timer?: number }
const states = new Map<string, ModelState>();
const MARKER_OWNER = 'dmql';
const DEBOUNCE_MS = 150;

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
  const diags = diagnosticsOf(model, st.schema);
  monaco.editor.setModelMarkers(model, MARKER_OWNER, diags.map((d) => {
    const r = toRange(model, d.range.end > d.range.start ? d.range : { start: d.range.start, end: Math.min(text.length, d.range.start + 1) });
    return { startLineNumber: r.startLineNumber, startColumn: r.startColumn, endLineNumber: r.endLineNumber, endColumn: r.endColumn, severity: severity[d.severity], message: d.message, code: d.code };
  }));
}

/** The diagnostics of the model's current text (once per text version: lint and quick fixes share them). */
const diagCache = new WeakMap<monaco.editor.ITextModel, { version: number; schema: DmqlSchema; diags: Diagnostic[] }>();
function diagnosticsOf(model: monaco.editor.ITextModel, schema: DmqlSchema): Diagnostic[] {
  const hit = diagCache.get(model);
  const version = model.getVersionId();
  if (hit && hit.version === version && hit.schema === schema) return hit.diags;
  const diags = validate(model.getValue(), schema);
  diagCache.set(model, { version, schema, diags });
  return diags;
}

/** Quick fixes: each diagnostic under the cursor (or a marker in the request) that carries a fix,
 *  as the CLI prints them ("Did you mean L_ListPrice?", a lookup value, a missing paren). */
function quickFixes(model: monaco.editor.ITextModel, range: monaco.Range): monaco.languages.CodeAction[] {
  const st = states.get(model.uri.toString());
  if (!st?.schema || model.getValue().trim() === '') return [];
  const from = model.getOffsetAt(range.getStartPosition());
  const to = model.getOffsetAt(range.getEndPosition());
  const out: monaco.languages.CodeAction[] = [];
  for (const d of diagnosticsOf(model, st.schema)) {
    if (!d.fix || d.range.start > to || Math.max(d.range.end, d.range.start + 1) < from) continue;
    const r = toRange(model, d.range.end > d.range.start ? d.range : { start: d.range.start, end: Math.min(model.getValueLength(), d.range.start + 1) });
    out.push({
      title: d.fix.title, kind: 'quickfix', isPreferred: out.length === 0,
      diagnostics: [{ startLineNumber: r.startLineNumber, startColumn: r.startColumn, endLineNumber: r.endLineNumber, endColumn: r.endColumn, severity: severity[d.severity], message: d.message, code: d.code }],
      edit: { edits: d.fix.edits.map((e) => ({ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: toRange(model, e.range), text: e.text } })) },
    });
  }
  return out;
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
  const last = s.insertText.charAt(s.insertText.length - 1);
  return {
    ...(!s.snippet && OVERTYPE_CHARS.has(last) ? { command: { id: AFTER_INSERT, title: '', arguments: [model.uri.toString(), last] } } : {}),
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
  monaco.languages.registerCodeActionProvider(DMQL, {
    provideCodeActions(model, range) {
      return { actions: quickFixes(model, range), dispose() { /* nothing held */ } };
    },
  }, { providedCodeActionKinds: ['quickfix'] });
  monaco.languages.registerHoverProvider(DMQL, {
    provideHover(model, position) {
      const st = states.get(model.uri.toString());
      const h = hover(model.getValue(), model.getOffsetAt(position), st?.schema);
      return h ? { range: toRange(model, h.range), contents: [{ value: h.contents }] } : null;
    },
  });
}
