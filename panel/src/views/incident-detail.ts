/**
 * `llm-ops-incident-detail`: one incident — what broke and why, the fixes proposed with
 * their dry-run preview (approve / reject), their progress and result, the redacted
 * evidence and a timeline. Dismissing, approving and rejecting ask for confirmation.
 */
import {
  mdiAlertCircleOutline,
  mdiCheckDecagram,
  mdiClipboardTextClock,
  mdiEyeOff,
  mdiShieldCheck,
} from '@mdi/js';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ProposalTracker, TrackedProposal } from '../data/proposal-tracker.js';
import {
  ACTIVE_STATUSES,
  SourceError,
  type EvidenceBundle,
  type Incident,
  type IncidentDetail,
  type IncidentSource,
  type RcaResult,
} from '../data/types.js';
import { buildTimeline } from '../detail/timeline.js';
import { ConfirmController } from '../ui/confirm.js';
import {
  PROPOSAL_STATUS_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  categoryLabel,
  dateTime,
  humanize,
  percent,
  relativeTime,
  remedyLabel,
} from '../ui/format.js';
import { SEVERITY_ICONS, icon } from '../ui/icons.js';
import {
  approveQuestion,
  executionSteps,
  previewFacts,
  proposalStatusChip,
  resultFacts,
  riskChip,
} from '../ui/proposal-view.js';
import { actionLabel } from '../ui/format.js';
import { baseStyles } from '../ui/styles.js';
import { withEntry, withMember } from '../ui/state.js';

const TIMELINE_SHOWN = 25;

