/**
 * `llm-ops-approval-card`: the proposals waiting for a decision, with their dry-run preview
 * and, for administrators, Approve / Reject behind a confirmation. Decided proposals stay
 * on the card with their progress and outcome until it is reloaded.
 */
import { mdiCheckCircle, mdiShieldCheck } from '@mdi/js';
import type { HomeAssistant } from 'custom-card-helpers';
import { navigate } from 'custom-card-helpers';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { HaIncidentSource } from '../../panel/src/data/ha-source.js';
import { ProposalTracker, type TrackedProposal } from '../../panel/src/data/proposal-tracker.js';
import type { ActionProposal, OpsEvent } from '../../panel/src/data/types.js';
import { ConfirmController } from '../../panel/src/ui/confirm.js';
import { actionLabel, relativeTime } from '../../panel/src/ui/format.js';
import { icon } from '../../panel/src/ui/icons.js';
import { withEntry, withMember } from '../../panel/src/ui/state.js';
import {
  approveQuestion,
  previewFacts,
  proposalStatusChip,
  riskChip,
} from '../../panel/src/ui/proposal-view.js';
import { baseStyles } from '../../panel/src/ui/styles.js';
import { LlmOpsCardBase } from './card-base.js';
import { cardStyles } from './card-styles.js';
import { PANEL_PATH } from './incidents-card.js';
import { APPROVAL_DEFAULTS, checkApprovalConfig, type ApprovalCardConfig } from './config.js';

declare global {
  interface HTMLElementTagNameMap {
    'llm-ops-approval-card': LlmOpsApprovalCard;
  }
}

export class LlmOpsApprovalCard extends LlmOpsCardBase<ApprovalCardConfig> {
  static override properties = {
    ...LlmOpsCardBase.properties,
    _pending: { state: true },
    _busy: { state: true },
    _errors: { state: true },
  };

  declare private _pending: ActionProposal[];
  declare private _busy: ReadonlySet<string>;
  declare private _errors: ReadonlyMap<string, string>;
  /** Proposals decided here, shown with their progress. */
  private decided: string[] = [];
  private tracker: ProposalTracker | undefined;
  private trackerSource: HaIncidentSource | undefined;
  private unwatch: (() => void) | undefined;
  private readonly confirm = new ConfirmController(this);

  constructor() {
    super();
    this._pending = [];
    this._busy = new Set();
    this._errors = new Map();
  }

  static getConfigElement(): HTMLElement {
    return document.createElement('llm-ops-approval-card-editor');
  }

  static getStubConfig(_hass?: HomeAssistant): Omit<ApprovalCardConfig, 'type'> {
    return { title: APPROVAL_DEFAULTS.title, max_items: APPROVAL_DEFAULTS.max_items };
  }

  protected checkConfig(config: unknown): ApprovalCardConfig {
    return checkApprovalConfig(config);
  }

  private get maxItems(): number {
    return this._config?.max_items ?? APPROVAL_DEFAULTS.max_items;
  }

