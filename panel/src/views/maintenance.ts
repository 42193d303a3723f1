/**
 * `llm-ops-maintenance`: maintenance mode at the top of the list. Administrators start it for
 * a chosen time ("no incident opens meanwhile") and end it; while it is on everyone sees
 * "Maintenance until 14:30" (in Home Assistant's time zone). When a window ended, one notice
 * sums it up — what failed during it and what still fails — until it is put away.
 */
import { mdiClose, mdiWrenchClock, mdiWrenchCheckOutline } from '@mdi/js';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import {
  baseStyles,
  clockTime,
  dateTime,
  icon,
  localize,
  localizePlural,
  type PanelSource,
  type MaintenanceState,
  type MaintenanceSummary,
} from '../shared/index.js';

/** The durations offered, in minutes (the integration's select offers the same). */
export const MAINTENANCE_CHOICES: readonly number[] = [30, 60, 120, 240];

/** Where the end of the last summary put away is remembered (per browser). */
const SEEN_KEY = 'llm-ops-maintenance-seen';
/** A summary older than this is not shown any more. */
const SUMMARY_SHOWN_MS = 24 * 3600 * 1000;

function seenSummary(): string | null {
  try {
    return localStorage.getItem(SEEN_KEY);
  } catch {
    return null;
  }
}

export class LlmOpsMaintenance extends LitElement {
  static override properties = {
    state: { attribute: false },
    source: { attribute: false },
    canDecide: { type: Boolean },
    locale: { type: String },
    _minutes: { state: true },
    _busy: { state: true },
    _error: { state: true },
    _seen: { state: true },
  };

  declare state: MaintenanceState | undefined;
  declare source: PanelSource | undefined;
  declare canDecide: boolean;
  declare locale: string | undefined;
  declare private _minutes: number;
  declare private _busy: boolean;
  declare private _error: string | undefined;
  declare private _seen: string | null;

  constructor() {
    super();
    this.canDecide = false;
    this._minutes = 60;
    this._busy = false;
    this._seen = seenSummary();
  }

  private async run(fn: (source: PanelSource) => Promise<unknown>): Promise<void> {
    const source = this.source;
    if (!source || this._busy) return;
    this._busy = true;
    this._error = undefined;
    try {
      await fn(source);
      this.dispatchEvent(new CustomEvent('maintenance-changed', { bubbles: true, composed: true }));
    } catch (err) {
      this._error = err instanceof Error ? err.message : String(err);
    } finally {
      this._busy = false;
    }
  }

  private putAway(summary: MaintenanceSummary): void {
    this._seen = summary.ended_at;
    try {
      localStorage.setItem(SEEN_KEY, summary.ended_at);
    } catch {
      // private mode: shown again next time
    }
  }

