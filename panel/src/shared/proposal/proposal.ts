/**
 * `llm-ops-proposal`: one proposed fix — what it does (the dry-run preview), Approve /
 * Reject behind a confirmation for administrators, then its progress and how it ended.
 * The incident's page shows it in full, the approval card `compact`; both draw it here.
 * The panel and the cards bundle it each; they ship from one build, so whichever defines
 * the element first defines the same one. Its owner styles it with `proposalStyles`.
 */
import { mdiShieldCheck } from '@mdi/js';
import { navigate } from 'custom-card-helpers';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ProposalTracker } from '../data/proposal-tracker.js';
import type { ActionProposal, IncidentSource, ProposalDetail } from '../data/types.js';
import { ConfirmController } from '../ui/confirm.js';
import { PROPOSAL_STATUS_LABELS, relativeTime } from '../ui/format.js';
import { icon } from '../ui/icons.js';
import { localize } from '../i18n/index.js';
import {
  compactOutcome,
  decisionQuestion,
  executionSteps,
  previewFacts,
  proposalByline,
  proposalStatusChip,
  resultFacts,
  riskChip,
  trackRecordLine,
} from './proposal-view.js';

/** `proposal-decided`: approved or rejected; the detail is the proposal as the back end answered. */
export type ProposalDecidedEvent = CustomEvent<{ proposal: ActionProposal }>;

declare global {
  interface HTMLElementTagNameMap {
    'llm-ops-proposal': LlmOpsProposal;
  }
}

export class LlmOpsProposal extends LitElement {
  static override properties = {
    proposal: { attribute: false },
    detail: { attribute: false },
    backupId: { attribute: false },
    source: { attribute: false },
    tracker: { attribute: false },
    canDecide: { type: Boolean, attribute: 'can-decide' },
    compact: { type: Boolean, reflect: true },
    showPreview: { type: Boolean, attribute: 'show-preview' },
    incidentHref: { attribute: false },
    locale: { type: String },
    _busy: { state: true },
    _error: { state: true },
  };

  declare proposal: ActionProposal | undefined;
  /** Execution steps and result, when the back end can tell. */
  declare detail: ProposalDetail | null;
  /** The backup id an action event named (without a detail). */
  declare backupId: string | null;
  /** Where decisions go. */
  declare source: IncidentSource | undefined;
  /** Told about a decision's answer, so progress shows at once. */
  declare tracker: ProposalTracker | undefined;
  declare canDecide: boolean;
  /** A card row: summary, preview folded, outcome in one line. */
  declare compact: boolean;
  /** Compact only: offer the dry-run preview. */
  declare showPreview: boolean;
  /** Compact only: a "View incident" link (administrators; the panel is admin-only). */
  declare incidentHref: string | undefined;
  declare locale: string | undefined;
  declare private _busy: boolean;
  declare private _error: string | undefined;

  private readonly confirm = new ConfirmController(this);

  constructor() {
    super();
    this.detail = null;
    this.backupId = null;
    this.canDecide = false;
    this.compact = false;
    this.showPreview = true;
    this._busy = false;
  }

