/** Filtering, searching and sorting the incident list: plain functions, fast for 500+ rows. */
// The shared types alone, not the shared entry: this module stays free of Lit.
import {
  ACTIVE_STATUSES,
  SEVERITY_RANK,
  type Incident,
  type IncidentEvent,
  type IncidentQuery,
  type IncidentStatus,
  type Severity,
} from '../shared/data/types.js';

export type SortKey = 'last_seen' | 'first_seen' | 'severity' | 'occurrences' | 'title' | 'status';
export type StatusFilter = 'active' | 'all' | IncidentStatus;

/** What the user chose in the list's filter bar. */
export interface ListFilter {
  status: StatusFilter;
  severity: Severity | 'all';
  integration: string | 'all';
  search: string;
  sort: SortKey;
  descending: boolean;
}

export const DEFAULT_FILTER: ListFilter = {
  status: 'active',
  severity: 'all',
  integration: 'all',
  search: '',
  sort: 'last_seen',
  descending: true,
};

/** The status part of the filter is applied by the back end: the query for it. */
export function statusQuery(status: StatusFilter): IncidentQuery {
  if (status === 'active') return { active: true };
  if (status === 'all') return {};
  return { status: [status] };
}

/** Whether an incident's status passes the status filter (for live updates between fetches). */
export function matchesStatus(status: IncidentStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'active') return ACTIVE_STATUSES.includes(status);
  return status === filter;
}

/**
 * The listed incidents with a pushed change applied (before the refetch confirms it): the
 * incident updated, or left out once its status no longer passes; null when not listed.
 */
export function withIncidentEvent(
  items: readonly Incident[],
  e: IncidentEvent,
  filter: StatusFilter,
): Incident[] | null {
  const at = items.findIndex((i) => i.id === e.incident_id);
  const before = items[at];
  if (!before) return null;
  const updated: Incident = {
    ...before,
    status: e.status,
    severity: e.severity,
    title: e.title,
    category: e.category,
    integration: e.integration,
    occurrences: e.occurrences,
    remedy: e.remedy,
    confidence: e.confidence,
    last_seen: e.occurrences > before.occurrences ? new Date().toISOString() : before.last_seen,
  };
  const next = [...items];
  if (matchesStatus(updated.status, filter)) next[at] = updated;
  else next.splice(at, 1);
  return next;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compare(a: Incident, b: Incident, key: SortKey): number {
  switch (key) {
    case 'severity':
      return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
    case 'occurrences':
      return a.occurrences - b.occurrences;
    case 'title':
      return collator.compare(a.title, b.title);
    case 'status':
      return collator.compare(a.status, b.status);
    case 'first_seen':
      return a.first_seen < b.first_seen ? -1 : a.first_seen > b.first_seen ? 1 : 0;
    case 'last_seen':
      return a.last_seen < b.last_seen ? -1 : a.last_seen > b.last_seen ? 1 : 0;
  }
}

/** The searchable text of an incident, lower-cased once per incident object. */
const haystacks = new WeakMap<Incident, string>();
function haystack(i: Incident): string {
  let text = haystacks.get(i);
  if (text === undefined) {
    text = [i.title, i.integration, i.category, i.status, i.severity, i.subject, i.id, i.remedy]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
    haystacks.set(i, text);
  }
  return text;
}

/** Whether an incident passes the filter's severity, integration, search and status. */
export function matcher(filter: ListFilter): (i: Incident) => boolean {
  const terms = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  return (i) =>
    matchesStatus(i.status, filter.status) &&
    (filter.severity === 'all' || i.severity === filter.severity) &&
    (filter.integration === 'all' || (i.integration ?? '') === filter.integration) &&
    (terms.length === 0 || terms.every((t) => haystack(i).includes(t)));
}

/** Sorted copies of a list, by sort and direction: sorted once per list, not per filter. */
const sortedLists = new WeakMap<readonly Incident[], Map<string, readonly Incident[]>>();

/** The incidents sorted (ties: most recently seen first); kept for as long as the list is. */
export function sortedBy(
  items: readonly Incident[],
  sort: SortKey,
  descending: boolean,
): readonly Incident[] {
  let lists = sortedLists.get(items);
  if (!lists) {
    lists = new Map();
    sortedLists.set(items, lists);
  }
  const key = `${sort}:${descending ? 'desc' : 'asc'}`;
  let sorted = lists.get(key);
  if (!sorted) {
    const sign = descending ? -1 : 1;
    sorted = [...items].sort((a, b) => sign * compare(a, b, sort) || -compare(a, b, 'last_seen'));
    lists.set(key, sorted);
  }
  return sorted;
}

/**
 * The incidents that pass the filter, sorted (ties: most recently seen first). The sorted
 * order is kept per list (a stable sort, so filtering it equals sorting what passes): a new
 * search or severity costs one pass over the incidents.
 */
export function applyFilter(items: readonly Incident[], filter: ListFilter): Incident[] {
  return sortedBy(items, filter.sort, filter.descending).filter(matcher(filter));
}

/** The integrations among the incidents, sorted; incidents without one count as "". */
export function integrationsOf(items: readonly Incident[]): string[] {
  return [...new Set(items.map((i) => i.integration ?? ''))].sort(collator.compare);
}
