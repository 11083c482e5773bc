// The fast-scroll canvas as a ring of tiles, each a canvas holding TILE_ROWS rows at their place
// in the body. The compositor moves them with the content; a frame draws only the tiles that come
// into view (a brisk scroll of 9 rows a frame draws one or two), not the whole view. Any change
// besides the vertical position (data, columns, selection, theme, horizontal scroll) redraws all.
import { drawBody, type BodyFrame } from './canvasBody';
import type { GridTheme } from './gridTheme';

export const TILE_ROWS = 6;

/** What a tile's pixels depend on besides its rows: the same `look` and block means no redraw. */
export interface TileLook { token: object; left: number; width: number; scale: number; theme: GridTheme }

interface Tile { canvas: HTMLCanvasElement; block: number; look: TileLook | null }

/** Tiles needed to cover `viewRows` rows however they are cut. */
export function tileCount(viewRows: number): number {
  return Math.ceil(viewRows / TILE_ROWS) + 1;
}

/** Blocks (groups of TILE_ROWS rows) that rows [first, last] touch. */
export function blocksFor(first: number, last: number): number[] {
  if (last < first) return [];
  const out: number[] = [];
  for (let b = Math.floor(first / TILE_ROWS); b <= Math.floor(last / TILE_ROWS); b += 1) out.push(b);
  return out;
}

export class TileRing {
  private tiles: Tile[] = [];

  constructor(private host: HTMLElement) {}

  /** Shows rows [first, last] of `frame` (whose first/last it overrides per tile), drawing only
   *  the tiles whose block or look changed; tiles out of view are hidden. */
  show(first: number, last: number, viewRows: number, frame: BodyFrame, look: TileLook, count: number): void {
    this.ensure(tileCount(viewRows));
    const rh = frame.rowHeight, h = TILE_ROWS * rh;
    const wanted = new Set<Tile>();
    for (const b of blocksFor(first, last)) {
      const tile = this.tiles[b % this.tiles.length];
      wanted.add(tile);
      if (tile.block === b && tile.look === look) continue;
      fit(tile.canvas, look.width, h, look.scale);
      tile.canvas.style.transform = `translate(${look.left}px, ${b * h}px)`;
      const ctx = tile.canvas.getContext('2d', { alpha: false }); // opaque: the compositor can skip what it covers
      if (!ctx) continue;
      drawBody(ctx, { ...frame, first: b * TILE_ROWS, last: Math.min(count - 1, b * TILE_ROWS + TILE_ROWS - 1) }, look.theme, look.width, h, look.scale);
      tile.block = b;
      tile.look = look;
    }
    for (const t of this.tiles) {
      const display = wanted.has(t) ? '' : 'none';
      if (t.canvas.style.display !== display) t.canvas.style.display = display;
    }
  }

  private ensure(n: number): void {
    if (this.tiles.length >= n) return;
    while (this.tiles.length < n) {
      const canvas = document.createElement('canvas');
      canvas.className = 'grid-tile';
      this.host.appendChild(canvas);
      this.tiles.push({ canvas, block: -1, look: null });
    }
    // A taller view needs more tiles; block b's tile is b % length, so all move to new blocks.
    for (const t of this.tiles) t.block = -1;
  }
}

/** Sizes a tile's backing store to `w` x `h` CSS px at the device pixel ratio; a no-op when
 *  unchanged (setting a canvas's size clears it and reallocates its buffer). */
function fit(canvas: HTMLCanvasElement, w: number, h: number, scale: number): void {
  const bw = Math.round(w * scale), bh = Math.round(h * scale);
  if (canvas.width === bw && canvas.height === bh) return;
  canvas.width = bw;
  canvas.height = bh;
  canvas.style.width = `${w}px`;
  canvas.style.height = `${h}px`;
}
