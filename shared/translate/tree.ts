// A small boolean tree both translators build and print: leaves are finished text, and the
// printer adds the parentheses each language's precedence needs (NOT > AND > OR in both).
export type Node =
  | { k: 'and' | 'or'; items: Node[] }
  | { k: 'not'; x: Node }
  | { k: 'leaf'; s: string };

export const leaf = (s: string): Node => ({ k: 'leaf', s });

/** and/or of the parts that exist; one part stands alone; none gives undefined. */
export function join(k: 'and' | 'or', parts: (Node | undefined)[]): Node | undefined {
  const items: Node[] = [];
  for (const p of parts) {
    if (!p) continue;
    if (p.k === k) items.push(...p.items); else items.push(p);
  }
  return items.length === 0 ? undefined : items.length === 1 ? items[0] : { k, items };
}

export function negate(x: Node | undefined): Node | undefined {
  return x ? { k: 'not', x } : undefined;
}

/** OData: `a and (b or c)`, `not (…)`. Leaves that are comparisons are wrapped under not. */
export function printOData(n: Node): string {
  switch (n.k) {
    case 'leaf': return n.s;
    case 'not': return `not (${printOData(n.x)})`;
    case 'or': return n.items.map(printOData).join(' or ');
    case 'and': return n.items.map((x) => (x.k === 'or' ? `(${printOData(x)})` : printOData(x))).join(' and ');
  }
}

/** DMQL2: `,` and, `|` or, `~` not; leaves are `(Field=value)`. */
export function printDmql(n: Node): string {
  switch (n.k) {
    case 'leaf': return n.s;
    case 'not': return `~${n.x.k === 'leaf' ? printDmql(n.x) : `(${printDmql(n.x)})`}`;
    case 'or': return n.items.map(printDmql).join('|');
    case 'and': return n.items.map((x) => (x.k === 'or' ? `(${printDmql(x)})` : printDmql(x))).join(',');
  }
}