  getCardSize(): number {
    const n = Math.max(1, Math.min(this._pending.length + this.decided.length, this.maxItems));
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

  protected async fetchData(source: HaIncidentSource): Promise<void> {
    const pending = await source.proposals();
    this.trackerFor(source).upsert(pending);
    this._pending = pending;
  }

  protected override onOpsEvent(event: OpsEvent): void {
    if (event.kind === 'action') this.tracker?.applyEvent(event.data);
  }

  private setBusy(id: string, busy: boolean): void {
    this._busy = withMember(this._busy, id, busy);
  }

  private setError(id: string, message: string | null): void {
    this._errors = withEntry(this._errors, id, message);
  }

  private async decide(p: ActionProposal, approve: boolean): Promise<void> {
    const source = this.source;
    if (!source) return;
    const answer = await this.confirm.ask(
      approve
        ? {
            heading: `Approve: ${actionLabel(p.action_id)}?`,
            body: approveQuestion(p),
            confirmLabel: 'Approve and run',
          }
        : {
            heading: `Reject: ${actionLabel(p.action_id)}?`,
            body: html`<p>${p.preview.summary}</p>
              <p class="secondary">Nothing runs. The incident stays open.</p>`,
            confirmLabel: 'Reject',
            destructive: true,
            reason: { label: 'Reason (optional)' },
          },
    );
    if (!answer) return;
    this.setBusy(p.id, true);
    this.setError(p.id, null);
    try {
      const updated = approve
        ? await source.approve(p.id)
        : await source.reject(p.id, answer.reason || undefined);
      if (!this.decided.includes(p.id)) this.decided.unshift(p.id);
      this.trackerFor(source).upsert([updated]);
      this.reload(300);
    } catch (err) {
      this.setError(p.id, err instanceof Error ? err.message : String(err));
    } finally {
      this.setBusy(p.id, false);
    }
  }

  private onOpenIncident = (ev: MouseEvent) => {
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    const href = (ev.currentTarget as HTMLAnchorElement).getAttribute('href');
    if (!href) return;
    ev.preventDefault();
    navigate(this, href);
  };

  protected override render(): TemplateResult {
    const c = this._config;
    if (!c) return html``;
    const waiting = this._pending.filter((p) => p.status === 'proposed');
    return html`<ha-card>
      <div class="header">
        <h2>
          ${c.title ?? APPROVAL_DEFAULTS.title}
          ${
            this._loaded && waiting.length
              ? html`<span class="badge" data-field="count">${waiting.length}</span>`
              : nothing
          }
        </h2>
      </div>
      <div class="content">${this.renderContent(c)}</div>
      ${this.confirm.render()}
    </ha-card>`;
  }

  private renderContent(c: ApprovalCardConfig): TemplateResult {
    const waiting = this.renderLoadState();
    if (waiting) return waiting;
    const pendingIds = new Set(this._pending.map((p) => p.id));
    const decided = this.decided
      .filter((id) => !pendingIds.has(id))
      .map((id) => this.tracker?.get(id))
      .filter((t): t is TrackedProposal => t !== undefined);
    const rows = [
      ...decided,
      ...this._pending.map(
        (p) => this.tracker?.get(p.id) ?? { proposal: p, detail: null, backupId: null },
      ),
    ];
    const shown = rows.slice(0, this.maxItems);
    return html`${
      this._error ? html`<p class="error-text" role="alert">${this._error.message}</p>` : nothing
    }
    ${
      shown.length === 0
        ? html`<div class="state ok">
            ${icon(mdiCheckCircle)}
            <p>Nothing waits for approval.</p>
          </div>`
        : html`<ul class="list proposals">
            ${shown.map((t) => this.renderProposal(t, c))}
          </ul>`
    }
    ${
      rows.length > shown.length
        ? html`<p class="secondary more">${rows.length - shown.length} more waiting</p>`
        : nothing
    }`;
  }

  private renderProposal(t: TrackedProposal, c: ApprovalCardConfig): TemplateResult {
    const p = t.proposal;
    const pending = p.status === 'proposed';
    const busy = this._busy.has(p.id);
    const error = this._errors.get(p.id);
    const result = t.detail?.result ?? null;
    return html`<li class="proposal" data-proposal=${p.id}>
      <div class="line">
        <strong>${actionLabel(p.action_id)}</strong>
        ${pending ? riskChip(p.risk) : proposalStatusChip(p.status)}
      </div>
      <div class="summary">${p.preview.summary}</div>
      <div class="secondary small">
        ${
          this._canDecide
            ? html`<a
                  href="${PANEL_PATH}/incident/${encodeURIComponent(p.incident_id)}"
                  @click=${this.onOpenIncident}
                  >View incident</a
                >
                · `
            : nothing
        }
        proposed ${relativeTime(p.created_at, this.locale)}
      </div>
      ${
        pending && c.show_preview !== false
          ? html`<details class="preview">
              <summary>Dry-run preview</summary>
              ${previewFacts(p)}
            </details>`
          : nothing
      }
      ${
        pending
          ? this._canDecide
            ? html`<div class="actions">
                <button
                  class="btn primary"
                  data-action="approve"
                  ?disabled=${busy}
                  @click=${() => void this.decide(p, true)}
                >
                  ${icon(mdiShieldCheck)} Approve…
                </button>
                <button
                  class="btn danger"
                  data-action="reject"
                  ?disabled=${busy}
                  @click=${() => void this.decide(p, false)}
                >
                  Reject…
                </button>
              </div>`
            : html`<p class="secondary small">An administrator can approve or reject this.</p>`
          : html`<div class="outcome secondary small" data-outcome=${p.status}>
              ${
                p.status === 'approved' || p.status === 'executing'
                  ? html`<span class="spinner" aria-hidden="true"></span> Running: backup, apply,
                      verify…`
                  : nothing
              }
              ${
                (result?.backup_id ?? t.backupId)
                  ? html`Backup <span class="mono">${result?.backup_id ?? t.backupId}</span>`
                  : nothing
              }
              ${
                result
                  ? html` · verification
                    ${result.verification.passed ? 'passed' : 'failed'}${
                      result.rollback?.attempted
                        ? html` · ${result.rollback.succeeded ? 'rolled back' : 'rollback failed'}`
                        : nothing
                    }`
                  : nothing
              }
            </div>`
      }
      ${error ? html`<p class="error-text" role="alert">${error}</p>` : nothing}
    </li>`;
  }

  static override styles = [
    baseStyles,
    cardStyles,
    css`
      li.proposal {
        padding: 10px 0;
      }
      li.proposal + li.proposal {
        border-top: 1px solid var(--divider-color, #e0e0e0);
      }
      .line {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
      }
      .summary {
        margin: 4px 0;
      }
      .small {
        font-size: 12px;
      }
      .preview {
        margin: 6px 0;
        font-size: 14px;
      }
      details > summary {
        cursor: pointer;
        color: var(--primary-color, #03a9f4);
        padding: 2px 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin-top: 8px;
      }
      .outcome {
        display: flex;
        align-items: center;
        gap: 6px;
        margin-top: 4px;
      }
    `,
  ];
}

if (!customElements.get('llm-ops-approval-card')) {
  customElements.define('llm-ops-approval-card', LlmOpsApprovalCard);
}
