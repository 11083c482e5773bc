// The metadata explorer: one filter box over the whole tree (fields' names and lookup values),
// a virtual list of the flattened tree, click to inspect, double-click to insert into the query.
import { useDeferredValue, useMemo, useRef, useState, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RetsMetadata } from '../../../shared/rets/metadata/model';
import { buildIndex, flatten, splitMatches, type TreeNode } from './treeModel';

export type Selection =
  | { kind: 'field'; resource: string; cls: string; systemName: string }
  | { kind: 'lookup'; resource: string; lookup: string }
  | { kind: 'object'; resource: string; objectType: string };

interface Props {
  metadata: RetsMetadata;
  filterRef: RefObject<HTMLInputElement | null>;
  selectedId?: string;
  onSelect(sel: Selection, nodeId: string): void;
  onInsertField(resource: string, cls: string, systemName: string): void;
  onOpenClass(resource: string, cls: string): void;
}

export function Hl({ text, q }: { text: string; q: string }) {
  return <>{splitMatches(text, q).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

export function MetadataExplorer({ metadata, filterRef, selectedId, onSelect, onInsertField, onOpenClass }: Props) {
  const index = useMemo(() => buildIndex(metadata), [metadata]);
  const [filter, setFilter] = useState('');
  const q = useDeferredValue(filter);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(index.resources.slice(0, 1).map((r) => r.id)));
  const rows = useMemo(() => flatten(index, expanded, q), [index, expanded, q]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virt = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 24, overscan: 12 });

  const toggle = (id: string) => setExpanded((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });

  function activate(n: TreeNode) {
    switch (n.kind) {
      case 'field': onSelect({ kind: 'field', resource: n.resource, cls: n.cls, systemName: n.field.systemName }, n.id); break;
      case 'lookup': onSelect({ kind: 'lookup', resource: n.resource, lookup: n.lookup.name }, n.id); if (!q) toggle(n.id); break;
      case 'value': onSelect({ kind: 'lookup', resource: n.resource, lookup: n.lookup }, n.id); break;
      case 'object': onSelect({ kind: 'object', resource: n.resource, objectType: n.object.objectType }, n.id); break;
      default: if (!q) toggle(n.id);
    }
  }

  return (
    <div className="explorer">
      <div className="filter">
        <input
          ref={filterRef} className="input" placeholder="Filter names and values (Ctrl+K)" value={filter}
          aria-label="Filter metadata" data-testid="metadata-filter"
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Escape') setFilter(''); }}
        />
      </div>
      <div className="tree" ref={scrollRef} role="tree" data-testid="metadata-tree" data-filter={q}>
        {rows.length === 0 && <div className="teach">Nothing matches “{q}”. The filter looks at SystemName, StandardName, LongName and lookup values.</div>}
        <div style={{ height: virt.getTotalSize(), position: 'relative' }}>
          {virt.getVirtualItems().map((vi) => {
            const n = rows[vi.index];
            const open = q ? true : expanded.has(n.id);
            const leaf = n.kind === 'field' || n.kind === 'value' || n.kind === 'object';
            return (
              <div
                key={n.id} role="treeitem" aria-level={n.depth + 1} data-node={n.id} data-kind={n.kind}
                className={`tree-row${selectedId === n.id ? ' selected' : ''}`}
                style={{ top: vi.start, paddingLeft: 6 + n.depth * 12 }}
                onClick={() => activate(n)}
                onDoubleClick={() => {
                  if (n.kind === 'field') onInsertField(n.resource, n.cls, n.field.systemName);
                  if (n.kind === 'class') onOpenClass(n.resource, n.cls);
                }}
                title={n.kind === 'field' ? 'Click: details · Double-click: insert into the query' : n.kind === 'class' ? 'Double-click: query this class' : undefined}
              >
                <span className="twisty">{leaf ? '' : open ? '▾' : '▸'}</span>
                <NodeLabel n={n} q={q} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function NodeLabel({ n, q }: { n: TreeNode; q: string }) {
  switch (n.kind) {
    case 'resource': return <><span className="kind">R</span><b className="label">{n.label}</b><span className="sub">{n.sub}</span><span className="badge num">{n.count}</span></>;
    case 'group': return <><span className="label muted">{n.label}</span><span className="badge num">{n.count}</span></>;
    case 'class': return <><span className="kind">C</span><span className="label mono">{n.label}</span><span className="sub">{n.sub}</span><span className="badge num">{n.count}</span></>;
    case 'field': return (
      <>
        <span className="kind" title={n.field.dataType}>{fieldGlyph(n.field.dataType, n.field.interpretation)}</span>
        <span className="label mono"><Hl text={n.field.systemName} q={q} /></span>
        <span className="sub"><Hl text={n.field.longName || n.field.standardName} q={q} /></span>
        {n.field.standardName && n.field.standardName !== n.field.longName && q && n.field.standardName.toLowerCase().includes(q.toLowerCase()) && <span className="sub">· <Hl text={n.field.standardName} q={q} /></span>}
      </>
    );
    case 'lookup': return <><span className="kind">L</span><span className="label mono"><Hl text={n.lookup.name} q={q} /></span><span className="sub">{n.lookup.visibleName}</span><span className="badge num">{n.count}</span></>;
    case 'value': return <><span className="kind">=</span><span className="label mono"><Hl text={n.value.value} q={q} /></span><span className="sub"><Hl text={n.value.longValue || n.value.shortValue} q={q} /></span></>;
    case 'object': return <><span className="kind">O</span><span className="label mono">{n.object.objectType}</span><span className="sub">{n.object.mimeType}</span></>;
  }
}

function fieldGlyph(type: string, interp: string): string {
  if (interp.startsWith('Lookup')) return 'L';
  if (/Date|Time/.test(type)) return 'D';
  if (/Int|Long|Small|Tiny|Decimal/.test(type)) return '#';
  if (type === 'Boolean') return 'B';
  return 'a';
}
