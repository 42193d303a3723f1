/** The list's filter bar (search, status, severity, integration, sort) and severity chips. */
import { mdiMagnify, mdiSortAscending, mdiSortDescending } from '@mdi/js';
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  ALL_STATUSES,
  SEVERITY_ICONS,
  SEVERITY_LABELS,
  SEVERITY_ORDER,
  STATUS_LABELS,
  icon,
  localize,
  localizedLabels,
  type Severity,
} from '../shared/index.js';
import type { ListFilter, SortKey } from './filter.js';

export const SORT_LABELS: Readonly<Record<SortKey, string>> = localizedLabels('sort', [
  'last_seen',
  'first_seen',
  'severity',
  'occurrences',
  'title',
  'status',
]);

export interface FilterBarView {
  filter: ListFilter;
  /** The integrations among the incidents, for the integration filter. */
  integrations: readonly string[];
  /** Incidents per severity, ignoring the severity filter. */
  counts: Readonly<Record<Severity, number>>;
  onSearch: (ev: InputEvent) => void;
  onSearchKey: (ev: KeyboardEvent) => void;
  onSelect: (key: 'status' | 'severity' | 'integration' | 'sort') => (ev: Event) => void;
  setFilter: (patch: Partial<ListFilter>) => void;
}

export function filterBar(v: FilterBarView): TemplateResult {
  const f = v.filter;
  const integrations =
    f.integration !== 'all' && !v.integrations.includes(f.integration)
      ? [...v.integrations, f.integration]
      : v.integrations;
  return html`<div class="filters" role="search" aria-label=${localize('filter.aria')}>
    <label class="search">
      ${icon(mdiMagnify)}
      <span class="visually-hidden">${localize('filter.search')}</span>
      <input
        type="search"
        name="search"
        placeholder=${localize('filter.search')}
        autocomplete="off"
        .value=${f.search}
        @input=${v.onSearch}
        @keydown=${v.onSearchKey}
      />
    </label>
    <label class="field">
      <span>${localize('filter.status')}</span>
      <select name="status" .value=${live(String(f.status))} @change=${v.onSelect('status')}>
        <option value="active" ?selected=${f.status === 'active'}>
          ${localize('filter.active')}
        </option>
        <option value="all" ?selected=${f.status === 'all'}>${localize('filter.all')}</option>
        ${ALL_STATUSES.map(
          (s) => html`<option value=${s} ?selected=${f.status === s}>${STATUS_LABELS[s]}</option>`,
        )}
      </select>
    </label>
    <label class="field">
      <span>${localize('filter.severity')}</span>
      <select name="severity" .value=${live(String(f.severity))} @change=${v.onSelect('severity')}>
        <option value="all" ?selected=${f.severity === 'all'}>${localize('filter.all')}</option>
        ${SEVERITY_ORDER.map(
          (s) =>
            html`<option value=${s} ?selected=${f.severity === s}>${SEVERITY_LABELS[s]}</option>`,
        )}
      </select>
    </label>
    <label class="field">
      <span>${localize('filter.integration')}</span>
      <select
        name="integration"
        .value=${live(String(f.integration))}
        @change=${v.onSelect('integration')}
      >
        <option value="all" ?selected=${f.integration === 'all'}>${localize('filter.all')}</option>
        ${integrations.map(
          (d) =>
            html`<option value=${d} ?selected=${f.integration === d}>
              ${d || localize('filter.no_integration')}
            </option>`,
        )}
      </select>
    </label>
    <label class="field">
      <span>${localize('filter.sort')}</span>
      <select name="sort" .value=${live(String(f.sort))} @change=${v.onSelect('sort')}>
        ${(Object.keys(SORT_LABELS) as SortKey[]).map(
          (k) => html`<option value=${k} ?selected=${f.sort === k}>${SORT_LABELS[k]}</option>`,
        )}
      </select>
    </label>
    <button
      class="icon-btn direction"
      aria-label=${localize(f.descending ? 'filter.sorted_desc' : 'filter.sorted_asc')}
      title=${localize(f.descending ? 'filter.desc' : 'filter.asc')}
      @click=${() => v.setFilter({ descending: !f.descending })}
    >
      ${icon(f.descending ? mdiSortDescending : mdiSortAscending)}
    </button>
  </div>`;
}

/** The severity chips: counts that toggle the severity filter. */
export function severityCounts(v: FilterBarView): TemplateResult {
  return html`<div class="counts" role="group" aria-label=${localize('filter.by_severity')}>
    ${SEVERITY_ORDER.map((s) => {
      const active = v.filter.severity === s;
      return html`<button
        class="chip count ${s}"
        data-severity=${s}
        aria-pressed=${active ? 'true' : 'false'}
        @click=${() => v.setFilter({ severity: active ? 'all' : s })}
      >
        ${icon(SEVERITY_ICONS[s])}<span class="n">${v.counts[s]}</span> ${SEVERITY_LABELS[s]}
      </button>`;
    })}
  </div>`;
}
