/** Where the frontend says the panel is, the view that place shows, and moving between views. */
import { navigate } from 'custom-card-helpers';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The panel's place: `/llm-ops` + `/incident/<id>`. */
export interface PanelRoute {
  prefix: string;
  path: string;
}

/** The panel's registration as HA passes it. */
export interface PanelInfo {
  url_path?: string;
  title?: string | null;
  config?: Record<string, unknown> | null;
}

export type PanelView = { name: 'list' } | { name: 'detail'; id: string };

/** Parse the route's path into a view. */
export function viewOf(route: PanelRoute | undefined): PanelView {
  const m = /^\/incident\/([^/?#]+)/.exec(route?.path ?? '');
  if (m?.[1]) {
    try {
      return { name: 'detail', id: decodeURIComponent(m[1]) };
    } catch {
      // a malformed id falls back to the list
    }
  }
  return { name: 'list' };
}

/** What the router needs of the panel that hosts it. */
export interface RoutedPanel extends ReactiveControllerHost, HTMLElement {
  readonly route: PanelRoute | undefined;
  readonly panel: PanelInfo | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The panel's moves between its views: the base path HA mounted it at, navigation inside it
 * (plain clicks stay in the panel; a modified click opens the link as the browser would), and
 * the list's scroll position, kept while an incident is open.
 */
export class PanelRouter implements ReactiveController {
  private listScroll = 0;
  private shown: PanelView['name'] | undefined;

  constructor(private readonly host: RoutedPanel) {
    host.addController(this);
  }

  /** The view the route asks for. */
  get view(): PanelView {
    return viewOf(this.host.route);
  }

  get basePath(): string {
    return this.host.route?.prefix ?? `/${this.host.panel?.url_path ?? 'llm-ops'}`;
  }

  go(path: string): void {
    const content = this.content();
    if (this.view.name === 'list' && content) this.listScroll = content.scrollTop;
    navigate(this.host, `${this.basePath}${path}`);
  }

  /** For `<a data-path=…>`: a plain left click navigates inside the panel. */
  readonly onLinkClick = (ev: MouseEvent): void => {
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    const path = (ev.currentTarget as HTMLElement).dataset.path;
    if (path === undefined) return;
    ev.preventDefault();
    this.go(path);
  };

  hostUpdated(): void {
    const now = this.view.name;
    const content = this.content();
    if (content && this.shown !== undefined && this.shown !== now) {
      // Back on the list, return to where the user was; a new incident starts at the top.
      content.scrollTop = now === 'list' ? this.listScroll : 0;
    }
    if (content) this.shown = now;
  }

  private content(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.content');
  }
}
