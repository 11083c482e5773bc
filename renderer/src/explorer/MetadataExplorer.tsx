// The metadata explorer: one filter box over the whole tree (fields' names and lookup values),
// a virtual list of the flattened tree, click to inspect, double-click to insert into the query.
// A Web API's Lookup-resource lookups are read when first opened (lazyLookups.ts).
// The keyboard (treeNav.ts): the tree is one tab stop whose aria-activedescendant names the
// active row; rows are recycled by slot, so focus stays on the tree rather than on a row.
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { RetsMetadata } from '../../../shared/rets/metadata/model';
import { buildIndex, flatten, type TreeNode } from './treeModel';
import { createTreeFilter, normalizeFilter } from './treeFilter';
import { highlights, TreeRow } from './TreeRow';
import { FilterInput } from './FilterInput';
import { revealRow, useRowWindow } from './useRowWindow';
import { siblingPlaces, siblingPosition, treeKeyAction, typeAhead } from './treeNav';
import { withLazyLookups } from './lazyLookups';
import { useLazyLookups } from './useLazyLookups';

const ROW = 24; // px, as --row in styles.css
const SLOTS = 256; // more than the rows a window shows
const TYPE_AHEAD_MS = 700; // letters typed closer together than this make one name

export type Selection =
  | { kind: 'field'; resource: string; cls: string; systemName: string }
  | { kind: 'lookup'; resource: string; lookup: string }
  | { kind: 'object'; resource: string; objectType: string };

interface Props {
  metadata: RetsMetadata;
  /** The connection the metadata came from; absent for a file opened offline (lazy lookups cannot be read). */
  profileId?: string;
  filterRef: RefObject<HTMLInputElement | null>;
  selectedId?: string;
  onSelect(sel: Selection, nodeId: string): void;
  onInsertField(resource: string, cls: string, systemName: string): void;
  onOpenClass(resource: string, cls: string): void;
}

