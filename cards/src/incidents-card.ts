/**
 * `llm-ops-incidents-card`: the open incidents with counts by severity. Tapping an incident
 * opens it in the LLM Ops panel (administrators; the panel is admin-only); tapping the
 * counts opens the configured entity's more-info dialog. Administrators can mark an
 * incident "not a problem" (a false alarm) from here, after a confirmation.
 */
import { mdiBellOffOutline, mdiCheckCircle, mdiOpenInNew } from '@mdi/js';
import type { HomeAssistant } from 'custom-card-helpers';
import { handleAction, navigate } from 'custom-card-helpers';
import { html, nothing, type TemplateResult } from 'lit';
import {
  ConfirmController,
  SEVERITY_ICONS,
  SEVERITY_LABELS,
  SEVERITY_RANK,
  STATUS_LABELS,
  baseStyles,
  countBySeverity,
  icon,
  localize,
  relativeTime,
  setLanguage,
  type HaIncidentSource,
  type Incident,
  type IncidentPage,
} from '@ha-llm-ops/panel/shared';
import { LlmOpsCardBase } from './card-base.js';
import { cardStyles, incidentsCardStyles } from './card-styles.js';
import {
  INCIDENTS_DEFAULTS,
  SEVERITIES,
  checkIncidentsConfig,
  severitiesFrom,
  type IncidentsCardConfig,
} from './config.js';

/** Where the integration registers its panel. */
export const PANEL_PATH = '/llm-ops';

declare global {
  interface HTMLElementTagNameMap {
    'llm-ops-incidents-card': LlmOpsIncidentsCard;
  }
}

const NO_INCIDENTS: Incident[] = [];

export class LlmOpsIncidentsCard extends LlmOpsCardBase<IncidentsCardConfig, IncidentPage> {
  private readonly confirm = new ConfirmController(this);
  /** Why marking the last false alarm failed. */
  private markError: string | undefined;

  private get items(): Incident[] {
    return this.data.value?.items ?? NO_INCIDENTS;
  }

  private get total(): number {
    return this.data.value?.total ?? 0;
  }

  static getConfigElement(): HTMLElement {
    return document.createElement('llm-ops-incidents-card-editor');
  }

  /** The configuration a new card starts with (HA adds `type`). */
  static getStubConfig(hass?: HomeAssistant): Omit<IncidentsCardConfig, 'type'> {
    const entity = 'sensor.llm_ops_open_incidents';
    setLanguage(hass?.locale?.language ?? hass?.language);
    return {
      title: localize('card.incidents.title'),
      max_items: INCIDENTS_DEFAULTS.max_items,
      show_counts: true,
      ...(hass?.states?.[entity] ? { entity } : {}),
    };
  }

  protected checkConfig(config: unknown): IncidentsCardConfig {
    return checkIncidentsConfig(config);
  }

  private get maxItems(): number {
    return this._config?.max_items ?? INCIDENTS_DEFAULTS.max_items;
  }

  /** Masonry height in units of 50 px. */
  getCardSize(): number {
    const rows = this.data.loaded ? Math.max(1, Math.min(this.items.length, this.maxItems)) : 2;
    return 1 + (this._config?.show_counts === false ? 0 : 1) + rows;
  }

  /** Sections view: half the width by default, never narrower than a third. */
  getGridOptions(): { columns: number; min_columns: number; min_rows: number } {
    return { columns: 6, min_columns: 4, min_rows: 2 };
  }

  protected fetchData(source: HaIncidentSource): Promise<IncidentPage> {
    const c = this._config;
    const severity = severitiesFrom(c?.min_severity);
    return source.incidents({
      active: true,
      limit: 500,
      ...(severity.length < SEVERITIES.length ? { severity } : {}),
      ...(c?.integration ? { integration: c.integration } : {}),
    });
  }

  private open(path: string): void {
    navigate(this, path);
  }

  private onIncidentClick = (ev: MouseEvent) => {
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    const href = (ev.currentTarget as HTMLAnchorElement).getAttribute('href');
    if (!href) return;
    ev.preventDefault();
    this.open(href);
  };

  private onCountsClick = () => {
    const entity = this._config?.entity;
    if (entity && this.hass) {
      handleAction(this, this.hass, { entity, tap_action: { action: 'more-info' } }, 'tap');
    }
  };

