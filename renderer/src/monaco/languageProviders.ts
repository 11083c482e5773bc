// Completion, hover, diagnostics as markers and their quick fixes for one query language, all
// computed by its pure shared/ service (shared/dmql, shared/odata/filter: the same result shapes)
// against the schema each editor model carries. DMQL2 and $filter register through here.
import type { CompletionResult, Diagnostic, HoverResult, SourceRange, Suggestion, SuggestionKind } from '../../../shared/dmql';
import { monaco } from './setup';
import { AFTER_INSERT } from './overtype';

export interface LanguageService<S> {
  id: string;
  /** Marker owner. */
  owner: string;
  triggerCharacters: string[];
  validate(text: string, schema: S): Diagnostic[];
  complete(text: string, offset: number, schema: S | undefined): CompletionResult;
  hover(text: string, offset: number, schema: S | undefined): HoverResult | undefined;
  /** The operator an accepted suggestion ends with, to overtype when typed next; and whether to
   *  open the completion list again (the values after `eq `). */
  afterInsert(s: Suggestion): { char: string; suggest?: boolean } | undefined;
}

export interface LanguageProviders<S> {
  /** The schema of the model's query (undefined: no metadata, no diagnostics). */
  setSchema(model: monaco.editor.ITextModel, schema: S | undefined): void;
}

const DEBOUNCE_MS = 150;
const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };

function toRange(model: monaco.editor.ITextModel, r: SourceRange): monaco.Range {
  const a = model.getPositionAt(r.start);
  const b = model.getPositionAt(r.end);
  return new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
}

/** A diagnostic's range, at least one character wide so the marker shows. */
function markRange(model: monaco.editor.ITextModel, d: Diagnostic): monaco.Range {
  return toRange(model, d.range.end > d.range.start ? d.range : { start: d.range.start, end: Math.min(model.getValueLength(), d.range.start + 1) });
}

function marker(model: monaco.editor.ITextModel, d: Diagnostic): monaco.editor.IMarkerData {
  const r = markRange(model, d);
  return { startLineNumber: r.startLineNumber, startColumn: r.startColumn, endLineNumber: r.endLineNumber, endColumn: r.endColumn, severity: severity[d.severity], message: d.message, code: d.code };
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

export function registerLanguageProviders<S>(svc: LanguageService<S>): LanguageProviders<S> {
  interface ModelState { schema: S; timer?: number }
  const states = new Map<string, ModelState>();
  const listening = new Set<string>();
  /** The diagnostics of the model's current text (once per text version: lint and quick fixes share them). */
  const diagCache = new WeakMap<monaco.editor.ITextModel, { version: number; schema: S; diags: Diagnostic[] }>();

  function diagnosticsOf(model: monaco.editor.ITextModel, schema: S): Diagnostic[] {
    const hit = diagCache.get(model);
    const version = model.getVersionId();
    if (hit && hit.version === version && hit.schema === schema) return hit.diags;
    const diags = svc.validate(model.getValue(), schema);
    diagCache.set(model, { version, schema, diags });
    return diags;
  }

  function lint(model: monaco.editor.ITextModel): void {
    if (model.isDisposed()) return;
    const st = states.get(model.uri.toString());
    if (!st || model.getValue().trim() === '') { monaco.editor.setModelMarkers(model, svc.owner, []); return; }
    monaco.editor.setModelMarkers(model, svc.owner, diagnosticsOf(model, st.schema).map((d) => marker(model, d)));
  }

  function scheduleLint(model: monaco.editor.ITextModel): void {
    const st = states.get(model.uri.toString());
    if (!st) return;
    window.clearTimeout(st.timer);
    st.timer = window.setTimeout(() => lint(model), DEBOUNCE_MS);
  }

  /** Quick fixes: each diagnostic under the cursor (or a marker in the request) that carries a fix,
   *  as the CLI prints them ("Did you mean ListPrice?", a lookup value, a missing paren). */
  function quickFixes(model: monaco.editor.ITextModel, range: monaco.Range): monaco.languages.CodeAction[] {
    const st = states.get(model.uri.toString());
    if (!st || model.getValue().trim() === '') return [];
    const from = model.getOffsetAt(range.getStartPosition());
    const to = model.getOffsetAt(range.getEndPosition());
    const out: monaco.languages.CodeAction[] = [];
    for (const d of diagnosticsOf(model, st.schema)) {
      if (!d.fix || d.range.start > to || Math.max(d.range.end, d.range.start + 1) < from) continue;
      out.push({
        title: d.fix.title, kind: 'quickfix', isPreferred: out.length === 0,
        diagnostics: [marker(model, d)],
        edit: { edits: d.fix.edits.map((e) => ({ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: toRange(model, e.range), text: e.text } })) },
      });
    }
    return out;
  }

  function toItem(model: monaco.editor.ITextModel, s: Suggestion): monaco.languages.CompletionItem {
    const after = s.snippet ? undefined : svc.afterInsert(s);
    return {
      ...(after ? { command: { id: AFTER_INSERT, title: '', arguments: [model.uri.toString(), after.char, !!after.suggest] } } : {}),
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

  monaco.languages.registerCompletionItemProvider(svc.id, {
    triggerCharacters: svc.triggerCharacters,
    provideCompletionItems(model, position) {
      const st = states.get(model.uri.toString());
      const r = svc.complete(model.getValue(), model.getOffsetAt(position), st?.schema);
      return { suggestions: r.items.map((s) => toItem(model, s)), incomplete: r.incomplete };
    },
  });
  monaco.languages.registerCodeActionProvider(svc.id, {
    provideCodeActions(model, range) {
      return { actions: quickFixes(model, range), dispose() { /* nothing held */ } };
    },
  }, { providedCodeActionKinds: ['quickfix'] });
  monaco.languages.registerHoverProvider(svc.id, {
    provideHover(model, position) {
      const st = states.get(model.uri.toString());
      const h = svc.hover(model.getValue(), model.getOffsetAt(position), st?.schema);
      return h ? { range: toRange(model, h.range), contents: [{ value: h.contents }] } : null;
    },
  });

  return {
    setSchema(model, schema) {
      const id = model.uri.toString();
      if (schema === undefined) { states.delete(id); monaco.editor.setModelMarkers(model, svc.owner, []); return; }
      states.set(id, { schema });
      lint(model);
      if (listening.has(id)) return;
      listening.add(id);
      const sub = model.onDidChangeContent(() => scheduleLint(model));
      model.onWillDispose(() => { sub.dispose(); listening.delete(id); states.delete(id); });
    },
  };
}
