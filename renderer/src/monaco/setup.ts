// Monaco, bundled locally with only the editor features the query editor uses (no language
// workers, no grammars): about 3 MiB instead of 12. The editor worker comes from our own bundle.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/features/suggest/register.js';
// features/suggest registers only inline completions in 0.57: the suggest widget itself is here.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/features/snippet/register.js';
import 'monaco-editor/features/hover/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/clipboard/register.js';
import 'monaco-editor/features/comment/register.js';
import 'monaco-editor/features/cursorUndo/register.js';
import 'monaco-editor/features/gotoError/register.js';
import 'monaco-editor/features/codeAction/register.js';
import 'monaco-editor/features/linesOperations/register.js';
import 'monaco-editor/features/multicursor/register.js';
import 'monaco-editor/features/wordHighlighter/register.js';
import 'monaco-editor/features/wordOperations/register.js';
import 'monaco-editor/features/placeholderText/register.js';
import 'monaco-editor/features/contextmenu/register.js';
import 'monaco-editor/features/codicon/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';

declare global {
  interface Window { MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker } }
}

window.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
