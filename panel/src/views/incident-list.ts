/**
 * `llm-ops-incident-list`: the incidents with a filter bar (search, status, severity,
 * integration, sort). The owner holds the filter (`filter-changed`) and the data; this
 * element filters and sorts in the browser and renders a table, or cards when narrow.
 */
import { mdiMagnify, mdiSortAscending, mdiSortDescending, mdiCheckCircle } from '@mdi/js';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { ALL_STATUSES, SEVERITY_ORDER, type Incident, type Severity } from '../data/types.js';
import {
  applyFilter,
  countBySeverity,
  integrationsOf,
  type ListFilter,
  type SortKey,
} from '../list/filter.js';
import {
  SEVERITY_LABELS,
  STATUS_LABELS,
  categoryLabel,
  dateTime,
  relativeTime,
  remedyLabel,
} from '../ui/format.js';
import { SEVERITY_ICONS, icon } from '../ui/icons.js';
import { baseStyles } from '../ui/styles.js';

/** How many rows are rendered at first, and added by "Show more". */
export const PAGE_ROWS = 100;

const SORT_LABELS: Record<SortKey, string> = {
  last_seen: 'Last seen',
  first_seen: 'First seen',
  severity: 'Severity',
  occurrences: 'Occurrences',
  title: 'Title',
  status: 'Status',
};

declare global {
  interface HTMLElementTagNameMap {
    'llm-ops-incident-list': LlmOpsIncidentList;
  }
}

export class LlmOpsIncidentList extends LitElement {
  static override properties = {
    items: { attribute: false },
    filter: { attribute: false },
    narrow: { type: Boolean, reflect: true },
    loading: { type: Boolean },
    loaded: { type: Boolean },
    basePath: { attribute: false },
    locale: { type: String },
    _shown: { state: true },
  };

  /** Incidents as fetched for the filter's status (most recently seen first). */
  declare items: Incident[];
  declare filter: ListFilter;
  declare narrow: boolean;
  declare loading: boolean;
  /** True once the first fetch answered (empty list vs. not loaded yet). */
  declare loaded: boolean;
  /** The panel's URL prefix, for the incidents' links. */
  declare basePath: string;
  declare locale: string | undefined;
  declare private _shown: number;

