// The metadata explorer: one filter box over the whole tree (fields' names and lookup values),
// a virtual list of the flattened tree, click to inspect, double-click to insert into the query.
import { useDeferredValue, useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RetsMetadata } from '../../../shared/rets/metadata/model';
import { buildIndex, flatten, type TreeNode } from './treeModel';
import { createTreeFilter, normalizeFilter } from './treeFilter';
import { highlights, TreeRow } from './TreeRow';

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

export function MetadataExplorer({ metadata, filterRef, selectedId, onSelect, onInsertField, onOpenClass }: Props) {
  const index = useMemo(() => buildIndex(metadata), [metadata]);
  const filterTree = useMemo(() => createTreeFilter(index), [index]);
  const [filter, setFilter] = useState('');
  // The input updates at once; the list follows in a render React may interrupt for the next key.
  const q = useDeferredValue(filter);
  const nq = normalizeFilter(q);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(index.resources.slice(0, 1).map((r) => r.id)));
  const rows = useMemo(() => (nq ? filterTree(nq) : flatten(index, expanded)), [index, filterTree, expanded, nq]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virt = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 24, overscan: 12 });

  const toggle = (id: string) => setExpanded((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const rowAt = (e: MouseEvent): TreeNode | undefined => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-i]');
    return el ? rows[Number(el.dataset.i)] : undefined;
  };

  function activate(n: TreeNode) {
    switch (n.kind) {
      case 'field': onSelect({ kind: 'field', resource: n.resource, cls: n.cls, systemName: n.field.systemName }, n.id); break;
      case 'lookup': onSelect({ kind: 'lookup', resource: n.resource, lookup: n.lookup.name }, n.id); if (!nq) toggle(n.id); break;
      case 'value': onSelect({ kind: 'lookup', resource: n.resource, lookup: n.lookup }, n.id); break;
      case 'object': onSelect({ kind: 'object', resource: n.resource, objectType: n.object.objectType }, n.id); break;
      default: if (!nq) toggle(n.id);
    }
  }

  function open(n: TreeNode) {
    if (n.kind === 'field') onInsertField(n.resource, n.cls, n.field.systemName);
    if (n.kind === 'class') onOpenClass(n.resource, n.cls);
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
      <div
        className="tree" ref={scrollRef} role="tree" data-testid="metadata-tree" data-filter={q}
        onClick={(e) => { const n = rowAt(e); if (n) activate(n); }}
        onDoubleClick={(e) => { const n = rowAt(e); if (n) open(n); }}
      >
        {rows.length === 0 && <div className="teach">Nothing matches “{q}”. The filter looks at SystemName, StandardName, LongName and lookup values.</div>}
        <div style={{ height: virt.getTotalSize(), position: 'relative' }}>
          {virt.getVirtualItems().map((vi) => {
            const n = rows[vi.index];
            return (
              <TreeRow
                key={n.id} node={n} index={vi.index} top={vi.start}
                open={nq ? true : expanded.has(n.id)} selected={selectedId === n.id} q={highlights(n) ? nq : ''}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
