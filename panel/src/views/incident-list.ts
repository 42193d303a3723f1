/**
 * `llm-ops-incident-list`: the incidents with a filter bar (search, status, severity,
 * integration, sort). The owner holds the filter (`filter-changed`) and the data; this
 * element filters and sorts in the browser and renders a table, or cards when narrow: only
 * the rows on screen (RowWindow), so thousands of incidents cost what a screenful costs.
 */
import { mdiCheckCircle } from '@mdi/js';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { filterBar, severityCounts } from '../list/filter-bar.js';
import {
  applyFilter,
  integrationsOf,
  matcher,
  type ListFilter,
  type SortKey,
} from '../list/filter.js';
import {
  CARD_ROW_HEIGHT,
  TABLE_ROW_HEIGHT,
  incidentCards,
  incidentTable,
  type RowsView,
} from '../list/incident-rows.js';
import { listStyles } from '../list/list-styles.js';
import { RowWindow } from '../list/row-window.js';
import {
  baseStyles,
  countBySeverity,
  icon,
  localize,
  localizePlural,
  type Incident,
  type Severity,
} from '../shared/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'llm-ops-incident-list': LlmOpsIncidentList;
  }
}

export class LlmOpsIncidentList extends LitElement {
  static override properties = {
    items: { attribute: false },
    total: { type: Number },
    filter: { attribute: false },
    narrow: { type: Boolean, reflect: true },
    loading: { type: Boolean },
    loaded: { type: Boolean },
    basePath: { attribute: false },
    locale: { type: String },
  };

  /** Incidents as fetched for the filter's status (most recently seen first). */
  declare items: Incident[];
  /** How many incidents of the status there are, loaded or not (the panel loads at most MAX_INCIDENTS). */
  declare total: number;
  declare filter: ListFilter;
  declare narrow: boolean;
  declare loading: boolean;
  /** True once the first fetch answered (empty list vs. not loaded yet). */
  declare loaded: boolean;
  /** The panel's URL prefix, for the incidents' links. */
  declare basePath: string;
  declare locale: string | undefined;

  private _visible: Incident[] = [];
  private _counts: Record<Severity, number> = { critical: 0, error: 0, warning: 0, info: 0 };
  private _integrations: string[] = [];
  private _searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly rowWindow = new RowWindow(this, () => ({
    count: this._visible.length,
    height: this.rowHeight,
    body: this.renderRoot?.querySelector<HTMLElement>('.body, ul.cards') ?? null,
  }));

  constructor() {
    super();
    this.items = [];
    this.total = 0;
    this.narrow = false;
    this.loading = false;
    this.loaded = false;
    this.basePath = '/llm-ops';
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
        this.filter ? this.items.filter(matcher({ ...this.filter, severity: 'all' })) : this.items,
      );
    }
  }

  private get rowHeight(): number {
    return this.narrow ? CARD_ROW_HEIGHT : TABLE_ROW_HEIGHT;
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

  private onSelect = (key: 'status' | 'severity' | 'integration' | 'sort') => (ev: Event) =>
    this.setFilter({ [key]: (ev.target as HTMLSelectElement).value });

  private onSort = (key: SortKey) =>
    this.setFilter(
      this.filter.sort === key
        ? { descending: !this.filter.descending }
        : { sort: key, descending: key !== 'title' },
    );

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

  /** Focus on a row (Tab, Shift+Tab): the rows next to it are rendered before the next key. */
  private onFocusIn = (ev: FocusEvent) => {
    const row = (ev.target as HTMLElement).closest<HTMLElement>('.row[data-id]');
    const at = row ? this._visible.findIndex((i) => i.id === row.dataset.id) : -1;
    if (at >= 0) this.rowWindow.include(at, this._visible.length);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.renderRoot.addEventListener('focusin', this.onFocusIn as EventListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener('focusin', this.onFocusIn as EventListener);
  }

  protected override render(): TemplateResult {
    const bar = {
      filter: this.filter,
      integrations: this._integrations,
      counts: this._counts,
      onSearch: this.onSearch,
      onSearchKey: this.onSearchKey,
      onSelect: this.onSelect,
      setFilter: (patch: Partial<ListFilter>) => this.setFilter(patch),
    };
    return html`${filterBar(bar)} ${severityCounts(bar)} ${this.renderBody()}`;
  }

  private renderBody(): TemplateResult {
    if (!this.loaded && this.items.length === 0) {
      return html`<div class="state" role="status">
        <span class="spinner" aria-hidden="true"></span> ${localize('list.loading')}
      </div>`;
    }
    if (this.items.length === 0) {
      const active = this.filter.status === 'active';
      return html`<div class="state empty" role="status">
        ${icon(mdiCheckCircle)}
        <p><strong>${localize(active ? 'list.no_active' : 'list.none')}</strong></p>
        <p class="secondary">${localize(active ? 'list.healthy' : 'list.nothing_with_status')}</p>
      </div>`;
    }
    const visible = this._visible;
    const height = this.rowHeight;
    const { first, end } = this.rowWindow.rangeFor(visible.length, height);
    const slice = { rows: visible.slice(first, end), first, total: visible.length, height };
    return html`<p class="summary secondary" role="status">
        ${
          visible.length !== this.items.length
            ? localize('list.match', { visible: visible.length, total: this.items.length })
            : this.total > this.items.length
              ? localize('list.capped', { shown: this.items.length, total: this.total })
              : localizePlural('list.count', this.items.length)
        }
        ${this.loading ? html` · ${localize('list.updating')}` : nothing}
      </p>
      ${
        visible.length === 0
          ? html`<div class="state empty">
              <p>${localize('list.no_match')}</p>
              <button
                class="btn"
                @click=${() => this.setFilter({ search: '', severity: 'all', integration: 'all' })}
              >
                ${localize('list.clear_filters')}
              </button>
            </div>`
          : this.narrow
            ? incidentCards(slice, this.rowsView())
            : incidentTable(slice, this.rowsView())
      }`;
  }

  /** What the rows and the column headers need. */
  private rowsView(): RowsView {
    return {
      filter: this.filter,
      basePath: this.basePath,
      locale: this.locale,
      onLinkClick: this.onLinkClick,
      onRowClick: this.onRowClick,
      onSort: this.onSort,
    };
  }

  static override styles = [baseStyles, listStyles];
}

if (!customElements.get('llm-ops-incident-list')) {
  customElements.define('llm-ops-incident-list', LlmOpsIncidentList);
}
