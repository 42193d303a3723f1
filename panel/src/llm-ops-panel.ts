/**
 * `llm-ops-panel`: the LLM Ops sidebar panel. HA gives it `hass`, `narrow`, `route` and
 * `panel`; everything it shows comes through an IncidentSource — by default the llm_ops
 * integration's WebSocket commands and subscription, on the add-on's ingress page the
 * sidecar's HTTP API. Routes: `<prefix>` (incident list) and `<prefix>/incident/<id>`.
 */
import {
  mdiAlertCircleOutline,
  mdiArrowLeft,
  mdiCloudOffOutline,
  mdiMenu,
  mdiRefresh,
} from '@mdi/js';
import type { HomeAssistant } from 'custom-card-helpers';
import { fireEvent, navigate } from 'custom-card-helpers';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { HaIncidentSource } from './data/ha-source.js';
import { ProposalTracker } from './data/proposal-tracker.js';
import {
  SourceError,
  type ActionProposal,
  type Incident,
  type IncidentQuery,
  type IncidentSource,
  type OpsEvent,
  type OpsStatus,
} from './data/types.js';
import { DEFAULT_FILTER, matchesStatus, statusQuery, type ListFilter } from './list/filter.js';
import { relativeTime } from './ui/format.js';
import { icon } from './ui/icons.js';
import { riskChip } from './ui/proposal-view.js';
import { baseStyles } from './ui/styles.js';
import type { LlmOpsIncidentDetail } from './views/incident-detail.js';
import './views/incident-detail.js';
import './views/incident-list.js';
import { MODE_LABELS, statusSummary } from './views/status-summary.js';

/** Where the frontend says the panel is: `/llm-ops` + `/incident/<id>`. */
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

/** Incidents loaded at most (the back end pages by 500). */
const MAX_INCIDENTS = 2000;
const PAGE = 500;
/** Retry while the sidecar is offline or the subscription is unavailable. */
const RETRY_MS = 15_000;
const POLL_MS = 30_000;
const EVENT_REFRESH_MS = 800;

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

/** Every incident matching the query, page by page, up to MAX_INCIDENTS. */
async function fetchAll(
  source: IncidentSource,
  query: IncidentQuery,
): Promise<{ items: Incident[]; total: number }> {
  const first = await source.incidents({ ...query, limit: PAGE, offset: 0 });
  const items = [...first.items];
  while (items.length < Math.min(first.total, MAX_INCIDENTS)) {
    const page = await source.incidents({ ...query, limit: PAGE, offset: items.length });
    if (page.items.length === 0) break;
    items.push(...page.items);
  }
  return { items, total: first.total };
}

