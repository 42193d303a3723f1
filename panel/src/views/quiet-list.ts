/**
 * `llm-ops-quiet-list`: what this home asked to hear less of, below the incident list, for
 * administrators: the false-alarm rate, and every false alarm and ignored failure with
 * the reason, until when it applies, and a button to undo it; then what was learned quiet
 * (outages that end by themselves on a schedule), with their times and a button to reset.
 */
import { mdiBellOffOutline, mdiRestore, mdiUndo } from '@mdi/js';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  LoadController,
  baseStyles,
  dateTime,
  icon,
  localize,
  localizeParts,
  localizePlural,
  localizedLabels,
  percent,
  relativeTime,
  type PanelSource,
  type LearnedQuiet,
  type OutcomeStats,
  type Suppression,
} from '../shared/index.js';

interface Learned {
  items: Suppression[];
  outcomes: OutcomeStats | null;
  schedules: LearnedQuiet[];
}

const KIND_LABELS: Readonly<Record<Suppression['kind'], string>> = localizedLabels('quiet.kind', [
  'false_alarm',
  'ignored',
]);

export class LlmOpsQuietList extends LitElement {
  static override properties = {
    source: { attribute: false },
    revision: { attribute: false },
    locale: { type: String },
    _undoing: { state: true },
    _undoError: { state: true },
  };

  declare source: PanelSource | undefined;
  /** Anything that changes when incidents do (the list's value): a change reloads. */
  declare revision: unknown;
  declare locale: string | undefined;
  declare private _undoing: string | undefined;
  declare private _undoError: string | undefined;

  private readonly learned = new LoadController<Learned>(this, {
    fetch: () => {
      const source = this.source;
      if (!source) return undefined;
      return Promise.all([source.suppressions(), source.outcomes(), source.learnedQuiet()]).then(
        ([items, outcomes, schedules]) => ({ items, outcomes, schedules }),
      );
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source')) {
      this.learned.reset();
      void this.learned.load();
    } else if (changed.has('revision')) {
      // The list reloads in bursts after changes; follow it once they settle.
      this.learned.reload(300);
    }
  }

  private async undo(s: Suppression): Promise<void> {
    const source = this.source;
    if (!source) return;
    this._undoing = s.incident_id;
    this._undoError = undefined;
    try {
      const items = await source.undoSuppression(s.incident_id);
      this.learned.set({
        items,
        outcomes: this.learned.value?.outcomes ?? null,
        schedules: this.learned.value?.schedules ?? [],
      });
      this.learned.reload(0);
    } catch (err) {
      this._undoError = err instanceof Error ? err.message : String(err);
    } finally {
      this._undoing = undefined;
    }
  }

  private async reset(l: LearnedQuiet): Promise<void> {
    const source = this.source;
    const value = this.learned.value;
    if (!source || !value) return;
    this._undoing = l.id;
    this._undoError = undefined;
    try {
      const schedules = await source.resetLearnedQuiet(l.id);
      this.learned.set({ ...value, schedules });
    } catch (err) {
      this._undoError = err instanceof Error ? err.message : String(err);
    } finally {
      this._undoing = undefined;
    }
  }

  private rate(o: OutcomeStats | null): TemplateResult | typeof nothing {
    if (!o || o.closed === 0) return nothing;
    return html`<p class="rate" data-field="false-alarm-rate">
      ${localizeParts('quiet.rate', { rate: html`<strong>${percent(o.false_alarm_rate)}</strong>` })}
      <span class="secondary"
        >${localize('quiet.rate_detail', { false_alarms: o.false_alarms, closed: o.closed })}</span
      >
    </p>`;
  }

  private row(s: Suppression): TemplateResult {
    return html`<li data-incident=${s.incident_id} data-kind=${s.kind}>
      <span class="chip plain">${KIND_LABELS[s.kind]}</span>
      <span class="title">${s.title ?? s.incident_id}</span>
      ${s.integration ? html`<span class="mono small">${s.integration}</span>` : nothing}
      <span class="secondary small">
        ${relativeTime(s.created_at, this.locale)} ·
        ${
          s.expires_at
            ? localize('quiet.until', { time: dateTime(s.expires_at, this.locale) })
            : localize('quiet.until_undone')
        }
      </span>
      ${s.reason ? html`<span class="reason secondary small">“${s.reason}”</span>` : nothing}
      <button
        class="btn"
        data-action="undo-quiet"
        ?disabled=${this._undoing === s.incident_id}
        @click=${() => void this.undo(s)}
      >
        ${icon(mdiUndo)} ${localize('quiet.undo')}
      </button>
    </li>`;
  }

  private scheduleRow(l: LearnedQuiet): TemplateResult {
    const times = l.windows.map((w) => `${w.from}–${w.to}`).join(', ');
    return html`<li data-learned=${l.id} data-kind="learned_quiet">
      <span class="chip plain">${localize('quiet.learned')}</span>
      <span class="title">${l.title ?? l.key}</span>
      ${l.integration ? html`<span class="mono small">${l.integration}</span>` : nothing}
      <span class="secondary small" data-field="windows">
        ${localizePlural('quiet.windows', l.days, { times })}${
          l.kept_quiet ? html` · ${localize('quiet.kept_quiet', { count: l.kept_quiet })}` : nothing
        }
      </span>
      <button
        class="btn"
        data-action="reset-learned"
        ?disabled=${this._undoing === l.id}
        @click=${() => void this.reset(l)}
      >
        ${icon(mdiRestore)} ${localize('quiet.reset')}
      </button>
    </li>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const value = this.learned.value;
    const error = this.learned.error;
    if (!value && !error) return nothing;
    const items = value?.items ?? [];
    const schedules = value?.schedules ?? [];
    const count = items.length + schedules.length;
    return html`<section class="card quiet" aria-labelledby="quiet-h">
      <h2 id="quiet-h">
        ${icon(mdiBellOffOutline)} ${localize('quiet.heading')}
        ${count ? html`<span class="badge">${count}</span>` : nothing}
      </h2>
      ${this.rate(value?.outcomes ?? null)}
      ${error ? html`<p class="error-text" role="alert">${error.message}</p>` : nothing}
      ${value && !count ? html`<p class="secondary">${localize('quiet.empty')}</p>` : nothing}
      ${
        count
          ? html`<ul>
              ${items.map((s) => this.row(s))} ${schedules.map((l) => this.scheduleRow(l))}
            </ul>`
          : nothing
      }
      ${this._undoError ? html`<p class="error-text" role="alert">${this._undoError}</p>` : nothing}
    </section>`;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      section.quiet {
        padding: 12px 16px;
      }
      h2 {
        margin: 0 0 8px;
        font-size: 16px;
        font-weight: 500;
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .rate {
        margin: 0 0 8px;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 8px;
        padding: 6px 0;
        border-top: 1px solid var(--divider-color, #e0e0e0);
      }
      li:first-child {
        border-top: 0;
      }
      li .title {
        flex: 1 1 12em;
      }
      li .reason {
        flex-basis: 100%;
      }
      .small {
        font-size: 12px;
      }
      .error-text {
        color: var(--error-color, #db4437);
      }
    `,
  ];
}

if (!customElements.get('llm-ops-quiet-list')) {
  customElements.define('llm-ops-quiet-list', LlmOpsQuietList);
}
