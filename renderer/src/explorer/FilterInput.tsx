// The explorer's filter box. The tree follows each keystroke in the same render, not in a
// transition: with 20,000 fields a keystroke costs ~10 ms of main thread, ~4 ms of it script
// (`npm run bench -- ui --only explorer`), and a transition (input first, tree after) measured no
// less main-thread time and no earlier result.
import { useState, type RefObject } from 'react';

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  onFilter(filter: string): void;
  /** ArrowDown: the tree takes the keyboard. */
  onArrowDown?(): void;
}

export function FilterInput({ inputRef, onFilter, onArrowDown }: Props) {
  const [text, setText] = useState('');
  const change = (v: string) => { setText(v); onFilter(v); };
  return (
    <div className="filter">
      <input
        ref={inputRef} className="input" placeholder="Filter names and values (Ctrl+K)" value={text}
        aria-label="Filter metadata" data-testid="metadata-filter"
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') change('');
          else if (e.key === 'ArrowDown' && onArrowDown) { e.preventDefault(); onArrowDown(); }
        }}
      />
    </div>
  );
}
