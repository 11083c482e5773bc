// The UI benchmark page (bench.html): mounts the real grid or explorer with synthetic data and
// exposes `window.__bench` for test/bench/ui.bench.ts to drive and time; also the real query
// editor alone (DMQL2, or $filter on a schema the caller passes) for the editor e2e specs.
import { createRoot } from 'react-dom/client';
import { createRef } from 'react';
import '../styles.css';
import { ResultsGrid } from '../grid/ResultsGrid';
import { rowStoreOf } from '../grid/rowStore';
import { MetadataExplorer } from '../explorer/MetadataExplorer';
import { syntheticMetadata, syntheticRows } from './synthetic';
import { QueryEditor } from '../monaco/QueryEditor';
import { startTheme } from '../shell/theme';
import { buildFilterModel, filterSchema, type FilterModelInput } from '../../../shared/odata/filter';

const root = createRoot(document.getElementById('root')!);

function mountGrid(n: number): number {
  const synthetic = syntheticRows(n, 24);
  const { columns } = synthetic;
  const rows = rowStoreOf(synthetic.rows, columns.length);
  const t0 = performance.now();
  root.render(
    <div className="results" style={{ height: '100vh', width: '100%' }}>
      <ResultsGrid columns={columns} rows={rows} version={1} decoders={new Map()} decoded titles={new Map()} onSelect={() => undefined} onOpenRow={() => undefined}
        onCopied={() => undefined} findOpen={false} onCloseFind={() => undefined} showColumns={false} onCloseColumns={() => undefined} />
    </div>,
  );
  return t0;
}

function mountExplorer(fields: number): void {
  const md = syntheticMetadata(fields);
  root.render(
    <div className="left" style={{ height: '100vh', width: 320 }}>
      <MetadataExplorer metadata={md} filterRef={createRef()} onSelect={() => undefined} onInsertField={() => undefined} onOpenClass={() => undefined} />
    </div>,
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

(window as unknown as { __bench: unknown }).__bench = { mountGrid, mountExplorer, mountEditor };
