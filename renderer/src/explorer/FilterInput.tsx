// The explorer's filter box. It keeps its own text so a keystroke re-renders only the input at
// once; the tree gets the new filter in a transition, which React may interrupt for the next key.
import { startTransition, useState, type RefObject } from 'react';

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  onFilter(filter: string): void;
}

export function FilterInput({ inputRef, onFilter }: Props) {
  const [text, setText] = useState('');
  const change = (v: string) => { setText(v); startTransition(() => onFilter(v)); };
  return (
    <div className="filter">
      <input
        ref={inputRef} className="input" placeholder="Filter names and values (Ctrl+K)" value={text}
        aria-label="Filter metadata" data-testid="metadata-filter"
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Escape') change(''); }}
      />
    </div>
  );
}
