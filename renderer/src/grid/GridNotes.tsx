// Notes above the grid about what it holds: a sort covers only the loaded rows; rows beyond the
// row cap are not kept (the export writes them all).

export function SortNote({ column, loaded }: { column: string; loaded: number }) {
  return (
    <div className="rw-sort-note" role="status" data-testid="sort-note">
      Sorted by {column}: only the {loaded.toLocaleString()} loaded rows are sorted, not the whole result on the server. Raise Limit (or NONE) to sort them all.
    </div>
  );
}

export function CapNote({ kept, more, onExport }: { kept: number; more: number; onExport?(): void }) {
  return (
    <div className="rw-sort-note" role="status" data-testid="cap-note">
      The grid keeps the first {kept.toLocaleString()} rows; {more.toLocaleString()} more matched.
      {onExport && <> <button className="btn ghost" onClick={onExport} data-testid="cap-export">Export CSV…</button> writes them all.</>}
    </div>
  );
}