export function MetadataExplorer({ metadata: given, profileId, filterRef, selectedId, onSelect, onInsertField, onOpenClass }: Props) {
  // Lookup-resource lookups opened so far: their values are read once and merged into the tree.
  const [asked, setAsked] = useState<string[]>([]);
  const reads = useLazyLookups(profileId, asked);
  const readSig = asked.map((n) => { const r = reads.get(n); return `${n}:${r?.lookup ? 'ok' : r?.error ? 'error' : r?.loading ? 'loading' : ''}`; }).join('|');
  // readSig says when `reads` (a new Map each render) changed.
  const metadata = useMemo(() => withLazyLookups(given, reads, !!profileId), [given, profileId, readSig]);
  const ask = (n: TreeNode) => {
    if (n.kind === 'lookup' && n.state.kind === 'unloaded' && profileId) setAsked((a) => (a.includes(n.lookup.name) ? a : [...a, n.lookup.name]));
  };
  const index = useMemo(() => buildIndex(metadata), [metadata]);
  const filterTree = useMemo(() => createTreeFilter(index), [index]);
  const [q, setQ] = useState('');
  const nq = normalizeFilter(q);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(index.resources.slice(0, 1).map((r) => r.id)));
  const rows = useMemo(() => (nq ? filterTree(nq) : flatten(index, expanded)), [index, filterTree, expanded, nq]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const win = useRowWindow(scrollRef, rows.length, ROW, 2);
  // The active row (keyboard focus) by node id, so it survives filters and branches opening.
  const [activeId, setActiveId] = useState<string>();
  const active = useMemo(() => (activeId === undefined ? -1 : rows.findIndex((n) => n.id === activeId)), [rows, activeId]);
  const idPrefix = useId();
  // Rows' places among their siblings (aria-posinset/setsize) while the tree has focus, where
  // assistive technology reads them; not while typing in the filter box, where the pass over
  // ~15,000 rows would add ~1-2 ms to a keystroke.
  const [focused, setFocused] = useState(false);
  const places = useMemo(() => (focused ? siblingPlaces(rows) : undefined), [rows, focused]);

  const isOpen = (n: TreeNode) => (nq ? true : expanded.has(n.id));
  const setOpen = (id: string, open: boolean) => setExpanded((s) => {
    if (s.has(id) === open) return s;
    const n = new Set(s);
    if (open) n.add(id); else n.delete(id);
    return n;
  });
  const toggle = (id: string) => setOpen(id, !expanded.has(id));
  const rowAt = (e: MouseEvent): TreeNode | undefined => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-i]');
    return el ? rows[Number(el.dataset.i)] : undefined;
  };

  /** Makes row i the active one and scrolls it into view. */
  function focusRow(i: number) {
    setActiveId(rows[i].id);
    if (scrollRef.current) revealRow(scrollRef.current, i, ROW);
  }

  /** From the filter box (ArrowDown): into the tree, on its first row. */
  function enterTree() {
    if (rows.length === 0) return;
    focusRow(0);
    scrollRef.current?.focus();
  }

  // `*` opens branches above the active row too: keep that row in view once the rows change.
  const keepActiveInView = useRef(false);
  useLayoutEffect(() => {
    if (!keepActiveInView.current) return;
    keepActiveInView.current = false;
    if (active >= 0 && scrollRef.current) revealRow(scrollRef.current, active, ROW);
  }, [rows, active]);

  const typed = useRef({ text: '', at: 0 });
  /** A printable key: jump to the next row whose name starts with the letters typed so far. */
  function typeKey(ch: string) {
    const t = typed.current, now = performance.now();
    t.text = (now - t.at < TYPE_AHEAD_MS ? t.text : '') + ch;
    t.at = now;
    const i = typeAhead(rows, active, t.text);
    if (i >= 0) focusRow(i);
  }

  function onKey(e: KeyboardEvent) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key.length === 1 && e.key !== '*') {
      if (e.key === ' ' || e.key === '?') return; // '?' opens the shortcuts sheet
      e.preventDefault();
      typeKey(e.key);
      return;
    }
    typed.current.text = ''; // any other key ends the name being typed
    if (e.shiftKey && e.key !== '*') return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW) / ROW) - 1);
    const a = treeKeyAction(e.key, { rows, at: active, isOpen, filtering: !!nq, page });
    if (!a) return;
    e.preventDefault();
    switch (a.type) {
      case 'move': focusRow(a.to); break;
      case 'expand': ask(rows[a.at]); setOpen(rows[a.at].id, true); break;
      case 'collapse': setOpen(rows[a.at].id, false); break;
      case 'expandMany':
        keepActiveInView.current = true;
        setExpanded((x) => new Set([...x, ...a.at.map((i) => rows[i].id)]));
        break;
      case 'activate': activate(rows[a.at]); break;
      case 'leave': filterRef.current?.focus(); break;
    }
  }

  /** Focus with no active row (Tab, or the press of a click): the selected row if it is in view,
   *  else the first row in view. No scrolling: a click's row must stay under the pointer. */
  function onFocus() {
    const el = scrollRef.current;
    if (active >= 0 || rows.length === 0 || !el) return;
    const top = Math.min(rows.length - 1, Math.ceil(el.scrollTop / ROW));
    const bottom = Math.floor((el.scrollTop + el.clientHeight) / ROW) - 1;
    const sel = selectedId === undefined ? -1 : rows.findIndex((n) => n.id === selectedId);
    setActiveId(rows[sel >= top && sel <= bottom ? sel : top].id);
  }

  function activate(n: TreeNode) {
    switch (n.kind) {
      case 'field': onSelect({ kind: 'field', resource: n.resource, cls: n.cls, systemName: n.field.systemName }, n.id); break;
      case 'lookup': onSelect({ kind: 'lookup', resource: n.resource, lookup: n.lookup.name }, n.id); ask(n); if (!nq) toggle(n.id); break;
      case 'nav': case 'note': break;
      case 'value': onSelect({ kind: 'lookup', resource: n.resource, lookup: n.lookup }, n.id); break;
      case 'object': onSelect({ kind: 'object', resource: n.resource, objectType: n.object.objectType }, n.id); break;
      default: if (!nq) toggle(n.id);
    }
  }

  function open(n: TreeNode) {
    if (n.kind === 'field') onInsertField(n.resource, n.cls, n.field.systemName);
    if (n.kind === 'class') onOpenClass(n.resource, n.cls);
    // A Web API entity set is its own (only) class.
    if (n.kind === 'resource' && n.countOf === 'field') onOpenClass(n.resource, given.resources.find((r) => r.id === n.resource)?.classes[0]?.name ?? n.resource);
  }

  return (
    <div className="explorer">
      <FilterInput inputRef={filterRef} onFilter={setQ} onArrowDown={enterTree} />
      <div
        className="tree" ref={scrollRef} role="tree" aria-label="Metadata" tabIndex={0} data-testid="metadata-tree" data-filter={q}
        aria-activedescendant={active >= win.first && active < win.last ? `${idPrefix}-${active}` : undefined}
        onKeyDown={onKey} onFocus={(e) => { if (e.target === e.currentTarget) { setFocused(true); onFocus(); } }} onBlur={() => setFocused(false)}
        onClick={(e) => { const n = rowAt(e); if (n) { setActiveId(n.id); activate(n); } }}
        onDoubleClick={(e) => { const n = rowAt(e); if (n) open(n); }}
      >
        {rows.length === 0 && <div className="teach">Nothing matches “{q}”. The filter looks at {metadata.odata ? 'field names, annotations (StandardName, DisplayName, LookupName…), lookup values read so far and navigation properties' : 'SystemName, StandardName, LongName and lookup values'}.</div>}
        <div style={{ height: win.total, position: 'relative' }}>
          {/* Keyed by slot, not node: a filter that changes every visible row then updates ~40
              row elements in place instead of removing them and creating 40 others (measured
              ~15% less main-thread time a keystroke). Scrolling moves one slot per row. */}
          {rows.slice(win.first, win.last).map((n, k) => (
            <TreeRow
              key={(win.first + k) % Math.max(SLOTS, win.last - win.first)} node={n} index={win.first + k} top={(win.first + k) * ROW}
              open={isOpen(n)} selected={selectedId === n.id} q={highlights(n) ? nq : ''}
              active={active === win.first + k} idPrefix={idPrefix} {...(places && siblingPosition(places, win.first + k))}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
