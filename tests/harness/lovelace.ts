/** A Lovelace dashboard of a test's own, in storage mode, as HA's UI creates and saves one. */
import type { HaSocket } from './ha-ws.js';

/** One view of a dashboard: its path, title and cards. */
export interface DashboardView {
  path: string;
  title?: string;
  cards: Record<string, unknown>[];
}

/** Create the dashboard at `urlPath` (out of the sidebar) and save `views` as its config. */
export async function saveDashboard(
  socket: HaSocket,
  urlPath: string,
  title: string,
  views: DashboardView[],
): Promise<void> {
  await socket.command({
    type: 'lovelace/dashboards/create',
    url_path: urlPath,
    title,
    mode: 'storage',
    require_admin: false,
    show_in_sidebar: false,
  });
  await socket.command({
    type: 'lovelace/config/save',
    url_path: urlPath,
    config: { title, views },
  });
}

/** Delete the dashboard at `urlPath`, if there is one. */
export async function removeDashboard(socket: HaSocket, urlPath: string): Promise<void> {
  const dashboards = await socket.command<{ id: string; url_path: string }[]>({
    type: 'lovelace/dashboards/list',
  });
  for (const d of dashboards.filter((d) => d.url_path === urlPath)) {
    await socket.command({ type: 'lovelace/dashboards/delete', dashboard_id: d.id });
  }
}
