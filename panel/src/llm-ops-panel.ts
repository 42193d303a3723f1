/**
 * `llm-ops-panel`: the LLM Ops sidebar panel. HA gives it `hass`, `narrow`, `route` and
 * `panel`; everything it shows comes through an IncidentSource — by default the llm_ops
 * integration's WebSocket commands and subscription, on the add-on's ingress page the
 * sidecar's HTTP API. Routes: `<prefix>` (incident list, and below it what is kept quiet)
 * and `<prefix>/incident/<id>`.
 */
import type { HomeAssistant } from 'custom-card-helpers';
import { fireEvent } from 'custom-card-helpers';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { HaPanelSource } from './data/ha-panel-source.js';
import { PanelData } from './data/panel-data.js';
import { DEFAULT_FILTER, type ListFilter } from './list/filter.js';
import { setLanguage } from './i18n/index.js';
import { announcementFor } from './announcements.js';
import { panelStyles } from './panel-styles.js';
import { PanelRouter, type PanelInfo, type PanelRoute, type PanelView } from './route.js';
import {
  baseStyles,
  clockTime,
  type Incident,
  type PanelSource,
  type OpsEvent,
  haTimeZone,
  showTimesIn,
} from './shared/index.js';
import type { LlmOpsIncidentDetail } from './views/incident-detail.js';
import './views/incident-detail.js';
import './views/incident-list.js';
import './views/maintenance.js';
import './views/quiet-list.js';
import { pendingProposals } from './views/pending-proposals.js';
import { panelProblems } from './views/problems.js';
import { statusSummary } from './views/status-summary.js';
import { panelToolbar } from './views/toolbar.js';

export { viewOf, type PanelInfo, type PanelRoute, type PanelView } from './route.js';

const NO_INCIDENTS: Incident[] = [];

declare global {
  interface HTMLElementTagNameMap {
    'llm-ops-panel': LlmOpsPanel;
  }
  interface HASSDomEvents {
    'hass-toggle-menu': undefined;
  }
}

export class LlmOpsPanel extends LitElement {
  static override properties = {
    narrow: { type: Boolean, reflect: true },
    dark: { type: Boolean, reflect: true },
    route: { attribute: false },
    panel: { attribute: false },
    source: { attribute: false },
    _filter: { state: true },
    _announcement: { state: true },
    _canDecide: { state: true },
    _locale: { state: true },
    _timeZone: { state: true },
  };

  declare narrow: boolean;
  /** Dark colour scheme for native controls; follows HA's theme. */
  declare dark: boolean;
  declare route: PanelRoute | undefined;
  declare panel: PanelInfo | undefined;
  /** Set to use another data source than HA's WebSocket API (ingress page, tests). */
  declare source: PanelSource | undefined;

  declare private _filter: ListFilter;
  declare private _announcement: string;
  declare private _canDecide: boolean;
  declare private _locale: string | undefined;
  /** Home Assistant's time zone, in which dates are shown. */
  declare private _timeZone: string | undefined;

  private _hass: HomeAssistant | undefined;
  private haSource: HaPanelSource | undefined;
  private readonly router = new PanelRouter(this);
  private readonly data = new PanelData(this, {
    statusFilter: () => this._filter.status,
    reloading: () => this.detailElement()?.refresh(0),
    pushed: (event) => this.onPushed(event),
  });

  constructor() {
    super();
    this.narrow = false;
    this.dark = false;
    this._filter = DEFAULT_FILTER;
    this._announcement = '';
    this._canDecide = false;
  }

  /** HA's frontend object; replaced on every state change, so only what matters re-renders. */
  get hass(): HomeAssistant | undefined {
    return this._hass;
  }

  set hass(hass: HomeAssistant | undefined) {
    const old = this._hass;
    this._hass = hass;
    if (!hass) return;
    if (!this.haSource || old?.connection !== hass.connection) {
      this.haSource = new HaPanelSource(hass);
      if (!this.source) this.restart();
    } else {
      this.haSource.hass = hass;
    }
    const dark = (hass.themes as { darkMode?: boolean } | undefined)?.darkMode === true;
    if (dark !== this.dark) this.dark = dark;
    const locale = hass.locale?.language ?? hass.language;
    // HA's language for the words: a change re-renders through `_locale`.
    setLanguage(locale);
    if (locale !== this._locale) this._locale = locale;
    // The zone is shared by every view: set it each time (a panel made anew starts unset).
    const zone = haTimeZone(hass);
    showTimesIn(zone);
    if (zone !== this._timeZone) this._timeZone = zone;
    this.syncCanDecide();
  }

  private get activeSource(): PanelSource | undefined {
    return this.source ?? this.haSource;
  }

