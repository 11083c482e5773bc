// The query editor of one tab: DMQL2 for RETS tabs, the $filter language for Web API tabs. Monaco with EditContext off (it drops typed characters
// under automation), keyboard: Ctrl/Cmd+Enter runs, Esc cancels (unless a widget is open),
// Ctrl/Cmd+S saves a snippet. The parent inserts fields at the cursor through `api`.
import { useEffect, useRef } from 'react';
import { monaco } from './setup';
import { DMQL, currentTheme, followAppTheme, registerDmqlLanguage } from './dmqlLanguage';
import { setModelContext, type DmqlContext } from './dmqlProviders';
import { attachOvertype } from './overtype';
import { ODATA_FILTER, registerODataLanguage } from './odataLanguage';
import { setODataContext, type ODataContext } from './odataProviders';
import { useLatest } from '../shell/useLatest';
import type { Diagnostic } from '../../../shared/dmql/validate';

export interface EditorApi {
  insert(text: string): void;
  focus(): void;
  /** Put the cursor on the query's first problem and offer its quick fixes. */
  showFirstProblem(): void;
}

interface Props {
  tabId: string;
  value: string;
  context: DmqlContext | undefined;
  /** `odata`: a Web API tab's $filter, checked against `odata` (the entity set's schema). */
  language?: 'dmql' | 'odata';
  odata?: ODataContext;
  /** Shown while the query is empty: an example that works on the tab's class. */
  placeholder: string;
  onChange(value: string): void;
  onRun(): void;
  onCancel(): void;
  onSave(): void;
  /** The editor's current diagnostics, for the line under it. */
  onMarkers(markers: { message: string; severity: 'error' | 'warning' | 'info'; column: number }[]): void;
  apiRef: { current: EditorApi | null };
  /** Markers from outside the language (a translation's notes on this query), by offset. */
  notes?: readonly Diagnostic[];
}

export function QueryEditor({ tabId, value, context, language = 'dmql', odata, placeholder, onChange, onRun, onCancel, onSave, onMarkers, apiRef, notes }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const handlers = useLatest({ onChange, onRun, onCancel, onSave, onMarkers });

  useEffect(() => {
    registerDmqlLanguage();
    if (language === 'odata') registerODataLanguage();
    // The problems widget (F8) titles itself with the model's file name: make it a word, not the tab id.
    const uri = monaco.Uri.from({ scheme: 'inmemory', authority: 'query', path: `/${tabId}/${language === 'odata' ? '$filter' : 'DMQL2 query'}` });
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, language === 'odata' ? ODATA_FILTER : DMQL, uri);
    const editor = monaco.editor.create(hostRef.current!, {
      model, theme: currentTheme(), editContext: false,
      minimap: { enabled: false }, lineNumbers: 'off', glyphMargin: false, folding: false, lineDecorationsWidth: 8,
      fontSize: 13, fontFamily: "ui-monospace, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace",
      wordWrap: 'on', scrollBeyondLastLine: false, automaticLayout: true, renderLineHighlight: 'none',
      fixedOverflowWidgets: true, quickSuggestions: { other: true, strings: true, comments: false },
      suggestOnTriggerCharacters: true, placeholder, lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.OnCode },
      overviewRulerLanes: 0, hideCursorInOverviewRuler: true, scrollbar: { verticalScrollbarSize: 8 },
    });
    editorRef.current = editor;
    const offTheme = followAppTheme();
    const overtype = attachOvertype(editor);
    const sub = model.onDidChangeContent(() => handlers.current.onChange(model.getValue()));
    const markerSub = monaco.editor.onDidChangeMarkers((uris) => {
      if (!uris.some((u) => u.toString() === uri.toString())) return;
      handlers.current.onMarkers(monaco.editor.getModelMarkers({ resource: uri }).map((m) => ({
        message: m.message, column: m.startColumn,
        severity: m.severity === monaco.MarkerSeverity.Error ? 'error' : m.severity === monaco.MarkerSeverity.Warning ? 'warning' : 'info',
      })));
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => handlers.current.onRun());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => handlers.current.onSave());
    // Monaco takes Ctrl/Cmd+K as the start of a chord: hand it to the app's shortcut (filter the metadata).
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyK, () => {
      hostRef.current?.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true }));
    });
    // In a browser tab the palettes use Alt+P, Alt+R and Alt+Shift+P (shell/shortcuts.ts); Monaco
    // would toggle its find options with them: outside the find widget, they go to the app.
    const forward = (code: 'KeyP' | 'KeyR', shiftKey: boolean) => () => {
      hostRef.current?.dispatchEvent(new KeyboardEvent('keydown', { key: code.slice(3).toLowerCase(), code, altKey: true, shiftKey, bubbles: true }));
    };
    editor.addCommand(monaco.KeyMod.Alt | monaco.KeyCode.KeyP, forward('KeyP', false), '!findWidgetVisible');
    editor.addCommand(monaco.KeyMod.Alt | monaco.KeyCode.KeyR, forward('KeyR', false), '!findWidgetVisible');
    editor.addCommand(monaco.KeyMod.Alt | monaco.KeyMod.Shift | monaco.KeyCode.KeyP, forward('KeyP', true), '!findWidgetVisible');
    editor.addCommand(monaco.KeyCode.Escape, () => handlers.current.onCancel(), '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !markersNavigationVisible');
    apiRef.current = {
      insert(text) {
        const sel = editor.getSelection() ?? new monaco.Selection(1, 1, 1, 1);
        editor.executeEdits('insert-field', [{ range: sel, text, forceMoveMarkers: true }]);
        editor.focus();
      },
      focus() { editor.focus(); },
      showFirstProblem() {
        const first = monaco.editor.getModelMarkers({ resource: uri }).sort((a, b) => a.startLineNumber - b.startLineNumber || a.startColumn - b.startColumn)[0];
        editor.focus();
        if (!first) return;
        editor.setSelection(new monaco.Selection(first.startLineNumber, first.startColumn, first.startLineNumber, first.startColumn));
        void editor.getAction('editor.action.marker.next')?.run();
      },
    };
    return () => {
      sub.dispose(); markerSub.dispose(); offTheme(); overtype.dispose(); handlers.current.onMarkers([]); editor.dispose(); apiRef.current = null; editorRef.current = null;
      model.dispose();
    };
  }, [tabId, language]); // one editor per tab (and language); the value flows in below

  useEffect(() => {
    const m = editorRef.current?.getModel();
    if (m && m.getValue() !== value) m.setValue(value);
  }, [value]);

  useEffect(() => {
    const m = editorRef.current?.getModel();
    if (!m) return;
    if (language === 'odata') setODataContext(m, odata);
    else setModelContext(m, context);
  }, [context, odata, language, tabId]);

  useEffect(() => { editorRef.current?.updateOptions({ placeholder }); }, [placeholder, tabId]);

  useEffect(() => {
    const m = editorRef.current?.getModel();
    if (!m) return;
    monaco.editor.setModelMarkers(m, 'translate', (notes ?? []).map((d) => {
      const a = m.getPositionAt(d.range.start);
      const b = m.getPositionAt(Math.max(d.range.end, d.range.start + 1));
      const severity = d.severity === 'error' ? monaco.MarkerSeverity.Error : d.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;
      return { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column, severity, message: d.message, code: d.code, source: 'translation' };
    }));
  }, [notes, tabId, language]);

  return <div className="editor-host" ref={hostRef} data-testid="query-editor" />;
}
