/**
 * `llm-ops-approval-card`: the proposals waiting for a decision, with their dry-run preview
 * and, for administrators, Approve / Reject behind a confirmation. Decided proposals stay
 * on the card with their progress and outcome until it is reloaded. Each proposal is the
 * panel's own `llm-ops-proposal`, compact.
 */
import { mdiCheckCircle } from '@mdi/js';
import type { HomeAssistant } from 'custom-card-helpers';
import { css, html, nothing, type TemplateResult } from 'lit';
import {
  ProposalTracker,
  baseStyles,
  icon,
  localize,
  proposalStyles,
  setLanguage,
  type ActionProposal,
  type HaIncidentSource,
  type OpsEvent,
  type ProposalDecidedEvent,
  type TrackedProposal,
} from '@ha-llm-ops/panel/shared';
import { LlmOpsCardBase } from './card-base.js';
import { cardStyles } from './card-styles.js';
import { PANEL_PATH } from './incidents-card.js';
import { APPROVAL_DEFAULTS, checkApprovalConfig, type ApprovalCardConfig } from './config.js';

declare global {
  interface HTMLElementTagNameMap {
    'llm-ops-approval-card': LlmOpsApprovalCard;
  }
}

export class LlmOpsApprovalCard extends LlmOpsCardBase<ApprovalCardConfig, ActionProposal[]> {
  /** Proposals decided here, shown with their progress. */
  private decided: string[] = [];
  private tracker: ProposalTracker | undefined;
  private trackerSource: HaIncidentSource | undefined;
  private unwatch: (() => void) | undefined;

  static getConfigElement(): HTMLElement {
    return document.createElement('llm-ops-approval-card-editor');
  }

  static getStubConfig(_hass?: HomeAssistant): Omit<ApprovalCardConfig, 'type'> {
    setLanguage(_hass?.locale?.language ?? _hass?.language);
    return { title: localize('card.approval.title'), max_items: APPROVAL_DEFAULTS.max_items };
  }

  protected checkConfig(config: unknown): ApprovalCardConfig {
    return checkApprovalConfig(config);
  }

  private get maxItems(): number {
    return this._config?.max_items ?? APPROVAL_DEFAULTS.max_items;
  }

  private get pending(): ActionProposal[] {
    return this.data.value ?? [];
  }

  getCardSize(): number {
    const n = Math.max(1, Math.min(this.pending.length + this.decided.length, this.maxItems));
    return 1 + n * (this._config?.show_preview === false ? 2 : 3);
  }

  getGridOptions(): { columns: number; min_columns: number; min_rows: number } {
    return { columns: 6, min_columns: 4, min_rows: 2 };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
    this.unwatch = undefined;
    this.tracker?.dispose();
    this.tracker = undefined;
    this.trackerSource = undefined;
  }

  private trackerFor(source: HaIncidentSource): ProposalTracker {
    if (!this.tracker || this.trackerSource !== source) {
      this.unwatch?.();
      this.tracker?.dispose();
      this.tracker = new ProposalTracker(source);
      this.trackerSource = source;
      this.unwatch = this.tracker.onChange(() => this.requestUpdate());
    }
    return this.tracker;
  }

  protected async fetchData(source: HaIncidentSource): Promise<ActionProposal[]> {
    const pending = await source.proposals();
    this.trackerFor(source).upsert(pending);
    return pending;
  }

  protected override onOpsEvent(event: OpsEvent): void {
    if (event.kind === 'action') this.tracker?.applyEvent(event.data);
  }

  /** Approved or rejected on this card: keep it shown with its progress. */
  private onDecided = (ev: ProposalDecidedEvent) => {
    const { id } = ev.detail.proposal;
    if (!this.decided.includes(id)) this.decided.unshift(id);
    this.reload(300);
  };

  protected override render(): TemplateResult {
    const c = this._config;
    if (!c) return html``;
    // As the rows show them: a proposal decided since the last fetch no longer waits.
    const waiting = this.pending.filter(
      (p) => (this.tracker?.get(p.id)?.proposal.status ?? p.status) === 'proposed',
    );
    return html`<ha-card>
      <div class="header">
        <h2>
          ${c.title ?? localize('card.approval.title')}
          ${
            this.data.loaded && waiting.length
              ? html`<span class="badge" data-field="count">${waiting.length}</span>`
              : nothing
          }
        </h2>
      </div>
      <div class="content">${this.renderContent(c)}</div>
    </ha-card>`;
  }

  private renderContent(c: ApprovalCardConfig): TemplateResult {
    const waiting = this.renderLoadState();
    if (waiting) return waiting;
    const pendingIds = new Set(this.pending.map((p) => p.id));
    const decided = this.decided
      .filter((id) => !pendingIds.has(id))
      .map((id) => this.tracker?.get(id))
      .filter((t): t is TrackedProposal => t !== undefined);
    const rows = [
      ...decided,
      ...this.pending.map(
        (p) => this.tracker?.get(p.id) ?? { proposal: p, detail: null, backupId: null },
      ),
    ];
    const shown = rows.slice(0, this.maxItems);
    const error = this.data.error;
    // Rows in place, not keyed (repeat would add 2 kB to the bundle): a proposal element
    // forgets what it sent once it shows another proposal.
    return html`${error ? html`<p class="error-text" role="alert">${error.message}</p>` : nothing}
    ${
      shown.length === 0
        ? html`<div class="state ok">
            ${icon(mdiCheckCircle)}
            <p>${localize('card.approval.empty')}</p>
          </div>`
        : html`<ul class="list proposals">
            ${shown.map((t) => this.renderProposal(t, c))}
          </ul>`
    }
    ${
      rows.length > shown.length
        ? html`<p class="secondary more">
            ${localize('card.approval.more', { count: rows.length - shown.length })}
          </p>`
        : nothing
    }`;
  }

  private renderProposal(t: TrackedProposal, c: ApprovalCardConfig): TemplateResult {
    const p = t.proposal;
    return html`<li class="proposal" data-proposal=${p.id}>
      <llm-ops-proposal
        compact
        .proposal=${p}
        .detail=${t.detail}
        .backupId=${t.backupId}
        .source=${this.source}
        .tracker=${this.tracker}
        .canDecide=${this._canDecide}
        .showPreview=${c.show_preview !== false}
        .incidentHref=${`${PANEL_PATH}/incident/${encodeURIComponent(p.incident_id)}`}
        .locale=${this.locale}
        @proposal-decided=${this.onDecided}
      ></llm-ops-proposal>
    </li>`;
  }

  static override styles = [
    baseStyles,
    cardStyles,
    proposalStyles,
    css`
      li.proposal {
        padding: 10px 0;
      }
      li.proposal + li.proposal {
        border-top: 1px solid var(--divider-color, #e0e0e0);
      }
    `,
  ];
}

if (!customElements.get('llm-ops-approval-card')) {
  customElements.define('llm-ops-approval-card', LlmOpsApprovalCard);
}
