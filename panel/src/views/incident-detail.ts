/**
 * `llm-ops-incident-detail`: one incident — what broke and why, the fixes proposed with
 * their dry-run preview (approve / reject), their progress and result, the redacted
 * evidence and a timeline. Each section draws itself (detail/); this element loads the
 * incident, keeps it current and asks before dismissing it.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { afterUpdateSection } from '../detail/after-update.js';
import { analysisSection } from '../detail/analysis.js';
import {
  analysisStyles,
  detailLayoutStyles,
  evidenceStyles,
  proposalsStyles,
  summaryStyles,
  timelineStyles,
  upstreamStyles,
} from '../detail/detail-styles.js';
import { capturesSection } from '../detail/debug-captures.js';
import { evidenceSection } from '../detail/evidence.js';
import { proposalsSection } from '../detail/proposals.js';
import { incidentSummary } from '../detail/summary.js';
import { buildTimeline } from '../detail/timeline.js';
import { timelineSection } from '../detail/timeline-section.js';
import { loadError } from '../detail/load-error.js';
import { upstreamSection, UpstreamReportController } from '../detail/upstream.js';
import {
  ConfirmController,
  LoadController,
  baseStyles,
  localize,
  proposalStyles,
  type Incident,
  type IncidentDetail,
  type PanelSource,
  type ProposalTracker,
} from '../shared/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'llm-ops-incident-detail': LlmOpsIncidentDetail;
  }
}

export class LlmOpsIncidentDetail extends LitElement {
  static override properties = {
    source: { attribute: false },
    tracker: { attribute: false },
    incidentId: { type: String, attribute: 'incident-id' },
    canDecide: { type: Boolean, attribute: 'can-decide' },
    narrow: { type: Boolean, reflect: true },
    locale: { type: String },
    _dismissing: { state: true },
    _dismissError: { state: true },
    _savedRule: { state: true },
    _timelineAll: { state: true },
  };

  declare source: PanelSource | undefined;
  declare tracker: ProposalTracker | undefined;
  declare incidentId: string;
  declare canDecide: boolean;
  declare narrow: boolean;
  declare locale: string | undefined;
  declare private _dismissing: boolean;
  declare private _dismissError: string | undefined;
  declare private _savedRule: string | undefined;
  declare private _timelineAll: boolean;

  private readonly confirm = new ConfirmController(this);
  private readonly upstream = new UpstreamReportController(this);
  private readonly incident = new LoadController<IncidentDetail>(this, {
    fetch: () =>
      this.source && this.incidentId ? this.source.incident(this.incidentId) : undefined,
    loaded: (detail, previous) => {
      if (!previous) this.focusTitle = true;
      this.tracker?.upsert(detail.proposals);
    },
  });
  private unwatch: (() => void) | undefined;
  private focusTitle = false;

  constructor() {
    super();
    this.incidentId = '';
    this.canDecide = false;
    this.narrow = false;
    this._dismissing = false;
    this._timelineAll = false;
  }

  /** The incident as last loaded. */
  get detail(): IncidentDetail | undefined {
    return this.incident.value;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
    this.unwatch = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.watchTracker();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('incidentId')) {
      this.incident.reset();
      this._timelineAll = false;
      this._dismissError = undefined;
      this.upstream.reset();
      this._savedRule = undefined;
    } else if (changed.has('source')) {
      // Keep what is shown until the new source answers.
      this.incident.error = undefined;
    }
    if (changed.has('incidentId') || changed.has('source')) void this.incident.load();
    if (changed.has('tracker')) this.watchTracker();
  }

  protected override updated(): void {
    // A newly opened incident: move focus to its title, as a page change would.
    if (this.focusTitle && this.incident.value) {
      this.focusTitle = false;
      this.renderRoot.querySelector<HTMLElement>('#incident-title')?.focus({ preventScroll: true });
    }
  }

  private watchTracker(): void {
    this.unwatch?.();
    this.unwatch = this.tracker?.onChange(() => this.requestUpdate());
  }

  /** Load again soon (events come in bursts), keeping what is shown meanwhile. */
  refresh(delayMs = 300): void {
    this.incident.reload(delayMs);
  }

  /** Tell the panel (its list and counts) that something changed here, and reload. */
  private changed(): void {
    this.dispatchEvent(
      new CustomEvent<{ id: string }>('incident-changed', {
        detail: { id: this.incidentId },
        bubbles: true,
        composed: false,
      }),
    );
    this.refresh(0);
  }

  private async onDismiss(incident: Incident): Promise<void> {
    const answer = await this.confirm.ask({
      heading: localize('detail.dismiss.heading'),
      body: html`<p>${localize('detail.dismiss.body', { title: incident.title })}</p>`,
      confirmLabel: localize('detail.dismiss.confirm'),
      destructive: true,
      reason: { label: localize('detail.reason_optional') },
      checkbox: { label: localize('detail.dismiss.ignore_similar') },
    });
    const source = this.source;
    if (!answer || !source) return;
    this._dismissing = true;
    this._dismissError = undefined;
    try {
      await source.dismiss(incident.id, {
        ignoreSimilar: answer.checked,
        reason: answer.reason || undefined,
      });
      this.changed();
    } catch (err) {
      this._dismissError = err instanceof Error ? err.message : String(err);
    } finally {
      this._dismissing = false;
    }
  }

  private async onFalseAlarm(incident: Incident): Promise<void> {
    const answer = await this.confirm.ask({
      heading: localize('detail.false_alarm.heading'),
      body: html`<p>${localize('detail.false_alarm.body', { title: incident.title })}</p>`,
      confirmLabel: localize('detail.false_alarm.confirm'),
      reason: { label: localize('detail.false_alarm.reason') },
    });
    const source = this.source;
    if (!answer || !source) return;
    this._dismissing = true;
    this._dismissError = undefined;
    try {
      await source.markFalseAlarm(incident.id, answer.reason || undefined);
      this.changed();
    } catch (err) {
      this._dismissError = err instanceof Error ? err.message : String(err);
    } finally {
      this._dismissing = false;
    }
  }

  private async onSaveRule(incident: Incident): Promise<void> {
    const answer = await this.confirm.ask({
      heading: localize('detail.rule.heading'),
      body: html`<p>${localize('detail.rule.body')}</p>`,
      confirmLabel: localize('detail.rule.confirm'),
    });
    const source = this.source;
    if (!answer || !source) return;
    this._dismissing = true;
    this._dismissError = undefined;
    try {
      this._savedRule = (await source.saveRule(incident.id)).id;
    } catch (err) {
      this._dismissError = err instanceof Error ? err.message : String(err);
    } finally {
      this._dismissing = false;
    }
  }

  protected override render(): TemplateResult {
    const d = this.incident.value;
    const error = this.incident.error;
    if (!d) {
      if (error)
        return html`${loadError(error, false, () => void this.incident.load())}${this.confirm.render()}`;
      return html`<div class="state" role="status">
        <span class="spinner" aria-hidden="true"></span> ${localize('detail.loading')}
      </div>`;
    }
    const tracked = this.tracker?.forIncident(d.incident.id) ?? [];
    return html`${error ? loadError(error, true, () => void this.incident.load()) : nothing}
      <div class="layout">
        <div class="main">
          ${incidentSummary(d.incident, {
            canDecide: this.canDecide,
            dismissing: this._dismissing,
            dismissError: this._dismissError,
            onDismiss: () => void this.onDismiss(d.incident),
            onFalseAlarm: () => void this.onFalseAlarm(d.incident),
            onSaveRule: () => void this.onSaveRule(d.incident),
            savedRule: this._savedRule,
            locale: this.locale,
          })}
          ${afterUpdateSection(d.after_update, this.locale)}
          ${analysisSection(d.incident, d.analysis, d.llm_usage, this.locale)}
          ${proposalsSection(d, {
            tracked,
            source: this.source,
            tracker: this.tracker,
            canDecide: this.canDecide,
            locale: this.locale,
            onDecided: () => this.changed(),
          })}
          ${evidenceSection(d.bundle, this.locale)}
          ${capturesSection(d.debug_captures, this.locale)}
          ${
            this.canDecide && d.incident.integration
              ? upstreamSection(this.upstream.state, {
                  onPrepare: () =>
                    this.source &&
                    void this.upstream.prepare(this.source, this.incidentId, () => this.incidentId),
                  onCopy: (text) => void this.upstream.copy(text),
                })
              : nothing
          }
        </div>
        <div class="side">
          ${timelineSection(buildTimeline(d, tracked), {
            showAll: this._timelineAll,
            onShowAll: () => (this._timelineAll = true),
            locale: this.locale,
          })}
        </div>
      </div>
      ${this.confirm.render()}`;
  }

  static override styles = [
    baseStyles,
    detailLayoutStyles,
    summaryStyles,
    analysisStyles,
    proposalStyles,
    proposalsStyles,
    evidenceStyles,
    timelineStyles,
    upstreamStyles,
  ];
}

if (!customElements.get('llm-ops-incident-detail')) {
  customElements.define('llm-ops-incident-detail', LlmOpsIncidentDetail);
}
