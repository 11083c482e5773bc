// The native save and open dialogs behind files.chooseSave / files.chooseOpen: the host keeps the
// chosen path and the renderer gets only a handle for it.
import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import type { FilePurpose } from '../../shared/contract/files';
import type { FileDialogs } from '../host/host';

const FILTERS: Record<FilePurpose, FileFilter[]> = {
  'export-csv': [{ name: 'CSV', extensions: ['csv'] }, { name: 'JSON Lines', extensions: ['jsonl'] }],
  'snippets-export': [{ name: 'Snippets (JSON)', extensions: ['json'] }],
  'snippets-import': [{ name: 'Snippets (JSON)', extensions: ['json'] }],
  metadata: [{ name: 'Metadata', extensions: ['xml', 'txt', 'json', 'http'] }, { name: 'All files', extensions: ['*'] }],
  response: [{ name: 'HTTP response', extensions: ['http', 'txt'] }, { name: 'All files', extensions: ['*'] }],
  'mapping-import': [{ name: 'Mapping (JSON)', extensions: ['json'] }],
  'mapping-export': [{ name: 'Mapping (JSON)', extensions: ['json'] }],
  'data-dictionary': [{ name: 'RESO Data Dictionary (JSON report, EDMX or workbook)', extensions: ['json', 'xml', 'edmx', 'xlsx'] }, { name: 'All files', extensions: ['*'] }],
  'metadata-diff': [{ name: 'Markdown', extensions: ['md'] }, { name: 'CSV', extensions: ['csv'] }],
};

export function fileDialogs(window: () => BrowserWindow | undefined): FileDialogs {
  return {
    async chooseSave(purpose, defaultName) {
      const win = window();
      const opts = { defaultPath: defaultName, filters: FILTERS[purpose] };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async chooseOpen(purpose) {
      const win = window();
      const opts = { properties: ['openFile' as const], filters: FILTERS[purpose] };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
    },
  };
}
