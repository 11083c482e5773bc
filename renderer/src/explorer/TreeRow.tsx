// One row of the explorer's virtual list. Memoized: tree nodes keep their identity across
// filters (see treeModel.ts), so a keystroke re-renders only the slots whose node, position or
// highlight changes. Clicks are handled once on the list (MetadataExplorer), not per row.
import { memo } from 'react';
import type { MetadataField } from '../../../shared/rets/metadata/model';
import { splitMatches, type TreeNode } from './treeModel';
import { ariaLevel, isBranch } from './treeNav';
import { fieldGlyph, treeLabel } from './treeLabel';

interface Props {
  node: TreeNode;
  /** Row position in the list, for the click handler on the list. */
  index: number;
  top: number;
  open: boolean;
  selected: boolean;
  /** The keyboard's row (the tree's aria-activedescendant). */
  active: boolean;
  /** The tree's id prefix: a row's id is the prefix and its position. */
  idPrefix: string;
  /** Place among its siblings and their number (the list is virtual: see treeNav.ts); given
   *  while the tree has focus. */
  pos?: number;
  size?: number;
  /** The normalized filter; '' for rows that highlight nothing, so they ignore keystrokes. */
  q: string;
}

/** Width of the twisty and its margin (styles.css): leaves get padding instead of an empty one. */
const TWISTY = 18;

export const highlights = (n: TreeNode): boolean => n.kind === 'field' || n.kind === 'lookup' || n.kind === 'value' || n.kind === 'nav';

/** A Web API field's type as declared, with its length or digits: "Edm.String(25)", "Edm.Decimal(14,2)". */
export function edmLabel(f: MetadataField): string {
  const o = f.odata!;
  const t = o.enumType ? o.type.replace(o.enumType, o.enumType.slice(o.enumType.lastIndexOf('.') + 1)) : o.type;
  const facets = o.maxLength !== undefined ? String(o.maxLength) : o.precision !== undefined ? `${o.precision}${o.scale !== undefined ? `,${o.scale}` : ''}` : '';
  return facets ? `${t}(${facets})` : t;
}

export const TreeRow = memo(function TreeRow({ node: n, index, top, open, selected, active, idPrefix, pos, size, q }: Props) {
  const leaf = !isBranch(n);
  return (
    <div
      role="treeitem" id={`${idPrefix}-${index}`} aria-label={treeLabel(n)} aria-level={ariaLevel(n)} aria-expanded={leaf ? undefined : open} aria-selected={selected}
      aria-posinset={pos} aria-setsize={size}
      data-node={n.id} data-kind={n.kind} data-i={index}
      className={`tree-row${n.kind === 'field' && n.field.odata ? ' rw-odata' : ''}${selected ? ' selected' : ''}${active ? ' active' : ''}`}
      style={{ top, paddingLeft: 6 + n.depth * 12 + (leaf ? TWISTY : 0) }}
      title={n.kind === 'field' ? 'Click: details · Double-click: insert into the query' : n.kind === 'class' ? 'Double-click: query this class' : n.kind === 'resource' && n.countOf === 'field' ? 'Double-click: query this entity set' : undefined}
    >
      {n.kind === 'lookup' && n.state.kind !== 'loaded'
        ? <span className="badge" data-testid="lookup-lazy" title="Its values are read from the server's Lookup resource when you open it">{n.state.kind === 'loading' ? 'reading…' : '…'}</span>
        : 'count' in n && <span className="badge num">{n.count}</span>}
      {n.kind === 'field' && n.field.odata && (
        <span className="rw-edm">
          {n.field.odata.key && <span className="key" title="The entity set's key: records are addressed by it" data-testid="field-key-mark">key</span>}
          {/* "Edm." said once in the title: the row's room goes to the names. */}
          <span className="mono" data-testid="edm-type" title={edmLabel(n.field)}>{edmLabel(n.field).replace(/(^|\()Edm\./g, '$1')}</span>
        </span>
      )}
      {!leaf && <span className="twisty">{open ? '▾' : '▸'}</span>}
      <NodeLabel n={n} q={q} />
    </div>
  );
});

export function Hl({ text, q }: { text: string; q: string }) {
  if (!q) return text;
  return <>{splitMatches(text, q).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

function NodeLabel({ n, q }: { n: TreeNode; q: string }) {
  switch (n.kind) {
    case 'resource': return <><span className="kind">R</span><b className="label">{n.label}</b><span className="sub">{n.sub}</span></>;
    case 'group': return <><span className="label muted">{n.label}</span></>;
    case 'class': return <><span className="kind">C</span><span className="label mono">{n.label}</span><span className="sub">{n.sub}</span></>;
    case 'field': return (
      <>
        <span className="kind" title={n.field.dataType}>{fieldGlyph(n.field.dataType, n.field.interpretation)}</span>
        <span className="label mono"><Hl text={n.field.systemName} q={q} /></span>
        <span className="sub"><Hl text={n.field.longName || n.field.standardName} q={q} /></span>
        {n.field.standardName && n.field.standardName !== n.field.longName && q && n.field.standardName.toLowerCase().includes(q) && <span className="sub">· <Hl text={n.field.standardName} q={q} /></span>}
      </>
    );
    case 'lookup': return <><span className="kind">L</span><span className="label mono"><Hl text={n.lookup.name} q={q} /></span>{n.lookup.visibleName !== n.lookup.name && <span className="sub">{n.lookup.visibleName}</span>}</>;
    case 'value': return <><span className="kind">=</span><span className="label mono"><Hl text={n.value.value} q={q} /></span><span className="sub"><Hl text={n.value.longValue || n.value.shortValue} q={q} /></span></>;
    case 'object': return <><span className="kind">O</span><span className="label mono">{n.object.objectType}</span><span className="sub">{n.object.mimeType}</span></>;
    case 'nav': return <><span className="kind">→</span><span className="label mono"><Hl text={n.nav.name} q={q} /></span><span className="sub">{n.nav.collection ? `Collection(${n.nav.type})` : n.nav.type}</span></>;
    case 'note': return <span className={`sub${n.text.startsWith('Could not') ? ' danger' : ''}`} data-testid="lookup-note">{n.text}</span>;
  }
}
