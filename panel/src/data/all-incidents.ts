/** The panel's list loads every incident of a status, page by page (the back end pages by 500). */
import type { IncidentPage, IncidentQuery, IncidentSource } from '../shared/data/types.js';

/**
 * Incidents loaded at most: the list renders only the rows on screen, so this bounds memory
 * and the time to load, not rendering (`npm run bench -- panel_10k`). Past it, the list says
 * how many there are in all.
 */
export const MAX_INCIDENTS = 10_000;
const PAGE = 500;

/** Every incident matching the query, up to MAX_INCIDENTS; `total` counts all of them. */
export async function fetchAll(
  source: IncidentSource,
  query: IncidentQuery,
): Promise<IncidentPage> {
  const first = await source.incidents({ ...query, limit: PAGE, offset: 0 });
  const items = [...first.items];
  while (items.length < Math.min(first.total, MAX_INCIDENTS)) {
    const page = await source.incidents({ ...query, limit: PAGE, offset: items.length });
    if (page.items.length === 0) break;
    items.push(...page.items);
  }
  return { ...first, items };
}
