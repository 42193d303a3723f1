/**
 * Which rows of a long list are on screen: the list renders only those (and a few around
 * them) over rows of one fixed height; padding above and below stands in for the others,
 * so the list is as tall as all its rows and scrolls as if every row were there.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows [first, end) are rendered. */
export interface RowRange {
  first: number;
  end: number;
}

/** Rows rendered beyond each edge of the screen (keyboard focus moves into them). */
export const OVERSCAN = 8;

/**
 * The rows near the screen, for `count` rows `height` px tall whose first row's top is
 * `top` px from the top of a viewport `viewport` px tall (negative once scrolled past).
 */
export function rowRange(
  count: number,
  height: number,
  top: number,
  viewport: number,
  overscan = OVERSCAN,
): RowRange {
  const first = Math.max(0, Math.min(count, Math.floor(-top / height) - overscan));
  const end = Math.max(first, Math.min(count, Math.ceil((viewport - top) / height) + overscan));
  return { first, end };
}

/** A range kept for `count` rows: clamped, and as many rows as before when it ran past the end. */
export function clampRange(range: RowRange, count: number): RowRange {
  if (range.end <= count) return range;
  const size = range.end - range.first;
  return { first: Math.max(0, count - size), end: count };
}

/** What the window needs from its list at each measure. */
export interface WindowedRows {
  /** The rows in the list. */
  count: number;
  /** Each row's height in px, including the gap to the next. */
  height: number;
  /** The element whose top is the first row's top (its top padding stands in for rows above). */
  body: HTMLElement | null;
}

/**
 * Follows scrolling (of the window and of every element around the host, across shadow
 * roots) and resizing, and re-renders the host when the rows on screen change.
 */
export class RowWindow implements ReactiveController {
  private current: RowRange | undefined;
  private targets: EventTarget[] = [];
  private frame = 0;
  /** Shown again after another view, or resized: other rows may be on screen. */
  private readonly resized =
    typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.onScroll());

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly rows: () => WindowedRows,
  ) {
    host.addController(this);
  }

  /** The rows to render out of `count`, `height` px each. */
  rangeFor(count: number, height: number): RowRange {
    // Before the first measure: the rows that fit on a screen (the list starts lower, so
    // these cover the screen; the measure in the next frame adds the few around them).
    this.current ??= rowRange(count, height, 0, window.innerHeight, 0);
    return clampRange(this.current, count);
  }

  /**
   * Render row `index` and a few around it at once (keyboard focus moved there: the next
   * Tab must find the next row even before the frame that follows the scrolling).
   */
  include(index: number, count: number): void {
    const now = clampRange(this.current ?? { first: 0, end: 0 }, count);
    const first = Math.max(0, Math.min(now.first, index - OVERSCAN));
    const end = Math.min(count, Math.max(now.end, index + OVERSCAN + 1));
    if (first === now.first && end === now.end) return;
    this.current = { first, end };
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.targets = [window];
    for (let node: Node | null = this.host; node;) {
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
      if (node instanceof Element) this.targets.push(node);
    }
    for (const t of this.targets) t.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
    this.resized?.observe(this.host);
  }

  hostDisconnected(): void {
    for (const t of this.targets) t.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('resize', this.onScroll);
    this.resized?.disconnect();
    this.targets = [];
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** After each render: measured in the next frame, with the layout the frame does anyway. */
  hostUpdated(): void {
    this.onScroll();
  }

  private onScroll = () => {
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.measure();
    });
  };

  /** Where the rows are now; re-render when other rows are on screen. */
  private measure(): void {
    const { count, height, body } = this.rows();
    if (!body?.isConnected) return;
    const box = body.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return; // hidden (another view is shown)
    const next = rowRange(count, height, box.top, window.innerHeight);
    const now = this.current && clampRange(this.current, count);
    if (now && now.first === next.first && now.end === next.end) return;
    this.current = next;
    this.host.requestUpdate();
  }
}
