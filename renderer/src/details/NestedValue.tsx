// A nested Web API value in the row details, readable: a collection of plain values as a list, an
// object as name/value pairs, a collection of objects (expanded Media) as numbered, folded items
// (the first open). The JSON is parsed under the nesting cap; deeper than SHOWN_DEPTH levels, or
// text that does not parse, is shown as the text itself.
import { parseJsonCapped } from '../../../shared/odata/jsonCapped';

/** Levels drawn as structure; the cap keeps the drawing's depth fixed whatever the server sent. */
const SHOWN_DEPTH = 4;
/** Elements drawn per collection (the rest counted). */
const SHOWN_ITEMS = 200;

function plain(v: unknown): string {
  if (v === null || v === undefined) return '–';
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function Value({ v, depth }: { v: unknown; depth: number }) {
  if (depth >= SHOWN_DEPTH || (!Array.isArray(v) && !isObject(v))) return <span className="rw-nested-text">{plain(v)}</span>;
  if (isObject(v)) {
    return (
      <dl className="kv rw-nested-kv">
        {Object.entries(v).map(([k, x]) => [<dt key={`k${k}`} className="mono">{k}</dt>, <dd key={`v${k}`}><Value v={x} depth={depth + 1} /></dd>])}
      </dl>
    );
  }
  if (v.length === 0) return <span className="muted">none</span>;
  const shown = v.slice(0, SHOWN_ITEMS);
  const more = v.length - shown.length;
  if (shown.every((x) => !Array.isArray(x) && !isObject(x))) {
    return <ul className="rw-nested-list">{shown.map((x, i) => <li key={i}>{plain(x)}</li>)}{more > 0 && <li className="muted">… {more} more</li>}</ul>;
  }
  return (
    <div className="rw-nested-items">
      {shown.map((x, i) => (
        <details key={i} open={i === 0} className="rw-nested-item" data-testid="nested-item">
          <summary><span className="num">{i + 1}</span> {summaryOf(x)}</summary>
          <Value v={x} depth={depth + 1} />
        </details>
      ))}
      {more > 0 && <div className="muted small">… {more} more</div>}
    </div>
  );
}

/** A line naming an item: a Media item by its description or URL, another by its first value. */
function summaryOf(x: unknown): string {
  if (!isObject(x)) return plain(x);
  const name = x.ShortDescription ?? x.LongDescription ?? x.MediaURL ?? Object.values(x).find((y) => typeof y === 'string');
  return typeof name === 'string' ? name : '';
}

export function NestedValue({ text }: { text: string }) {
  let v: unknown;
  try { v = parseJsonCapped(text, 16); } catch { return <span>{text}</span>; }
  const n = Array.isArray(v) ? v.length : undefined;
  return (
    <div className="rw-nested" data-testid="nested-value">
      {n !== undefined && n > 0 && <div className="muted small">{n === 1 ? '1 item' : `${n} items`}</div>}
      <Value v={v} depth={0} />
    </div>
  );
}