  /**
   * No shadow root of its own: the proposal reads as part of the card or page around it
   * (its text, its headings) and takes that owner's styles, which include `proposalStyles`.
   */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another proposal in this place: what was sent for the previous one does not apply.
    const before = changed.get('proposal') as ActionProposal | undefined;
    if (before && before.id !== this.proposal?.id) {
      this._busy = false;
      this._error = undefined;
    }
  }

  private async decide(approve: boolean): Promise<void> {
    const p = this.proposal;
    if (!p) return;
    const answer = await this.confirm.ask(decisionQuestion(p, approve));
    const source = this.source;
    if (!answer || !source) return;
    this._busy = true;
    this._error = undefined;
    try {
      const updated = approve
        ? await source.approve(p.id)
        : await source.reject(p.id, answer.reason || undefined);
      this.tracker?.upsert([updated]);
      this.dispatchEvent(
        new CustomEvent('proposal-decided', { detail: { proposal: updated }, bubbles: true }),
      );
    } catch (err) {
      // Only while this element still shows that proposal (a card reuses it in place).
      if (this.proposal?.id === p.id) {
        this._error = err instanceof Error ? err.message : String(err);
      }
    } finally {
      this._busy = false;
    }
  }

  private onOpenIncident = (ev: MouseEvent) => {
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || !this.incidentHref) return;
    ev.preventDefault();
    navigate(this, this.incidentHref);
  };

  protected override render(): TemplateResult | typeof nothing {
    const p = this.proposal;
    if (!p) return nothing;
    return html`${this.compact ? this.renderCompact(p) : this.renderFull(p)}
    ${this.confirm.render()}`;
  }

  private renderButtons(): TemplateResult {
    return html`<div class="actions">
      <button
        class="btn primary"
        data-action="approve"
        ?disabled=${this._busy}
        @click=${() => void this.decide(true)}
      >
        ${icon(mdiShieldCheck)} ${localize('proposal.approve_button')}
      </button>
      <button
        class="btn danger"
        data-action="reject"
        ?disabled=${this._busy}
        @click=${() => void this.decide(false)}
      >
        ${localize('proposal.reject_button')}
      </button>
    </div>`;
  }

  private renderError(): TemplateResult | typeof nothing {
    return this._error ? html`<p class="error-text" role="alert">${this._error}</p>` : nothing;
  }

  private renderFull(p: ActionProposal): TemplateResult {
    const pending = p.status === 'proposed';
    const running = p.status === 'approved' || p.status === 'executing';
    const execution = this.detail?.execution ?? null;
    const result = this.detail?.result ?? null;
    return html`<article class="proposal" data-proposal=${p.id} aria-labelledby="proposal-${p.id}">
      <header>
        <h4 id="proposal-${p.id}">${p.preview.label}</h4>
        ${proposalStatusChip(p.status)} ${riskChip(p.risk)}
      </header>
      ${p.rationale ? html`<p>${p.rationale}</p>` : nothing} ${trackRecordLine(p)}
      ${
        pending
          ? html`<div class="preview">${previewFacts(p)}</div>`
          : html`<details class="preview">
              <summary>${localize('proposal.dry_run_preview')}</summary>
              ${previewFacts(p)}
            </details>`
      }
      ${
        pending
          ? this.canDecide
            ? this.renderButtons()
            : html`<p class="secondary">${localize('proposal.admin_only_fix')}</p>`
          : nothing
      }
      ${this.renderError()}
      ${
        execution
          ? html`<h5>${localize('proposal.progress')}</h5>
              ${executionSteps(execution)}`
          : running
            ? html`<p class="progress" role="status">
                <span class="spinner small" aria-hidden="true"></span>
                ${localize(p.status === 'approved' ? 'proposal.starting' : 'proposal.running')}
              </p>`
            : nothing
      }
      ${
        result
          ? html`<h5>${localize('proposal.result')}</h5>
              ${resultFacts(result)}`
          : !pending && !running && p.status !== 'rejected' && p.status !== 'expired'
            ? html`<p class="outcome" data-outcome=${p.status}>
                ${PROPOSAL_STATUS_LABELS[p.status]}${
                  this.backupId
                    ? html` · ${localize('proposal.backup_inline')}
                        <span class="mono" data-field="backup-id">${this.backupId}</span>`
                    : nothing
                }
              </p>`
            : nothing
      }
      ${proposalByline(p, this.locale)}
    </article>`;
  }

  private renderCompact(p: ActionProposal): TemplateResult {
    const pending = p.status === 'proposed';
    const result = this.detail?.result ?? null;
    const backupId = result?.backup_id ?? this.backupId;
    return html`<div class="line">
        <strong>${p.preview.label}</strong>
        ${pending ? riskChip(p.risk) : proposalStatusChip(p.status)}
      </div>
      <div class="summary">${p.preview.summary}</div>
      ${trackRecordLine(p, 'track-record secondary small')}
      <div class="secondary small">
        ${
          this.canDecide && this.incidentHref
            ? html`<a href=${this.incidentHref} @click=${this.onOpenIncident}
                  >${localize('proposal.view_incident')}</a
                >
                · `
            : nothing
        }
        ${localize('proposal.proposed_when', { when: relativeTime(p.created_at, this.locale) })}
      </div>
      ${
        pending && this.showPreview
          ? html`<details class="preview">
              <summary>${localize('proposal.dry_run_preview')}</summary>
              ${previewFacts(p)}
            </details>`
          : nothing
      }
      ${
        pending
          ? this.canDecide
            ? this.renderButtons()
            : html`<p class="secondary small">${localize('proposal.admin_only')}</p>`
          : compactOutcome(p, result, backupId)
      }
      } ${this.renderError()}`;
  }
}

if (!customElements.get('llm-ops-proposal')) {
  customElements.define('llm-ops-proposal', LlmOpsProposal);
}