const PROPOSED_BY: Readonly<Record<string, string>> = {
  offline: 'the offline analyzer',
  llm: 'the LLM analyzer',
  ai_task: 'HA’s AI task',
  user: 'a user',
};

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
    _detail: { state: true },
    _error: { state: true },
    _busy: { state: true },
    _actionErrors: { state: true },
    _timelineAll: { state: true },
  };

  declare source: IncidentSource | undefined;
  declare tracker: ProposalTracker | undefined;
  declare incidentId: string;
  declare canDecide: boolean;
  declare narrow: boolean;
  declare locale: string | undefined;
  declare private _detail: IncidentDetail | undefined;
  declare private _error: SourceError | undefined;
  /** What is being sent: a proposal id or "dismiss". */
  declare private _busy: ReadonlySet<string>;
  declare private _actionErrors: ReadonlyMap<string, string>;
  declare private _timelineAll: boolean;

  private readonly confirm = new ConfirmController(this);
  private unwatch: (() => void) | undefined;
  private loadSeq = 0;
  private focusTitle = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.incidentId = '';
    this.canDecide = false;
    this.narrow = false;
    this._busy = new Set();
    this._actionErrors = new Map();
    this._timelineAll = false;
  }

  /** The incident as last loaded. */
  get detail(): IncidentDetail | undefined {
    return this._detail;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
    this.unwatch = undefined;
    clearTimeout(this.refreshTimer);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.watchTracker();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('incidentId') || changed.has('source')) {
      if (changed.has('incidentId')) {
        this._detail = undefined;
        this._timelineAll = false;
        this._actionErrors = new Map();
      }
      this._error = undefined;
      void this.load();
    }
    if (changed.has('tracker')) this.watchTracker();
  }

  protected override updated(): void {
    // A newly opened incident: move focus to its title, as a page change would.
    if (this.focusTitle && this._detail) {
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
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.load(), delayMs);
  }

  private async load(): Promise<void> {
    const { source, incidentId } = this;
    if (!source || !incidentId) return;
    const seq = ++this.loadSeq;
    try {
      const detail = await source.incident(incidentId);
      if (seq !== this.loadSeq) return;
      if (!this._detail) this.focusTitle = true;
      this._detail = detail;
      this._error = undefined;
      this.tracker?.upsert(detail.proposals);
    } catch (err) {
      if (seq !== this.loadSeq) return;
      this._error = err instanceof SourceError ? err : new SourceError('failed', String(err));
    }
  }

  private changed(): void {
    this.dispatchEvent(
      new CustomEvent<{ id: string }>('incident-changed', {
        detail: { id: this.incidentId },
        bubbles: true,
        composed: false,
      }),
    );
  }

  private setBusy(key: string, busy: boolean): void {
    this._busy = withMember(this._busy, key, busy);
  }

  private setActionError(key: string, message: string | null): void {
    this._actionErrors = withEntry(this._actionErrors, key, message);
  }

  private async run(key: string, action: () => Promise<void>): Promise<void> {
    this.setBusy(key, true);
    this.setActionError(key, null);
    try {
      await action();
      this.changed();
      this.refresh(0);
    } catch (err) {
      this.setActionError(key, err instanceof Error ? err.message : String(err));
    } finally {
      this.setBusy(key, false);
    }
  }

  private async onApprove(t: TrackedProposal): Promise<void> {
    const p = t.proposal;
    const answer = await this.confirm.ask({
      heading: `Approve: ${actionLabel(p.action_id)}?`,
      body: approveQuestion(p),
      confirmLabel: 'Approve and run',
    });
    if (!answer || !this.source) return;
    const source = this.source;
    await this.run(p.id, async () => {
      const updated = await source.approve(p.id);
      this.tracker?.upsert([updated]);
    });
  }

  private async onReject(t: TrackedProposal): Promise<void> {
    const p = t.proposal;
    const answer = await this.confirm.ask({
      heading: `Reject: ${actionLabel(p.action_id)}?`,
      body: html`<p>${p.preview.summary}</p>
        <p class="secondary">Nothing runs. The incident stays open.</p>`,
      confirmLabel: 'Reject',
      destructive: true,
      reason: { label: 'Reason (optional)' },
    });
    if (!answer || !this.source) return;
    const source = this.source;
    await this.run(p.id, async () => {
      const updated = await source.reject(p.id, answer.reason || undefined);
      this.tracker?.upsert([updated]);
    });
  }

  private async onDismiss(incident: Incident): Promise<void> {
    const answer = await this.confirm.ask({
      heading: 'Dismiss this incident?',
      body: html`<p>
        “${incident.title}” leaves the active incidents. If it happens again, a new incident opens —
        unless you ignore similar ones.
      </p>`,
      confirmLabel: 'Dismiss',
      destructive: true,
      reason: { label: 'Reason (optional)' },
      checkbox: { label: 'Ignore similar incidents from now on' },
    });
    if (!answer || !this.source) return;
    const source = this.source;
    await this.run('dismiss', async () => {
      await source.dismiss(incident.id, {
        ignoreSimilar: answer.checked,
        reason: answer.reason || undefined,
      });
    });
  }

  protected override render(): TemplateResult {
    const d = this._detail;
    if (!d) {
      if (this._error) return html`${this.renderError(this._error)}${this.confirm.render()}`;
      return html`<div class="state" role="status">
        <span class="spinner" aria-hidden="true"></span> Loading the incident…
      </div>`;
    }
    return html`${this._error ? this.renderError(this._error, true) : nothing}
      <div class="layout">
        <div class="main">
          ${this.renderHeader(d.incident)} ${this.renderAnalysis(d.incident, d.analysis)}
          ${this.renderProposals(d)} ${this.renderEvidence(d.bundle)}
        </div>
        <div class="side">${this.renderTimeline(d)}</div>
      </div>
      ${this.confirm.render()}`;
  }

  private renderError(err: SourceError, stale = false): TemplateResult {
    if (err.kind === 'not_found') {
      return html`<div class="state" role="alert">
        ${icon(mdiAlertCircleOutline)}
        <p><strong>This incident no longer exists.</strong></p>
        <p class="secondary">Closed incidents are removed after a while.</p>
      </div>`;
    }
    return html`<div class="banner ${err.kind === 'offline' ? 'warning' : 'error'}" role="alert">
      ${icon(mdiAlertCircleOutline)}
      <div>
        <p>
          <strong
            >${stale ? 'Could not refresh this incident' : 'Could not load this incident'}</strong
          >
        </p>
        <p>${err.message}</p>
      </div>
      <button class="btn" @click=${() => void this.load()}>Retry</button>
    </div>`;
  }

  private renderHeader(i: Incident): TemplateResult {
    const active = ACTIVE_STATUSES.includes(i.status);
    return html`<section class="card head" aria-labelledby="incident-title">
      <div class="chips">
        <span class="chip ${i.severity}"
          >${icon(SEVERITY_ICONS[i.severity])}${SEVERITY_LABELS[i.severity]}</span
        >
        <span class="chip plain status ${i.status}" data-status=${i.status}
          >${STATUS_LABELS[i.status]}</span
        >
        <span class="chip plain">${categoryLabel(i.category)}</span>
      </div>
      <h2 id="incident-title" tabindex="-1">${i.title}</h2>
      <dl class="facts meta">
        <dt>Integration</dt>
        <dd class="mono">${i.integration ?? '–'}</dd>
        ${
          i.entry_id
            ? html`<dt>Config entry</dt>
                <dd class="mono">${i.entry_id}</dd>`
            : nothing
        }
        ${
          i.subject
            ? html`<dt>Subject</dt>
                <dd class="mono">${i.subject}</dd>`
            : nothing
        }
        <dt>Occurrences</dt>
        <dd data-field="occurrences">${i.occurrences}</dd>
        <dt>First seen</dt>
        <dd>${this.time(i.first_seen)}</dd>
        <dt>Last seen</dt>
        <dd>${this.time(i.last_seen)}</dd>
        ${
          i.resolved_at
            ? html`<dt>${i.status === 'dismissed' ? 'Dismissed' : 'Resolved'}</dt>
                <dd>
                  ${this.time(i.resolved_at)}${i.resolution ? html` — ${i.resolution}` : nothing}
                </dd>`
            : nothing
        }
      </dl>
      ${
        active && this.canDecide
          ? html`<div class="actions">
              <button
                class="btn danger"
                data-action="dismiss"
                ?disabled=${this._busy.has('dismiss')}
                @click=${() => void this.onDismiss(i)}
              >
                ${icon(mdiEyeOff)} Dismiss…
              </button>
            </div>`
          : nothing
      }
      ${
        this._actionErrors.has('dismiss')
          ? html`<p class="error-text" role="alert">${this._actionErrors.get('dismiss')}</p>`
          : nothing
      }
    </section>`;
  }

  private time(iso: string): TemplateResult {
    return html`<time datetime=${iso} title=${dateTime(iso, this.locale)}
        >${relativeTime(iso, this.locale)}</time
      >
      <span class="secondary">(${dateTime(iso, this.locale)})</span>`;
  }

  private renderAnalysis(i: Incident, a: RcaResult | null): TemplateResult {
    return html`<section class="card analysis" aria-labelledby="analysis-h">
      <h3 id="analysis-h">Analysis</h3>
      ${
        a
          ? html`<p class="summary" data-field="summary">${a.summary}</p>
              <h4>Root cause</h4>
              <p data-field="root-cause">${a.root_cause}</p>
              ${
                a.impact
                  ? html`<h4>Impact</h4>
                      <p data-field="impact">${a.impact}</p>`
                  : nothing
              }
              <h4 id="confidence-h">Confidence</h4>
              <div class="confidence">
                <div
                  class="bar"
                  role="meter"
                  aria-labelledby="confidence-h"
                  aria-valuemin="0"
                  aria-valuemax="100"
                  aria-valuenow=${Math.round(a.confidence * 100)}
                >
                  <span style="width: ${Math.round(a.confidence * 100)}%"></span>
                </div>
                <strong data-field="confidence">${percent(a.confidence)}</strong>
              </div>
              <h4>Remedy</h4>
              <p data-field="remedy">${remedyLabel(a.remedy)}</p>
              ${
                a.manual_steps.length
                  ? html`<h4>What you can do</h4>
                      <ol class="manual" data-field="manual-steps">
                        ${a.manual_steps.map((s) => html`<li>${s}</li>`)}
                      </ol>`
                  : nothing
              }
              <p class="secondary small">
                ${icon(mdiCheckDecagram, undefined)} Analyzed
                ${a.analyzer === 'offline' ? 'offline' : `by ${a.analyzer === 'llm' ? 'an LLM' : 'HA’s AI task'}`}${
                  a.signature
                    ? html` · signature <span class="mono">${a.signature}</span>`
                    : nothing
                }
                · risk ${a.risk}
              </p>`
          : html`<p class="secondary">
              ${i.status === 'analyzing' ? 'Analyzing…' : 'This incident has no analysis yet.'}
            </p>`
      }
    </section>`;
  }

  private renderProposals(d: IncidentDetail): TemplateResult {
    const tracked = this.tracker?.forIncident(d.incident.id) ?? [];
    return html`<section class="card proposals" aria-labelledby="proposals-h">
      <h3 id="proposals-h">Proposed fixes</h3>
      ${
        tracked.length === 0
          ? html`<p class="secondary">
              ${
                d.analysis && d.analysis.manual_steps.length
                  ? 'No fix to run: follow the steps above.'
                  : 'No fix proposed.'
              }
            </p>`
          : tracked.map((t) => this.renderProposal(t))
      }
    </section>`;
  }

  private renderProposal(t: TrackedProposal): TemplateResult {
    const p = t.proposal;
    const busy = this._busy.has(p.id);
    const error = this._actionErrors.get(p.id);
    const pending = p.status === 'proposed';
    const running = p.status === 'approved' || p.status === 'executing';
    const execution = t.detail?.execution ?? null;
    const result = t.detail?.result ?? null;
    return html`<article class="proposal" data-proposal=${p.id} aria-labelledby="proposal-${p.id}">
      <header>
        <h4 id="proposal-${p.id}">${actionLabel(p.action_id)}</h4>
        ${proposalStatusChip(p.status)} ${riskChip(p.risk)}
      </header>
      ${p.rationale ? html`<p>${p.rationale}</p>` : nothing}
      ${
        pending
          ? html`<div class="preview">${previewFacts(p)}</div>`
          : html`<details class="preview">
              <summary>Dry-run preview</summary>
              ${previewFacts(p)}
            </details>`
      }
      ${
        pending
          ? this.canDecide
            ? html`<div class="actions">
                <button
                  class="btn primary"
                  data-action="approve"
                  ?disabled=${busy}
                  @click=${() => void this.onApprove(t)}
                >
                  ${icon(mdiShieldCheck)} Approve…
                </button>
                <button
                  class="btn danger"
                  data-action="reject"
                  ?disabled=${busy}
                  @click=${() => void this.onReject(t)}
                >
                  Reject…
                </button>
              </div>`
            : html`<p class="secondary">An administrator can approve or reject this fix.</p>`
          : nothing
      }
      ${error ? html`<p class="error-text" role="alert">${error}</p>` : nothing}
      ${
        execution
          ? html`<h5>Progress</h5>
              ${executionSteps(execution)}`
          : running
            ? html`<p class="progress" role="status">
                <span class="spinner small" aria-hidden="true"></span>
                ${p.status === 'approved' ? 'Approved; starting (backup first)…' : 'Running…'}
              </p>`
            : nothing
      }
      ${
        result
          ? html`<h5>Result</h5>
              ${resultFacts(result)}`
          : !pending && !running && p.status !== 'rejected' && p.status !== 'expired'
            ? html`<p class="outcome" data-outcome=${p.status}>
                ${PROPOSAL_STATUS_LABELS[p.status]}${
                  t.backupId
                    ? html` · backup <span class="mono" data-field="backup-id">${t.backupId}</span>`
                    : nothing
                }
              </p>`
            : nothing
      }
      <p class="secondary small">
        Proposed by ${PROPOSED_BY[p.proposed_by] ?? humanize(p.proposed_by)}
        ${relativeTime(p.created_at, this.locale)}${
          p.decided_by ? html` · decided by ${p.decided_by}` : nothing
        }${
          p.expires_at && pending
            ? html` · expires ${relativeTime(p.expires_at, this.locale)}`
            : nothing
        }
      </p>
    </article>`;
  }

  private renderEvidence(b: EvidenceBundle | null): TemplateResult {
    if (!b) {
      return html`<section class="card evidence" aria-labelledby="evidence-h">
        <h3 id="evidence-h">Evidence</h3>
        <p class="secondary">No evidence collected yet.</p>
      </section>`;
    }
    const redactions = Object.entries(b.redactions).filter(([, n]) => n > 0);
    return html`<section class="card evidence" aria-labelledby="evidence-h">
      <h3 id="evidence-h">Evidence</h3>
      <p class="secondary small">
        Redacted before it was stored or
        analyzed${
          redactions.length ? html`: ${redactions.map(([k, n]) => `${n} ${k}`).join(', ')}` : ''
        }.
        ${
          b.truncated
            ? html`${b.truncated} line(s) left out to stay within ${b.token_budget} tokens.`
            : nothing
        }
      </p>
      ${
        b.config_entry
          ? html`<h4>Config entry</h4>
              <dl class="facts">
                <dt>Title</dt>
                <dd>${b.config_entry.title}</dd>
                <dt>State</dt>
                <dd class="mono">${b.config_entry.state}</dd>
                ${
                  b.config_entry.reason
                    ? html`<dt>Reason</dt>
                        <dd>${b.config_entry.reason}</dd>`
                    : nothing
                }
              </dl>`
          : nothing
      }
      ${
        b.log_lines.length
          ? html`<h4>Log lines</h4>
              <ul class="log">
                ${b.log_lines.map(
                  (l) =>
                    html`<li>
                      <div class="log-head">
                        <span class="chip plain ${l.level.toLowerCase()}">${l.level}</span>
                        <span class="count" title="Occurrences">${l.count}×</span>
                        ${l.logger ? html`<span class="mono secondary">${l.logger}</span>` : nothing}
                        ${
                          l.last_seen
                            ? html`<span class="secondary"
                                >${relativeTime(l.last_seen, this.locale)}</span
                              >`
                            : nothing
                        }
                      </div>
                      <pre class="log-text">${l.text}</pre>
                      ${
                        l.traceback?.length
                          ? html`<details class="traceback">
                              <summary>Traceback (${l.traceback.length} lines)</summary>
                              <pre>${l.traceback.join('\n')}</pre>
                            </details>`
                          : nothing
                      }
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      ${
        b.entities.length
          ? html`<h4>Entities</h4>
              <ul class="entities">
                ${b.entities.map(
                  (e) =>
                    html`<li>
                      <span class="mono">${e.entity_id}</span>: <strong>${e.state}</strong>
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      <h4>Environment</h4>
      <dl class="facts">
        ${
          b.integration
            ? html`<dt>Integration</dt>
                <dd>
                  <span class="mono">${b.integration.domain}</span>
                  ${b.integration.custom ? 'custom' : 'core'}${
                    b.integration.version ? html` ${b.integration.version}` : nothing
                  }
                </dd>`
            : nothing
        }
        <dt>Home Assistant</dt>
        <dd>${b.ha_version ?? 'unknown'}</dd>
      </dl>
      ${
        b.recent_changes.length
          ? html`<h4>Recent changes</h4>
              <ul class="changes">
                ${b.recent_changes.map(
                  (c) =>
                    html`<li>
                      ${
                        c.at
                          ? html`<span class="secondary">${relativeTime(c.at, this.locale)}:</span>`
                          : nothing
                      }
                      ${c.what}
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      ${
        b.configuration
          ? html`<details class="configuration">
              <summary>Configuration (redacted)</summary>
              <pre>${JSON.stringify(b.configuration, null, 2)}</pre>
            </details>`
          : nothing
      }
    </section>`;
  }

  private renderTimeline(d: IncidentDetail): TemplateResult {
    const entries = buildTimeline(d, this.tracker?.forIncident(d.incident.id) ?? []);
    const shown = this._timelineAll ? entries : entries.slice(0, TIMELINE_SHOWN);
    return html`<section class="card timeline" aria-labelledby="timeline-h">
      <h3 id="timeline-h">${icon(mdiClipboardTextClock)} Timeline</h3>
      <ol class="timeline">
        ${shown.map(
          (e) =>
            html`<li class="${e.kind} ${e.tone ?? ''}" data-kind=${e.kind}>
              <span class="dot" aria-hidden="true"></span>
              <div>
                <time datetime=${e.at} title=${dateTime(e.at, this.locale)}
                  >${relativeTime(e.at, this.locale)}</time
                >
                <div class="text">${e.text}</div>
                ${e.detail ? html`<div class="secondary small">${e.detail}</div>` : nothing}
              </div>
            </li>`,
        )}
      </ol>
      ${
        entries.length > shown.length
          ? html`<button class="btn" @click=${() => (this._timelineAll = true)}>
              Show all ${entries.length} entries
            </button>`
          : nothing
      }
    </section>`;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr);
        gap: 16px;
        align-items: start;
      }
      :host([narrow]) .layout {
        grid-template-columns: minmax(0, 1fr);
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .main,
      .side {
        display: grid;
        gap: 16px;
        min-width: 0;
      }
      section.card {
        padding: 16px;
      }
      h2:focus {
        outline: none;
      }
      h2 {
        margin: 8px 0 12px;
        font-size: 22px;
        font-weight: 400;
        line-height: 1.3;
      }
      h3 {
        margin: 0 0 12px;
        font-size: 18px;
        font-weight: 500;
        display: flex;
        align-items: center;
        gap: 8px;
      }
      h4 {
        margin: 16px 0 4px;
        font-size: 14px;
        font-weight: 500;
        color: var(--secondary-text-color, #727272);
      }
      h5 {
        margin: 12px 0 4px;
        font-size: 14px;
        font-weight: 500;
      }
      p {
        margin: 4px 0;
        line-height: 1.5;
      }
      .small {
        font-size: 12px;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .status.awaiting_approval {
        --chip-color: var(--primary-color, #03a9f4);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin-top: 12px;
      }
      .error-text {
        color: var(--error-color, #db4437);
      }
      .summary {
        font-size: 16px;
      }
      .confidence {
        display: flex;
        align-items: center;
        gap: 12px;
      }
      .confidence .bar {
        flex: 0 1 240px;
        height: 8px;
        border-radius: 4px;
        background: var(--divider-color, #e0e0e0);
        overflow: hidden;
      }
      .confidence .bar span {
        display: block;
        height: 100%;
        background: var(--primary-color, #03a9f4);
      }
      ol.manual {
        margin: 4px 0;
        padding-left: 20px;
        line-height: 1.5;
      }
      article.proposal {
        border: 1px solid var(--divider-color, #e0e0e0);
        border-radius: 8px;
        padding: 12px;
      }
      article.proposal + article.proposal {
        margin-top: 12px;
      }
      article.proposal header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
      }
      article.proposal h4 {
        margin: 0;
        font-size: 16px;
        color: var(--primary-text-color, #212121);
      }
      .preview {
        margin: 8px 0;
      }
      details > summary {
        cursor: pointer;
        color: var(--primary-color, #03a9f4);
        padding: 4px 0;
      }
      .progress {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      ul.plain-list,
      ul.entities,
      ul.changes {
        margin: 0;
        padding-left: 18px;
      }
      ul.log {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      ul.log li {
        border-left: 3px solid var(--divider-color, #e0e0e0);
        padding-left: 8px;
      }
      .log-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        font-size: 12px;
      }
      .count {
        font-weight: 700;
      }
      pre {
        font-family: var(--ha-font-family-code, ui-monospace, SFMono-Regular, Menlo, monospace);
        font-size: 12px;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 4px 0;
        padding: 8px;
        border-radius: 6px;
        background: var(--secondary-background-color, #f5f5f5);
        color: var(--primary-text-color, #212121);
        max-height: 320px;
        overflow: auto;
      }
      ol.timeline {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ol.timeline li {
        display: flex;
        gap: 10px;
        padding: 6px 0;
        position: relative;
      }
      ol.timeline li .dot {
        flex: none;
        width: 10px;
        height: 10px;
        margin-top: 5px;
        border-radius: 50%;
        background: var(--chip-color, var(--secondary-text-color, #727272));
      }
      ol.timeline li.proposal,
      ol.timeline li.decision,
      ol.timeline li.analysis {
        --chip-color: var(--primary-color, #03a9f4);
      }
      ol.timeline time {
        font-size: 12px;
        color: var(--secondary-text-color, #727272);
      }
      ol.timeline .text {
        overflow-wrap: anywhere;
      }
      .state {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 4px;
        padding: 48px 16px;
        text-align: center;
      }
      .state > .icon {
        width: 40px;
        height: 40px;
        color: var(--secondary-text-color, #727272);
      }
      .banner {
        margin-bottom: 16px;
        --chip-color: var(--error-color, #db4437);
      }
      .banner.warning {
        --chip-color: var(--warning-color, #ffa600);
      }
      .banner > div {
        flex: 1;
      }
      .spinner {
        display: inline-block;
        width: 24px;
        height: 24px;
        border-radius: 50%;
        border: 3px solid var(--divider-color, #e0e0e0);
        border-top-color: var(--primary-color, #03a9f4);
        animation: spin 0.8s linear infinite;
        box-sizing: border-box;
      }
      .spinner.small {
        width: 16px;
        height: 16px;
        border-width: 2px;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
    `,
  ];
}

if (!customElements.get('llm-ops-incident-detail')) {
  customElements.define('llm-ops-incident-detail', LlmOpsIncidentDetail);
}
