/** The incident list's filtering, searching and sorting. */
import { describe, expect, it } from 'vitest';
import { countBySeverity, type Incident } from '../src/shared/data/types.js';
import {
  applyFilter,
  DEFAULT_FILTER,
  integrationsOf,
  matchesStatus,
  statusQuery,
} from '../src/list/filter.js';

function incident(over: Partial<Incident> & { id: string }): Incident {
  return {
    fingerprint: '0123456789abcdef',
    status: 'open',
    severity: 'error',
    category: 'setup_retry',
    integration: 'zha',
    entry_id: null,
    subject: null,
    title: `Incident ${over.id}`,
    first_seen: '2026-11-25T10:00:00.000Z',
    last_seen: '2026-11-25T10:00:00.000Z',
    occurrences: 1,
    resolved_at: null,
    resolution: null,
    remedy: null,
    confidence: null,
    ha_issue: null,
    outcome: null,
    ...over,
  };
}

const items = [
  incident({
    id: 'a',
    severity: 'critical',
    integration: 'zha',
    occurrences: 5,
    last_seen: '2026-11-25T10:05:00.000Z',
  }),
  incident({
    id: 'b',
    severity: 'warning',
    integration: 'mqtt',
    title: 'MQTT broker refused',
    occurrences: 9,
  }),
  incident({
    id: 'c',
    severity: 'info',
    integration: null,
    status: 'resolved',
    last_seen: '2026-11-25T10:09:00.000Z',
  }),
  incident({
    id: 'd',
    severity: 'error',
    integration: 'zha',
    status: 'awaiting_approval',
    occurrences: 2,
    last_seen: '2026-11-25T10:07:00.000Z',
  }),
];

describe('the status filter', () => {
  it('is a query for the back end', () => {
    expect(statusQuery('active')).toEqual({ active: true });
    expect(statusQuery('all')).toEqual({});
    expect(statusQuery('resolved')).toEqual({ status: ['resolved'] });
  });

  it('also applies to live updates', () => {
    expect(matchesStatus('awaiting_approval', 'active')).toBe(true);
    expect(matchesStatus('resolved', 'active')).toBe(false);
    expect(matchesStatus('dismissed', 'all')).toBe(true);
    expect(matchesStatus('open', 'resolved')).toBe(false);
  });
});

describe('applyFilter', () => {
  it('keeps active incidents, most recently seen first, by default', () => {
    expect(applyFilter(items, DEFAULT_FILTER).map((i) => i.id)).toEqual(['d', 'a', 'b']);
  });

  it('searches title, integration, category and id, every word', () => {
    const ids = (search: string) =>
      applyFilter(items, { ...DEFAULT_FILTER, status: 'all', search }).map((i) => i.id);
    expect(ids('broker')).toEqual(['b']);
    expect(ids('ZHA')).toEqual(['d', 'a']);
    expect(ids('zha awaiting')).toEqual(['d']);
    expect(ids('setup_retry')).toHaveLength(4);
    expect(ids('mqtt zha')).toEqual([]);
  });

  it('filters by severity and integration ("" for none)', () => {
    const f = { ...DEFAULT_FILTER, status: 'all' as const };
    expect(applyFilter(items, { ...f, severity: 'critical' }).map((i) => i.id)).toEqual(['a']);
    expect(applyFilter(items, { ...f, integration: '' }).map((i) => i.id)).toEqual(['c']);
  });

  it('sorts by any column in either direction; ties by last seen', () => {
    const f = { ...DEFAULT_FILTER, status: 'all' as const };
    expect(applyFilter(items, { ...f, sort: 'severity' }).map((i) => i.id)).toEqual([
      'a',
      'd',
      'b',
      'c',
    ]);
    expect(
      applyFilter(items, { ...f, sort: 'occurrences', descending: false }).map((i) => i.id),
    ).toEqual(['c', 'd', 'a', 'b']);
    expect(applyFilter(items, { ...f, sort: 'title', descending: false }).map((i) => i.id)).toEqual(
      ['a', 'c', 'd', 'b'],
    );
  });

  it('sorts each list once: filters on it agree with sorting what passes, a new list is sorted anew', () => {
    const many = Array.from({ length: 300 }, (_, k) =>
      incident({
        id: `m${k}`,
        severity: (['critical', 'error', 'warning', 'info'] as const)[k % 4],
        integration: ['zha', 'mqtt', null][k % 3] ?? null,
        occurrences: (k * 7) % 11,
        title: `Failure ${(k * 13) % 50}`,
        last_seen: new Date(Date.UTC(2026, 10, 1, 0, k % 97)).toISOString(),
      }),
    );
    const reference = (f: typeof DEFAULT_FILTER) => {
      const sign = f.descending ? -1 : 1;
      return applyFilter(many, { ...f, sort: 'last_seen', descending: true })
        .slice()
        .sort((a, b) => {
          const by =
            f.sort === 'occurrences'
              ? a.occurrences - b.occurrences
              : a.title.localeCompare(b.title, undefined, { numeric: true });
          return sign * by || (a.last_seen < b.last_seen ? 1 : a.last_seen > b.last_seen ? -1 : 0);
        })
        .map((i) => i.id);
    };
    for (const sort of ['occurrences', 'title'] as const) {
      for (const descending of [true, false]) {
        for (const severity of ['all', 'error'] as const) {
          const f = { ...DEFAULT_FILTER, sort, descending, severity, search: 'failure 1' };
          expect(applyFilter(many, f).map((i) => i.id)).toEqual(reference(f));
        }
      }
    }
    const f = { ...DEFAULT_FILTER, sort: 'occurrences' as const };
    const top = applyFilter(many, f)[0];
    const changed = many.map((i) => (i === top ? { ...i, occurrences: -1 } : i));
    expect(applyFilter(changed, f).at(-1)?.id).toBe(top?.id);
  });
});

it('counts by severity and lists integrations', () => {
  expect(countBySeverity(items)).toEqual({ critical: 1, error: 1, warning: 1, info: 1 });
  expect(integrationsOf(items)).toEqual(['', 'mqtt', 'zha']);
});
