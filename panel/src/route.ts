/** Where the frontend says the panel is, and the view that place shows. */

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
