// The UI benchmark page (bench.html): mounts the real grid or explorer with synthetic data and
// exposes `window.__bench` for test/bench/ui.bench.ts to drive and time.
import { createRoot } from 'react-dom/client';
import { createRef } from 'react';
import '../styles.css';
import { ResultsGrid } from '../grid/ResultsGrid';
import { MetadataExplorer } from '../explorer/MetadataExplorer';
import { syntheticMetadata, syntheticRows } from './synthetic';

const root = createRoot(document.getElementById('root')!);

function mountGrid(n: number): number {
  const { columns, rows } = syntheticRows(n, 24);
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

(window as unknown as { __bench: unknown }).__bench = { mountGrid, mountExplorer };
