// The UI benchmark page (bench.html): mounts the real grid or explorer with synthetic data and
// exposes `window.__bench` for test/bench/ui.bench.ts to drive and time; also the real query
// editor alone (DMQL2, or $filter on a schema the caller passes) for the editor e2e specs, and
// (served by browser mode, with its token) a real search streamed into the grid.
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRef, useSyncExternalStore } from 'react';
import { SearchRun, type RunRequest } from '../host/searchRun';
import { host } from '../host/client';
import '../styles.css';
import { ResultsGrid } from '../grid/ResultsGrid';
import { rowStoreOf } from '../grid/rowStore';
import { MetadataExplorer } from '../explorer/MetadataExplorer';
import { syntheticMetadata, syntheticRows } from './synthetic';
import { QueryEditor } from '../monaco/QueryEditor';
import { startTheme } from '../shell/theme';
import { buildFilterModel, filterSchema, type FilterModelInput } from '../../../shared/odata/filter';

const root = createRoot(document.getElementById('root')!);

function mountGrid(n: number, width = 24, canvas = true): number {
  const synthetic = syntheticRows(n, width);
  const { columns } = synthetic;
  const rows = rowStoreOf(synthetic.rows, columns.length);
  const t0 = performance.now();
  root.render(
    <div className="results" style={{ height: '100vh', width: '100%' }}>
      <ResultsGrid columns={columns} rows={rows} version={1} decoders={new Map()} decoded titles={new Map()} onSelect={() => undefined} onOpenRow={() => undefined}
        onCopied={() => undefined} findOpen={false} onCloseFind={() => undefined} showColumns={false} onCloseColumns={() => undefined} canvas={canvas} />
    </div>,
  );
  return t0;
}

function SearchGrid({ run }: { run: SearchRun }) {
  const s = useSyncExternalStore(run.subscribe, run.getSnapshot);
  return (
    <div className="results" style={{ height: '100vh', width: '100%' }}>
      {s.columns.length > 0 && <ResultsGrid columns={s.columns} rows={s.rows} version={s.version} decoders={new Map()} decoded titles={new Map()} onSelect={() => undefined}
        onOpenRow={() => undefined} onCopied={() => undefined} findOpen={false} onCloseFind={() => undefined} showColumns={false} onCloseColumns={() => undefined} />}
    </div>
  );
}

/** Runs a search through the host into the grid; resolves when it ends. The run stays mounted
 *  (the benchmark reads the heap with its rows loaded) until the next call. */
async function runSearch(req: RunRequest): Promise<{ status: string; rows: number; firstRowsMs?: number; elapsedMs: number; storeBytes: number; error?: string }> {
  const run = new SearchRun(host);
  root.render(<SearchGrid run={run} />);
  await run.start(req);
  await new Promise<void>((resolve) => {
    const check = () => { if (run.state.status !== 'running') { off(); resolve(); } };
    const off = run.subscribe(check);
    check();
  });
  const s = run.state;
  return { status: s.status, rows: s.rows.length, firstRowsMs: s.firstRowsMs, elapsedMs: s.elapsedMs, storeBytes: s.rows.bytes, ...(s.error ? { error: s.error.message } : {}) };
}

function mountExplorer(fields: number): void {
  const md = syntheticMetadata(fields);
  root.render(
    // The app's left pane (App.tsx's rw-left: a flex column), so the tree's height is the pane's
    // and its list stays virtual: under a plain block the tree grows to all its rows.
    <aside className="rw-left" style={{ height: '100vh', width: 320 }}>
      {/* The explorer reads lazy lookups through react-query (none here: RETS metadata). */}
      <QueryClientProvider client={new QueryClient()}>
        <MetadataExplorer metadata={md} filterRef={createRef()} onSelect={() => undefined} onInsertField={() => undefined} onOpenClass={() => undefined} />
      </QueryClientProvider>
    </aside>,
  );
}

/** The query editor on its own: `odata` with a $filter schema (a FilterModelInput and entity set), else DMQL2 without metadata. */
let themed = false;
function mountEditor(value: string, odata?: { input: FilterModelInput; entitySet: string }): void {
  if (!themed) { startTheme(); themed = true; }
  const schema = odata ? filterSchema(buildFilterModel(odata.input), odata.entitySet) : undefined;
  root.render(
    <div style={{ position: 'relative', height: 160, width: 900, margin: 8 }}>
      <QueryEditor tabId="bench" value={value} context={undefined} language={odata ? 'odata' : 'dmql'} odata={schema ? { schema } : undefined}
        placeholder="" onChange={() => undefined} onRun={() => undefined} onCancel={() => undefined} onSave={() => undefined} onMarkers={() => undefined} apiRef={{ current: null }} />
    </div>,
  );
}

(window as unknown as { __bench: unknown }).__bench = { mountGrid, mountExplorer, mountEditor, runSearch };