  private active(state: MaintenanceState): TemplateResult {
    const held = state.failed_count;
    return html`<div class="row on" data-field="maintenance" data-active="true">
      ${icon(mdiWrenchClock)}
      <div class="text">
        <strong
          >${localize('maintenance.until', { time: clockTime(state.until, this.locale) })}</strong
        >
        <span class="secondary small">
          ${
            held
              ? localizePlural('maintenance.seen_so_far', held)
              : localize('maintenance.no_incident')
          }
        </span>
      </div>
      ${
        this.canDecide
          ? html`<button
              class="btn"
              data-action="end-maintenance"
              ?disabled=${this._busy}
              @click=${() => void this.run((s) => s.endMaintenance())}
            >
              ${localize('maintenance.end')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private off(): TemplateResult | typeof nothing {
    if (!this.canDecide) return nothing;
    return html`<div class="row" data-field="maintenance" data-active="false">
      ${icon(mdiWrenchClock)}
      <label class="text" for="maintenance-minutes">
        <span>${localize('maintenance.label')}</span>
        <span class="secondary small">${localize('maintenance.help')}</span>
      </label>
      <select
        id="maintenance-minutes"
        .value=${String(this._minutes)}
        @change=${(ev: Event) => (this._minutes = Number((ev.target as HTMLSelectElement).value))}
      >
        ${MAINTENANCE_CHOICES.map((m) => this.option(m, localize(`maintenance.choice.${m}`)))}
      </select>
      <button
        class="btn"
        data-action="start-maintenance"
        ?disabled=${this._busy}
        @click=${() => void this.run((s) => s.startMaintenance(this._minutes))}
      >
        ${localize('maintenance.start')}
      </button>
    </div>`;
  }

  private option(minutes: number, label: string): TemplateResult {
    return html`<option value=${minutes} ?selected=${minutes === this._minutes}>${label}</option>`;
  }

  private summary(s: MaintenanceSummary): TemplateResult | typeof nothing {
    if (s.ended_at === this._seen) return nothing;
    if (Date.now() - Date.parse(s.ended_at) > SUMMARY_SHOWN_MS) return nothing;
    const still = s.failures.filter((f) => f.still_failing);
    return html`<div class="banner summary" role="status" data-field="maintenance-summary">
      ${icon(mdiWrenchCheckOutline)}
      <div class="text">
        <p>
          <strong
            >${localize('maintenance.ended_at', { time: clockTime(s.ended_at, this.locale) })}</strong
          >
          <span class="secondary small" title=${dateTime(s.started_at, this.locale)}>
            (${localize(s.ended_by === 'time' ? 'maintenance.time_up' : 'maintenance.ended_early')})</span
          >:
          ${
            s.failed_count
              ? localizePlural(
                  s.still_failing_count ? 'maintenance.failures_still' : 'maintenance.failures',
                  s.failed_count,
                  { still: s.still_failing_count },
                )
              : localize('maintenance.nothing_failed')
          }
        </p>
        ${
          s.failures.length
            ? html`<ul>
                ${s.failures.map(
                  (f) =>
                    html`<li data-still=${f.still_failing}>
                      ${f.title}
                      <span class="secondary small">
                        ${f.integration ? html`<span class="mono">${f.integration}</span> · ` : ''}
                        ${f.occurrences}× ·
                        ${localize(f.still_failing ? 'maintenance.still_failing' : 'maintenance.cleared')}
                      </span>
                    </li>`,
                )}
              </ul>`
            : nothing
        }
        ${
          still.length === 0 && s.failed_count > 0
            ? html`<p class="secondary small">${localize('maintenance.recovered')}</p>`
            : nothing
        }
      </div>
      <button
        class="icon-btn"
        aria-label=${localize('maintenance.put_away')}
        title=${localize('maintenance.put_away_short')}
        @click=${() => this.putAway(s)}
      >
        ${icon(mdiClose)}
      </button>
    </div>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const state = this.state;
    if (!state) return nothing;
    const main = state.active ? this.active(state) : this.off();
    const summary = state.last_summary ? this.summary(state.last_summary) : nothing;
    if (main === nothing && summary === nothing) return nothing;
    return html`<section class="card maintenance" aria-label="Maintenance">
      ${main} ${summary}
      ${this._error ? html`<p class="error-text" role="alert">${this._error}</p>` : nothing}
    </section>`;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      section.maintenance {
        padding: 8px 16px;
        display: grid;
        gap: 8px;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 12px;
      }
      .row.on > .icon {
        color: var(--warning-color, #ffa600);
      }
      .text {
        flex: 1 1 14em;
        display: flex;
        flex-direction: column;
      }
      select {
        font: inherit;
        min-height: 36px;
        padding: 0 8px;
        border-radius: 8px;
        border: 1px solid var(--divider-color, #e0e0e0);
        background: transparent;
        color: inherit;
      }
      .banner.summary .text {
        gap: 4px;
      }
      ul {
        margin: 0;
        padding-left: 20px;
      }
      .small {
        font-size: 12px;
      }
      .error-text {
        color: var(--error-color, #db4437);
        margin: 0;
      }
    `,
  ];
}

if (!customElements.get('llm-ops-maintenance')) {
  customElements.define('llm-ops-maintenance', LlmOpsMaintenance);
}