  private _visible: Incident[] = [];
  private _counts: Record<Severity, number> = { critical: 0, error: 0, warning: 0, info: 0 };
  private _integrations: string[] = [];
  private _searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.items = [];
    this.narrow = false;
    this.loading = false;
    this.loaded = false;
    this.basePath = '/llm-ops';
    this._shown = PAGE_ROWS;
  }

  /** The incidents that pass the filter, in display order. */
  get visible(): readonly Incident[] {
    return this._visible;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('items') || changed.has('filter')) {
      this._visible = this.filter ? applyFilter(this.items, this.filter) : [...this.items];
    }
    if (changed.has('items')) {
      this._integrations = integrationsOf(this.items);
    }
    if (
      changed.has('items') ||
      (changed.has('filter') && this.filterChangedBeyondSeverity(changed))
    ) {
      // Counts ignore the severity filter, so each chip says what clicking it would show.
      this._counts = countBySeverity(
        this.filter ? applyFilter(this.items, { ...this.filter, severity: 'all' }) : this.items,
      );
    }
    if (changed.has('filter')) this._shown = PAGE_ROWS;
    if (changed.has('locale') || changed.has('basePath')) this.rowCache = new WeakMap();
  }

  private filterChangedBeyondSeverity(changed: PropertyValues<this>): boolean {
    const old = changed.get('filter') as ListFilter | undefined;
    if (!old || !this.filter) return true;
    return (
      old.search !== this.filter.search ||
      old.integration !== this.filter.integration ||
      old.status !== this.filter.status
    );
  }

  private setFilter(patch: Partial<ListFilter>): void {
    const filter = { ...this.filter, ...patch };
    this.dispatchEvent(
      new CustomEvent<ListFilter>('filter-changed', {
        detail: filter,
        bubbles: true,
        composed: false,
      }),
    );
  }

  private onSearch = (ev: InputEvent) => {
    const value = (ev.target as HTMLInputElement).value;
    clearTimeout(this._searchTimer);
    // Typing fast re-filters once, not per key.
    this._searchTimer = setTimeout(() => this.setFilter({ search: value }), 120);
  };

  private onSearchKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Enter') {
      clearTimeout(this._searchTimer);
      this.setFilter({ search: (ev.target as HTMLInputElement).value });
    }
  };

  private onSelect(key: 'status' | 'severity' | 'integration' | 'sort') {
    return (ev: Event) => this.setFilter({ [key]: (ev.target as HTMLSelectElement).value });
  }

  private onSortHeader(key: SortKey) {
    return () =>
      this.setFilter(
        this.filter.sort === key
          ? { descending: !this.filter.descending }
          : { sort: key, descending: key !== 'title' },
      );
  }

  private select(id: string): void {
    this.dispatchEvent(
      new CustomEvent<{ id: string }>('incident-selected', {
        detail: { id },
        bubbles: true,
        composed: false,
      }),
    );
  }

  /** Plain clicks on a link navigate inside the panel; modified clicks open a tab. */
  private onLinkClick = (ev: MouseEvent) => {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    const id = (ev.currentTarget as HTMLElement).dataset.id;
    if (!id) return;
    ev.preventDefault();
    this.select(id);
  };

  /** A click anywhere on a table row opens it (the link inside is the keyboard path). */
  private onRowClick = (ev: MouseEvent) => {
    if ((ev.target as HTMLElement).closest('a')) return;
    if (window.getSelection()?.toString()) return; // selecting text, not opening
    const row = (ev.target as HTMLElement).closest<HTMLElement>('.row[data-id]');
    if (row?.dataset.id) this.select(row.dataset.id);
  };

  private href(i: Incident): string {
    return `${this.basePath}/incident/${encodeURIComponent(i.id)}`;
  }

  protected override render(): TemplateResult {
    return html`${this.renderFilters()} ${this.renderCounts()} ${this.renderBody()}`;
  }

  private renderFilters(): TemplateResult {
    const f = this.filter;
    const integrations =
      f.integration !== 'all' && !this._integrations.includes(f.integration)
        ? [...this._integrations, f.integration]
        : this._integrations;
    return html`<div class="filters" role="search" aria-label="Filter incidents">
      <label class="search">
        ${icon(mdiMagnify)}
        <span class="visually-hidden">Search incidents</span>
        <input
          type="search"
          name="search"
          placeholder="Search incidents"
          autocomplete="off"
          .value=${f.search}
          @input=${this.onSearch}
          @keydown=${this.onSearchKey}
        />
      </label>
      <label class="field">
        <span>Status</span>
        <select name="status" .value=${live(String(f.status))} @change=${this.onSelect('status')}>
          <option value="active" ?selected=${f.status === 'active'}>Active</option>
          <option value="all" ?selected=${f.status === 'all'}>All</option>
          ${ALL_STATUSES.map(
            (s) =>
              html`<option value=${s} ?selected=${f.status === s}>${STATUS_LABELS[s]}</option>`,
          )}
        </select>
      </label>
      <label class="field">
        <span>Severity</span>
        <select
          name="severity"
          .value=${live(String(f.severity))}
          @change=${this.onSelect('severity')}
        >
          <option value="all" ?selected=${f.severity === 'all'}>All</option>
          ${SEVERITY_ORDER.map(
            (s) =>
              html`<option value=${s} ?selected=${f.severity === s}>${SEVERITY_LABELS[s]}</option>`,
          )}
        </select>
      </label>
      <label class="field">
        <span>Integration</span>
        <select
          name="integration"
          .value=${live(String(f.integration))}
          @change=${this.onSelect('integration')}
        >
          <option value="all" ?selected=${f.integration === 'all'}>All</option>
          ${integrations.map(
            (d) =>
              html`<option value=${d} ?selected=${f.integration === d}>${d || '(none)'}</option>`,
          )}
        </select>
      </label>
      <label class="field">
        <span>Sort by</span>
        <select name="sort" .value=${live(String(f.sort))} @change=${this.onSelect('sort')}>
          ${(Object.keys(SORT_LABELS) as SortKey[]).map(
            (k) => html`<option value=${k} ?selected=${f.sort === k}>${SORT_LABELS[k]}</option>`,
          )}
        </select>
      </label>
      <button
        class="icon-btn direction"
        aria-label=${f.descending ? 'Sorted descending; sort ascending' : 'Sorted ascending; sort descending'}
        title=${f.descending ? 'Descending' : 'Ascending'}
        @click=${() => this.setFilter({ descending: !f.descending })}
      >
        ${icon(f.descending ? mdiSortDescending : mdiSortAscending)}
      </button>
    </div>`;
  }

  private renderCounts(): TemplateResult {
    return html`<div class="counts" role="group" aria-label="Filter by severity">
      ${SEVERITY_ORDER.map((s) => {
        const active = this.filter.severity === s;
        return html`<button
          class="chip count ${s}"
          data-severity=${s}
          aria-pressed=${active ? 'true' : 'false'}
          @click=${() => this.setFilter({ severity: active ? 'all' : s })}
        >
          ${icon(SEVERITY_ICONS[s])}<span class="n">${this._counts[s]}</span> ${SEVERITY_LABELS[s]}
        </button>`;
      })}
    </div>`;
  }

  private renderBody(): TemplateResult {
    if (!this.loaded && this.items.length === 0) {
      return html`<div class="state" role="status">
        <span class="spinner" aria-hidden="true"></span> Loading incidents…
      </div>`;
    }
    if (this.items.length === 0) {
      const active = this.filter.status === 'active';
      return html`<div class="state empty" role="status">
        ${icon(mdiCheckCircle)}
        <p><strong>${active ? 'No active incidents' : 'No incidents'}</strong></p>
        <p class="secondary">
          ${
            active
              ? 'Home Assistant looks healthy. LLM Ops keeps watching its log, integrations, devices and automations.'
              : 'Nothing was recorded with this status.'
          }
        </p>
      </div>`;
    }
    const visible = this._visible;
    const shown = visible.slice(0, this._shown);
    return html`<p class="summary secondary" role="status">
        ${
          visible.length === this.items.length
            ? html`${this.items.length} incident${this.items.length === 1 ? '' : 's'}`
            : html`${visible.length} of ${this.items.length} incidents match`
        }
        ${this.loading ? html` · updating…` : nothing}
      </p>
      ${
        visible.length === 0
          ? html`<div class="state empty">
              <p>No incidents match these filters.</p>
              <button
                class="btn"
                @click=${() => this.setFilter({ search: '', severity: 'all', integration: 'all' })}
              >
                Clear filters
              </button>
            </div>`
          : this.narrow
            ? this.renderCards(shown)
            : this.renderTable(shown)
      }
      ${
        visible.length > shown.length
          ? html`<div class="more">
              <button class="btn" @click=${() => (this._shown += PAGE_ROWS)}>
                Show ${Math.min(PAGE_ROWS, visible.length - shown.length)} more
                (${visible.length - shown.length} hidden)
              </button>
            </div>`
          : nothing
      }`;
  }

  private sortHeader(key: SortKey, label: string, cls = ''): TemplateResult {
    const f = this.filter;
    const sorted = f.sort === key;
    return html`<div
      role="columnheader"
      class="th ${cls}"
      aria-sort=${sorted ? (f.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button class="sort" @click=${this.onSortHeader(key)}>
        ${label} ${sorted ? icon(f.descending ? mdiSortDescending : mdiSortAscending) : nothing}
      </button>
    </div>`;
  }

  /**
   * A table in ARIA roles on CSS grid rather than <table>: rows off screen skip layout and
   * paint (content-visibility), which table rows cannot, so hundreds of rows stay cheap.
   */
  private renderTable(rows: Incident[]): TemplateResult {
    return html`<div class="card table-wrap">
      <div
        class="grid incidents"
        role="table"
        aria-label="Incidents"
        aria-rowcount=${rows.length + 1}
      >
        <div role="rowgroup" class="head">
          <div role="row" class="tr">
            ${this.sortHeader('severity', 'Severity')} ${this.sortHeader('title', 'Incident')}
            <div role="columnheader" class="th">Integration</div>
            ${this.sortHeader('status', 'Status')} ${this.sortHeader('occurrences', 'Seen', 'num')}
            ${this.sortHeader('first_seen', 'First seen')}
            ${this.sortHeader('last_seen', 'Last seen')}
          </div>
        </div>
        <div role="rowgroup" class="body" @click=${this.onRowClick}>
          ${repeat(
            rows,
            (i) => i.id,
            (i) => this.renderRow(i),
          )}
        </div>
      </div>
    </div>`;
  }

  /** Rows by incident object: an unchanged incident re-renders for free (fetches bring new objects). */
  private rowCache = new WeakMap<Incident, TemplateResult>();

  private renderRow(i: Incident): TemplateResult {
    let row = this.rowCache.get(i);
    if (!row) {
      row = this.rowTemplate(i);
      this.rowCache.set(i, row);
    }
    return row;
  }

  private rowTemplate(i: Incident): TemplateResult {
    return html`<div role="row" class="tr row" data-id=${i.id}>
      <div role="cell" class="td">
        <span class="chip ${i.severity}"
          >${icon(SEVERITY_ICONS[i.severity])}${SEVERITY_LABELS[i.severity]}</span
        >
      </div>
      <div role="cell" class="td title">
        <a href=${this.href(i)} data-id=${i.id} @click=${this.onLinkClick}>${i.title}</a>
        <div class="secondary sub">
          ${categoryLabel(i.category)}${i.remedy ? html` · ${remedyLabel(i.remedy)}` : nothing}
        </div>
      </div>
      <div role="cell" class="td mono">${i.integration ?? '–'}</div>
      <div role="cell" class="td">
        <span class="status ${i.status}">${STATUS_LABELS[i.status]}</span>
      </div>
      <div role="cell" class="td num">${i.occurrences}</div>
      <div role="cell" class="td">
        <time datetime=${i.first_seen} title=${dateTime(i.first_seen, this.locale)}
          >${relativeTime(i.first_seen, this.locale)}</time
        >
      </div>
      <div role="cell" class="td">
        <time datetime=${i.last_seen} title=${dateTime(i.last_seen, this.locale)}
          >${relativeTime(i.last_seen, this.locale)}</time
        >
      </div>
    </div>`;
  }

  private renderCards(rows: Incident[]): TemplateResult {
    return html`<ul class="cards" aria-label="Incidents">
      ${repeat(
        rows,
        (i) => i.id,
        (i) =>
          html`<li class="card row" data-id=${i.id}>
            <a class="item" href=${this.href(i)} data-id=${i.id} @click=${this.onLinkClick}>
              <span class="sev-icon ${i.severity}"
                >${icon(SEVERITY_ICONS[i.severity], SEVERITY_LABELS[i.severity])}</span
              >
              <span class="text">
                <span class="title">${i.title}</span>
                <span class="secondary meta">
                  ${i.integration ?? 'unknown integration'} · ${STATUS_LABELS[i.status]} ·
                  ${i.occurrences}× · ${relativeTime(i.last_seen, this.locale)}
                </span>
              </span>
            </a>
          </li>`,
      )}
    </ul>`;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 12px;
        align-items: flex-end;
        margin-bottom: 12px;
      }
      .search {
        flex: 1 1 240px;
        display: flex;
        align-items: center;
        gap: 6px;
        padding: 0 10px;
        min-height: 40px;
        border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.2));
        border-radius: 20px;
        background: var(--card-background-color, #fff);
        color: var(--secondary-text-color, #727272);
      }
      .search:focus-within {
        outline: 2px solid var(--primary-color, #03a9f4);
      }
      .search input {
        flex: 1;
        border: 0;
        background: transparent;
        padding: 0;
        outline: none;
        min-width: 0;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 2px;
        font-size: 12px;
        color: var(--secondary-text-color, #727272);
      }
      .field select {
        min-width: 120px;
      }
      .counts {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin-bottom: 8px;
      }
      .chip.count {
        border: 1px solid transparent;
        cursor: pointer;
        font: inherit;
        font-size: 13px;
        padding: 4px 12px 4px 8px;
      }
      .chip.count[aria-pressed='true'] {
        border-color: var(--chip-color);
        background: color-mix(in srgb, var(--chip-color) 28%, transparent);
      }
      .chip.count .n {
        font-weight: 700;
      }
      .summary {
        margin: 4px 0 8px;
        font-size: 13px;
      }
      .table-wrap {
        overflow-x: auto;
      }
      .grid {
        min-width: 820px;
        font-size: 14px;
      }
      .tr {
        display: grid;
        grid-template-columns: 104px minmax(200px, 1fr) 128px 148px 56px 112px 112px;
        align-items: center;
      }
      .head .tr {
        border-bottom: 1px solid var(--divider-color, #e0e0e0);
      }
      .th {
        text-align: left;
        font-weight: 500;
        color: var(--secondary-text-color, #727272);
        padding: 10px 8px;
        white-space: nowrap;
      }
      .num {
        text-align: right;
        justify-content: flex-end;
      }
      button.sort {
        font: inherit;
        color: inherit;
        background: none;
        border: 0;
        padding: 0;
        cursor: pointer;
        display: inline-flex;
        align-items: center;
        gap: 2px;
      }
      button.sort .icon {
        width: 16px;
        height: 16px;
      }
      .body .tr {
        cursor: pointer;
        border-bottom: 1px solid var(--divider-color, #e0e0e0);
        /* Rows off screen are neither laid out nor painted. */
        content-visibility: auto;
        contain-intrinsic-size: auto 56px;
      }
      .body .tr:last-child {
        border-bottom: 0;
      }
      .body .tr:hover {
        background: color-mix(in srgb, var(--primary-text-color, #212121) 4%, transparent);
      }
      .td {
        padding: 8px;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .td.title a {
        color: var(--primary-text-color, #212121);
        text-decoration: none;
        font-weight: 500;
      }
      .td.title a:hover {
        text-decoration: underline;
      }
      .td.title .sub {
        font-size: 12px;
      }
      .td time {
        white-space: nowrap;
      }
      .status {
        white-space: nowrap;
      }
      .status.awaiting_approval {
        color: var(--primary-color, #03a9f4);
        font-weight: 500;
      }
      .status.resolved,
      .status.dismissed {
        color: var(--secondary-text-color, #727272);
      }
      ul.cards {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 8px;
      }
      ul.cards li {
        content-visibility: auto;
        contain-intrinsic-size: auto 72px;
      }
      a.item {
        display: flex;
        gap: 12px;
        align-items: flex-start;
        padding: 12px;
        color: inherit;
        text-decoration: none;
        min-height: 48px;
      }
      a.item .text {
        display: flex;
        flex-direction: column;
        gap: 2px;
        min-width: 0;
      }
      a.item .title {
        font-weight: 500;
        overflow-wrap: anywhere;
      }
      a.item .meta {
        font-size: 13px;
      }
      .state {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 4px;
        padding: 48px 16px;
        text-align: center;
      }
      .state.empty > .icon {
        width: 48px;
        height: 48px;
        color: var(--success-color, #43a047);
      }
      .state p {
        margin: 0;
      }
      .spinner {
        width: 24px;
        height: 24px;
        border-radius: 50%;
        border: 3px solid var(--divider-color, #e0e0e0);
        border-top-color: var(--primary-color, #03a9f4);
        animation: spin 0.8s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      .more {
        display: flex;
        justify-content: center;
        padding: 12px;
      }
      :host([narrow]) .field {
        flex: 1 1 40%;
      }
      :host([narrow]) .field select {
        width: 100%;
        min-width: 0;
      }
    `,
  ];
}

if (!customElements.get('llm-ops-incident-list')) {
  customElements.define('llm-ops-incident-list', LlmOpsIncidentList);
}