const asSourceError = (err: unknown) =>
  err instanceof SourceError ? err : new SourceError('failed', String(err));

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
    _items: { state: true },
    _total: { state: true },
    _loaded: { state: true },
    _loadingList: { state: true },
    _listError: { state: true },
    _status: { state: true },
    _pending: { state: true },
    _filter: { state: true },
    _announcement: { state: true },
    _canDecide: { state: true },
    _locale: { state: true },
  };

  declare narrow: boolean;
  /** Dark colour scheme for native controls; follows HA's theme. */
  declare dark: boolean;
  declare route: PanelRoute | undefined;
  declare panel: PanelInfo | undefined;
  /** Set to use another data source than HA's WebSocket API (ingress page, tests). */
  declare source: IncidentSource | undefined;

  declare private _items: Incident[];
  declare private _total: number;
  declare private _loaded: boolean;
  declare private _loadingList: boolean;
  declare private _listError: SourceError | undefined;
  /** undefined: not loaded yet; null: the back end cannot tell. */
  declare private _status: OpsStatus | null | undefined;
  declare private _pending: ActionProposal[];
  declare private _filter: ListFilter;
  declare private _announcement: string;
  declare private _canDecide: boolean;
  declare private _locale: string | undefined;

  private _hass: HomeAssistant | undefined;
  private haSource: HaIncidentSource | undefined;
  /** The source the panel is started on, its tracker and subscription. */
  private running: IncidentSource | undefined;
  private tracker: ProposalTracker | undefined;
  private unsubscribe: (() => void) | undefined;
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private listSeq = 0;
  private listScroll = 0;

  constructor() {
    super();
    this.narrow = false;
    this.dark = false;
    this._items = [];
    this._total = 0;
    this._loaded = false;
    this._loadingList = false;
    this._pending = [];
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
      this.haSource = new HaIncidentSource(hass);
      if (!this.source) this.restart();
    } else {
      this.haSource.hass = hass;
    }
    const dark = (hass.themes as { darkMode?: boolean } | undefined)?.darkMode === true;
    if (dark !== this.dark) this.dark = dark;
    const locale = hass.locale?.language ?? hass.language;
    if (locale !== this._locale) this._locale = locale;
    this.syncCanDecide();
  }

  private get activeSource(): IncidentSource | undefined {
    return this.source ?? this.haSource;
  }

  private syncCanDecide(): void {
    const can = this.activeSource?.canDecide ?? false;
    if (can !== this._canDecide) this._canDecide = can;
  }

  /** The view the route asks for. */
  get view(): PanelView {
    return viewOf(this.route);
  }

  private get basePath(): string {
    return this.route?.prefix ?? `/${this.panel?.url_path ?? 'llm-ops'}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.running) this.restart();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source')) {
      this.syncCanDecide();
      this.restart();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('route')) {
      const before = viewOf(changed.get('route') as PanelRoute | undefined);
      const now = this.view;
      const content = this.renderRoot.querySelector<HTMLElement>('.content');
      if (content && before.name !== now.name) {
        // Back on the list, return to where the user was; a new incident starts at the top.
        content.scrollTop = now.name === 'list' ? this.listScroll : 0;
      }
    }
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.tracker?.dispose();
    this.tracker = undefined;
    this.running = undefined;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private restart(): void {
    const source = this.activeSource;
    if (!source || !this.isConnected) return;
    if (source === this.running) return;
    this.stop();
    this.running = source;
    this.tracker = new ProposalTracker(source);
    this._items = [];
    this._loaded = false;
    this._status = undefined;
    this._pending = [];
    this._listError = undefined;
    void this.loadAll();
    source
      .subscribe(this.onEvent, () => void this.loadAll())
      .then(
        (unsub) => {
          if (this.running === source) this.unsubscribe = unsub;
          else unsub();
        },
        () => {
          // No push (older integration, or none over HTTP): poll instead.
          if (this.running === source && !this.pollTimer) {
            this.pollTimer = setInterval(() => void this.loadAll(), POLL_MS);
          }
        },
      );
  }

  /** Reload the list, the status and the pending proposals (and the open incident). */
  async loadAll(): Promise<void> {
    this.detailElement()?.refresh(0);
    await Promise.all([this.loadList(), this.loadStatus(), this.loadPending()]);
  }

  private later(key: string, ms: number, fn: () => void): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        fn();
      }, ms),
    );
  }

  private async loadList(): Promise<void> {
    const source = this.running;
    if (!source) return;
    const seq = ++this.listSeq;
    this._loadingList = true;
    try {
      const { items, total } = await fetchAll(source, statusQuery(this._filter.status));
      if (seq !== this.listSeq) return;
      this._items = items;
      this._total = total;
      this._listError = undefined;
      this._loaded = true;
    } catch (err) {
      if (seq !== this.listSeq) return;
      this._listError = asSourceError(err);
      if (this._listError.kind === 'offline' || this._listError.kind === 'not_loaded') {
        this.later('retry', RETRY_MS, () => void this.loadAll());
      }
    } finally {
      if (seq === this.listSeq) this._loadingList = false;
    }
  }

  private async loadStatus(): Promise<void> {
    const source = this.running;
    if (!source) return;
    try {
      const status = await source.status();
      if (source === this.running) this._status = status;
    } catch {
      // the list shows why; keep the last status
    }
  }

  private async loadPending(): Promise<void> {
    const source = this.running;
    if (!source) return;
    try {
      const pending = await source.proposals();
      if (source !== this.running) return;
      this._pending = pending;
      this.tracker?.upsert(pending);
    } catch {
      // the list shows why
    }
  }

  private detailElement(): LlmOpsIncidentDetail | null {
    return this.renderRoot?.querySelector('llm-ops-incident-detail') ?? null;
  }

  private onEvent = (event: OpsEvent): void => {
    if (event.kind === 'incident') {
      const e = event.data;
      const at = this._items.findIndex((i) => i.id === e.incident_id);
      if (at >= 0) {
        const before = this._items[at] as Incident;
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
          last_seen:
            e.occurrences > before.occurrences ? new Date().toISOString() : before.last_seen,
        };
        const items = [...this._items];
        if (matchesStatus(updated.status, this._filter.status)) items[at] = updated;
        else items.splice(at, 1);
        this._items = items;
      }
      if (e.change === 'opened') this._announcement = `New incident: ${e.title}`;
      else if (e.change === 'resolved') this._announcement = `Resolved: ${e.title}`;
      this.later('list', EVENT_REFRESH_MS, () => void this.loadList());
    } else {
      this.tracker?.applyEvent(event.data);
      this.later('pending', EVENT_REFRESH_MS, () => void this.loadPending());
    }
    this.later('status', EVENT_REFRESH_MS, () => void this.loadStatus());
    const detail = this.detailElement();
    if (detail && detail.incidentId === event.data.incident_id) detail.refresh();
  };

  private go(path: string): void {
    const content = this.renderRoot.querySelector<HTMLElement>('.content');
    if (this.view.name === 'list' && content) this.listScroll = content.scrollTop;
    navigate(this, `${this.basePath}${path}`);
  }

  private onSelected = (ev: CustomEvent<{ id: string }>) => {
    this.go(`/incident/${encodeURIComponent(ev.detail.id)}`);
  };

  private onFilter = (ev: CustomEvent<ListFilter>) => {
    const statusChanged = ev.detail.status !== this._filter.status;
    this._filter = ev.detail;
    if (statusChanged) {
      this._loaded = false;
      this._items = [];
      void this.loadList();
    }
  };

  private onIncidentChanged = () => {
    this.later('list', 0, () => void this.loadList());
    this.later('status', 0, () => void this.loadStatus());
    this.later('pending', 0, () => void this.loadPending());
  };

  private onLinkClick = (ev: MouseEvent) => {
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    const path = (ev.currentTarget as HTMLElement).dataset.path;
    if (path === undefined) return;
    ev.preventDefault();
    this.go(path);
  };

  private toggleMenu = () => {
    fireEvent(this, 'hass-toggle-menu');
  };

  protected override render(): TemplateResult {
    const view = this.view;
    return html`<header class="toolbar">
        ${
          this.narrow && this._hass
            ? html`<button class="icon-btn" aria-label="Open the sidebar" @click=${this.toggleMenu}>
                ${icon(mdiMenu)}
              </button>`
            : nothing
        }
        ${
          view.name === 'detail'
            ? html`<a
                class="icon-btn back"
                href=${this.basePath}
                data-path=""
                aria-label="Back to the incidents"
                title="Back to the incidents"
                @click=${this.onLinkClick}
                >${icon(mdiArrowLeft)}</a
              >`
            : nothing
        }
        <h1>${this.panel?.title ?? 'LLM Ops'}</h1>
        <span class="spacer"></span>
        ${
          this._status
            ? html`<span class="mode-chip" data-mode=${this._status.mode} title="Mode"
                >${MODE_LABELS[this._status.mode]}</span
              >`
            : nothing
        }
        <button
          class="icon-btn"
          aria-label="Refresh"
          title="Refresh"
          @click=${() => void this.loadAll()}
        >
          ${icon(mdiRefresh)}
        </button>
      </header>
      <main class="content">
        <div class="inner">
          ${this.renderProblems()} ${view.name === 'list' ? this.renderOverview() : nothing}
          ${
            this._listError?.kind === 'not_loaded'
              ? nothing
              : html`<llm-ops-incident-list
                  ?hidden=${view.name !== 'list'}
                  .items=${this._items}
                  .filter=${this._filter}
                  .loading=${this._loadingList}
                  .loaded=${this._loaded}
                  .basePath=${this.basePath}
                  .locale=${this._locale}
                  ?narrow=${this.narrow}
                  @filter-changed=${this.onFilter}
                  @incident-selected=${this.onSelected}
                ></llm-ops-incident-list>`
          }
          ${
            view.name === 'detail'
              ? html`<llm-ops-incident-detail
                  .source=${this.running}
                  .tracker=${this.tracker}
                  .incidentId=${view.id}
                  .canDecide=${this._canDecide}
                  .locale=${this._locale}
                  ?narrow=${this.narrow}
                  @incident-changed=${this.onIncidentChanged}
                ></llm-ops-incident-detail>`
              : nothing
          }
        </div>
      </main>
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>`;
  }

  private renderProblems(): TemplateResult | typeof nothing {
    const err = this._listError;
    if (err?.kind === 'not_loaded') {
      return html`<div class="state" role="alert">
        ${icon(mdiAlertCircleOutline)}
        <p><strong>LLM Ops is not set up</strong></p>
        <p class="secondary">
          Add the LLM Ops integration under Settings → Devices &amp; services and point it at the
          sidecar.
        </p>
        <p class="secondary">${err.message}</p>
      </div>`;
    }
    const offline = err?.kind === 'offline' || this._status?.connected === false;
    if (offline) {
      return html`<div class="banner offline" role="alert">
        ${icon(mdiCloudOffOutline)}
        <div>
          <p><strong>The LLM Ops sidecar cannot be reached</strong></p>
          <p>
            ${
              err?.message ??
              'Home Assistant lost the connection to the sidecar. Its add-on or service may be stopped.'
            }
            ${this._loaded ? html`What you see may be out of date.` : nothing}
          </p>
        </div>
        <button class="btn" @click=${() => void this.loadAll()}>Retry</button>
      </div>`;
    }
    if (err) {
      return html`<div class="banner error" role="alert">
        ${icon(mdiAlertCircleOutline)}
        <div>
          <p><strong>Could not load the incidents</strong></p>
          <p>${err.message}</p>
        </div>
        <button class="btn" @click=${() => void this.loadAll()}>Retry</button>
      </div>`;
    }
    return nothing;
  }

  private renderOverview(): TemplateResult {
    const titles = new Map(this._items.map((i) => [i.id, i.title]));
    return html`${this._status ? statusSummary(this._status, this._locale, this.narrow) : nothing}
    ${
      this._pending.length
        ? html`<section class="card pending" aria-labelledby="pending-h">
            <h2 id="pending-h">
              Waiting for approval <span class="badge">${this._pending.length}</span>
            </h2>
            ${
              this._canDecide
                ? nothing
                : html`<p class="secondary">An administrator can approve or reject these fixes.</p>`
            }
            <ul>
              ${this._pending.map(
                (p) =>
                  html`<li data-proposal=${p.id}>
                    <a
                      href="${this.basePath}/incident/${encodeURIComponent(p.incident_id)}"
                      data-path="/incident/${encodeURIComponent(p.incident_id)}"
                      @click=${this.onLinkClick}
                      >${p.preview.summary}</a
                    >
                    ${riskChip(p.risk)}
                    <span class="secondary small"
                      >${titles.get(p.incident_id) ?? ''}${titles.has(p.incident_id) ? ' · ' : ''}${relativeTime(
                        p.created_at,
                        this._locale,
                      )}</span
                    >
                  </li>`,
              )}
            </ul>
          </section>`
        : nothing
    }`;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        min-height: 100vh;
        background: var(--primary-background-color, #fafafa);
        box-sizing: border-box;
      }
      .toolbar {
        display: flex;
        align-items: center;
        gap: 4px;
        height: var(--header-height, 56px);
        flex: none;
        padding: 0 8px 0 16px;
        box-sizing: border-box;
        background: var(--app-header-background-color, var(--primary-color, #03a9f4));
        color: var(--app-header-text-color, var(--text-primary-color, #fff));
        border-bottom: var(--app-header-border-bottom, none);
      }
      :host([narrow]) .toolbar {
        padding-left: 4px;
      }
      .toolbar h1 {
        margin: 0 0 0 8px;
        font-size: 20px;
        font-weight: 400;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .toolbar a.icon-btn {
        color: inherit;
      }
      .spacer {
        flex: 1;
      }
      .mode-chip {
        font-size: 12px;
        font-weight: 500;
        padding: 2px 10px;
        border-radius: 12px;
        border: 1px solid currentColor;
        margin-right: 4px;
        white-space: nowrap;
      }
      .content {
        flex: 1;
        overflow: auto;
        -webkit-overflow-scrolling: touch;
      }
      .inner {
        max-width: 1200px;
        margin: 0 auto;
        padding: 16px;
        display: flex;
        flex-direction: column;
        gap: 16px;
        box-sizing: border-box;
      }
      :host([narrow]) .inner {
        padding: 8px;
        gap: 8px;
      }
      .status-summary {
        padding: 12px 16px;
        display: grid;
        grid-template-columns: minmax(220px, 1fr) 2fr;
        gap: 12px 24px;
        align-items: start;
      }
      :host([narrow]) .status-summary {
        grid-template-columns: 1fr;
      }
      .status-summary .banner {
        grid-column: 1 / -1;
      }
      .mode {
        display: flex;
        gap: 12px;
        align-items: flex-start;
      }
      .policy-details > summary {
        cursor: pointer;
        color: var(--primary-color, #03a9f4);
        padding: 4px 0;
      }
      .mode > .icon {
        color: var(--primary-color, #03a9f4);
      }
      .small {
        font-size: 12px;
      }
      .error-text {
        color: var(--error-color, #db4437);
      }
      .banner.error {
        --chip-color: var(--error-color, #db4437);
      }
      .banner.warning,
      .banner.offline {
        --chip-color: var(--warning-color, #ffa600);
      }
      .banner > div {
        flex: 1;
      }
      section.pending {
        padding: 12px 16px;
      }
      section.pending h2 {
        margin: 0 0 8px;
        font-size: 16px;
        font-weight: 500;
        display: flex;
        align-items: center;
        gap: 8px;
      }
      section.pending ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      section.pending li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 8px;
        padding: 6px 0;
        border-top: 1px solid var(--divider-color, #e0e0e0);
      }
      section.pending li:first-child {
        border-top: 0;
      }
      .state {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 4px;
        padding: 48px 16px;
        text-align: center;
      }
      .state p {
        margin: 0;
      }
      .state > .icon {
        width: 48px;
        height: 48px;
        color: var(--secondary-text-color, #727272);
      }
    `,
  ];
}

if (!customElements.get('llm-ops-panel')) {
  customElements.define('llm-ops-panel', LlmOpsPanel);
}