  private async onFalseAlarm(i: Incident): Promise<void> {
    const answer = await this.confirm.ask({
      heading: localize('card.false_alarm.heading'),
      body: html`<p>${localize('card.false_alarm.body', { title: i.title })}</p>`,
      confirmLabel: localize('card.false_alarm.confirm'),
      reason: { label: localize('card.false_alarm.reason') },
    });
    const source = this.source;
    if (!answer || !source) return;
    this.markError = undefined;
    try {
      await source.markFalseAlarm(i.id, answer.reason || undefined);
    } catch (err) {
      this.markError = err instanceof Error ? err.message : String(err);
    }
    this.reload();
  }

  protected override render(): TemplateResult {
    const c = this._config;
    if (!c) return html``;
    const title = c.title ?? localize('card.incidents.title');
    return html`<ha-card>
      <div class="header">
        <h2>
          ${title}
          ${this.data.loaded ? html`<span class="badge" data-field="total">${this.total}</span>` : nothing}
        </h2>
        ${
          this._canDecide
            ? html`<a
                class="icon-btn"
                href=${PANEL_PATH}
                aria-label=${localize('card.open_panel')}
                title=${localize('card.open_panel')}
                @click=${this.onIncidentClick}
                >${icon(mdiOpenInNew)}</a
              >`
            : nothing
        }
      </div>
      <div class="content">${this.renderContent(c)}</div>
      ${this.confirm.render()}
    </ha-card>`;
  }

  private renderContent(c: IncidentsCardConfig): TemplateResult {
    const waiting = this.renderLoadState();
    if (waiting) return waiting;
    const items = [...this.items].sort(
      (a, b) =>
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        (a.last_seen < b.last_seen ? 1 : -1),
    );
    const shown = items.slice(0, this.maxItems);
    const counts = countBySeverity(this.items);
    const countsView =
      c.show_counts === false
        ? nothing
        : html`<div class="counts" aria-label=${localize('card.incidents.counts')}>
            ${severitiesFrom(c.min_severity).map(
              (s) =>
                html`<span class="chip ${s} ${counts[s] ? '' : 'zero'}" data-severity=${s}
                  >${icon(SEVERITY_ICONS[s])}<strong>${counts[s]}</strong>
                  ${SEVERITY_LABELS[s]}</span
                >`,
            )}
          </div>`;
    return html`${
      c.entity && c.show_counts !== false
        ? html`<button
            class="counts-button"
            aria-label=${localize('card.incidents.show_entity', { entity: c.entity })}
            @click=${this.onCountsClick}
          >
            ${countsView}
          </button>`
        : countsView
    }
    ${this.data.error ? html`<p class="error-text" role="alert">${this.data.error.message}</p>` : nothing}
    ${this.markError ? html`<p class="error-text" role="alert">${this.markError}</p>` : nothing}
    ${
      shown.length === 0
        ? html`<div class="state ok">
            ${icon(mdiCheckCircle)}
            <p>${localize('card.incidents.empty')}</p>
          </div>`
        : html`<ul class="list incidents">
            ${shown.map((i) => this.renderItem(i))}
          </ul>`
    }
    ${
      this.total > shown.length && this._canDecide
        ? html`<a class="more" href=${PANEL_PATH} @click=${this.onIncidentClick}
            >${localize('card.incidents.more', { count: this.total - shown.length })}</a
          >`
        : nothing
    }`;
  }

  private renderItem(i: Incident): TemplateResult {
    const body = html`<span class="sev-icon ${i.severity}"
        >${icon(SEVERITY_ICONS[i.severity], SEVERITY_LABELS[i.severity])}</span
      >
      <span class="text">
        <span class="title">${i.title}</span>
        <span class="secondary meta"
          >${i.integration ?? '–'} · ${STATUS_LABELS[i.status]} · ${i.occurrences}× ·
          ${relativeTime(i.last_seen, this.locale)}</span
        >
      </span>`;
    return html`<li data-id=${i.id}>
      ${
        this._canDecide
          ? html`<a
              class="row"
              href="${PANEL_PATH}/incident/${encodeURIComponent(i.id)}"
              @click=${this.onIncidentClick}
              >${body}</a
            >`
          : html`<div class="row">${body}</div>`
      }
      ${
        this._canDecide
          ? html`<button
              class="icon-btn"
              data-action="false-alarm"
              aria-label=${localize('card.false_alarm.label', { title: i.title })}
              title=${localize('card.false_alarm.confirm')}
              @click=${() => void this.onFalseAlarm(i)}
            >
              ${icon(mdiBellOffOutline)}
            </button>`
          : nothing
      }
    </li>`;
  }

  static override styles = [baseStyles, cardStyles, incidentsCardStyles];
}

if (!customElements.get('llm-ops-incidents-card')) {
  customElements.define('llm-ops-incidents-card', LlmOpsIncidentsCard);
}