  private syncCanDecide(): void {
    const can = this.activeSource?.canDecide ?? false;
    if (can !== this._canDecide) this._canDecide = can;
  }

  /** The view the route asks for. */
  get view(): PanelView {
    return this.router.view;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.data.running) this.restart();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source')) {
      this.syncCanDecide();
      this.restart();
    }
    // Without HA's frontend (the ingress page), the sidecar's status names HA's time zone.
    const zone = this.data.status.value?.time_zone;
    if (!this._hass && zone) showTimesIn(zone);
  }

  private restart(): void {
    const source = this.activeSource;
    if (!source || !this.isConnected || source === this.data.running) return;
    this.data.start(source);
  }

  /** Reload the list, the status and the pending proposals (and the open incident). */
  loadAll(): Promise<void> {
    return this.data.loadAll();
  }

  private detailElement(): LlmOpsIncidentDetail | null {
    return this.renderRoot?.querySelector('llm-ops-incident-detail') ?? null;
  }

  private onPushed(event: OpsEvent): void {
    const said = announcementFor(event);
    if (said !== undefined) this._announcement = said;
    if (event.kind === 'maintenance') return;
    const detail = this.detailElement();
    if (detail && detail.incidentId === event.data.incident_id) detail.refresh();
  }

  private onSelected = (ev: CustomEvent<{ id: string }>) => {
    this.router.go(`/incident/${encodeURIComponent(ev.detail.id)}`);
  };

  private onFilter = (ev: CustomEvent<ListFilter>) => {
    const statusChanged = ev.detail.status !== this._filter.status;
    this._filter = ev.detail;
    if (statusChanged) this.data.filterChanged();
  };

  private toggleMenu = () => {
    fireEvent(this, 'hass-toggle-menu');
  };

  protected override render(): TemplateResult {
    const { view, basePath } = this.router;
    const { list, pending } = this.data;
    const status = this.data.status.value;
    const items = list.value?.items ?? NO_INCIDENTS;
    return html`${panelToolbar({
        title: this.panel?.title ?? 'LLM Ops',
        menu: this.narrow && this._hass !== undefined,
        backTo: view.name === 'detail' ? basePath : undefined,
        mode: status?.mode,
        maintenanceUntil: status?.maintenance?.active
          ? clockTime(status.maintenance.until, this._locale)
          : undefined,
        onMenu: this.toggleMenu,
        onLink: this.router.onLinkClick,
        onRefresh: () => void this.loadAll(),
      })}
      <main class="content">
        <div class="inner">
          ${panelProblems(list.error, status, list.loaded, () => void this.loadAll())}
          ${
            view.name === 'list'
              ? html`${status ? statusSummary(status, this._locale, this.narrow) : nothing}
                  <llm-ops-maintenance
                    .state=${status?.maintenance}
                    .source=${this.data.running}
                    ?canDecide=${this._canDecide}
                    .locale=${this._locale}
                    @maintenance-changed=${() => this.data.changed()}
                  ></llm-ops-maintenance>
                  ${pendingProposals({
                    pending: pending.value ?? [],
                    items,
                    canDecide: this._canDecide,
                    basePath: basePath,
                    locale: this._locale,
                    onLinkClick: this.router.onLinkClick,
                  })}`
              : nothing
          }
          ${
            list.error?.kind === 'not_loaded'
              ? nothing
              : html`<llm-ops-incident-list
                  ?hidden=${view.name !== 'list'}
                  .items=${items}
                  .total=${list.value?.total ?? items.length}
                  .filter=${this._filter}
                  .loading=${list.loading}
                  .loaded=${list.loaded}
                  .basePath=${basePath}
                  .locale=${this._locale}
                  ?narrow=${this.narrow}
                  @filter-changed=${this.onFilter}
                  @incident-selected=${this.onSelected}
                ></llm-ops-incident-list>`
          }
          ${
            view.name === 'list' && this._canDecide && list.error?.kind !== 'not_loaded'
              ? html`<llm-ops-quiet-list
                  .source=${this.data.running}
                  .revision=${list.value}
                  .locale=${this._locale}
                ></llm-ops-quiet-list>`
              : nothing
          }
          ${
            view.name === 'detail'
              ? html`<llm-ops-incident-detail
                  .source=${this.data.running}
                  .tracker=${this.data.tracker}
                  .incidentId=${view.id}
                  .canDecide=${this._canDecide}
                  .locale=${this._locale}
                  ?narrow=${this.narrow}
                  @incident-changed=${() => this.data.changed()}
                ></llm-ops-incident-detail>`
              : nothing
          }
        </div>
      </main>
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>`;
  }

  static override styles = [baseStyles, panelStyles];
}

if (!customElements.get('llm-ops-panel')) {
  customElements.define('llm-ops-panel', LlmOpsPanel);
}
