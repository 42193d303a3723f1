/** How a proposal, its dry-run preview, its execution and its result look (panel and card). */
import { mdiHistory } from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import type {
  ActionExecution,
  ActionProposal,
  ExecutionResult,
  ProposalStatus,
} from '../data/types.js';
import {
  PROPOSAL_STATUS_LABELS,
  duration,
  humanize,
  relativeTime,
  stepLabel,
} from '../ui/format.js';
import type { ConfirmRequest } from '../ui/confirm.js';
import { icon, outcomeIcon } from '../ui/icons.js';
import { localize } from '../i18n/index.js';

const STATUS_CLASS: Partial<Record<ProposalStatus, string>> = {
  succeeded: 'succeeded',
  failed: 'failed',
  rejected: 'failed',
  rolled_back: 'rolled_back',
  interrupted: 'interrupted',
};

/** "Low risk", in words. */
export function riskLabel(risk: string): string {
  const key = `risk.${risk}`;
  const label = localize(key);
  return label === key ? localize('risk.other', { risk: humanize(risk) }) : label;
}

export function riskChip(risk: string): TemplateResult {
  return html`<span class="chip plain ${risk}" data-risk=${risk}>${riskLabel(risk)}</span>`;
}

export function proposalStatusChip(status: ProposalStatus): TemplateResult {
  return html`<span class="chip ${STATUS_CLASS[status] ?? ''}" data-status=${status}
    >${icon(outcomeIcon(status))}${PROPOSAL_STATUS_LABELS[status] ?? humanize(status)}</span
  >`;
}

export function paramsTable(params: ActionProposal['params']): TemplateResult | typeof nothing {
  const entries = Object.entries(params);
  if (entries.length === 0) return nothing;
  return html`<table class="param-table">
    <caption class="visually-hidden">
      ${localize('proposal.parameters')}
    </caption>
    <tbody>
      ${entries.map(
        ([k, v]) =>
          html`<tr>
            <th scope="row">${k}</th>
            <td class="mono">${String(v)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/**
 * How the action went for the incident's integration here when it was proposed ("Reload the
 * integration entry fixed fault_lab 5 of 6 times here."); nothing when the back end did not say.
 */
export function trackRecordLine(
  p: ActionProposal,
  className = 'track-record',
): TemplateResult | typeof nothing {
  const record = p.preview.track_record;
  if (!record) return nothing;
  return html`<p
    class=${className}
    data-field="track-record"
    data-tries=${record.tries}
    data-verified=${record.verified}
  >
    ${icon(mdiHistory)}<span>${record.summary}</span>
  </p>`;
}

/** The dry-run preview: what, when, backup scope, checks afterwards, undo. */
export function previewFacts(p: ActionProposal): TemplateResult {
  const { preview } = p;
  return html`<dl class="facts preview">
    <dt>${localize('proposal.action')}</dt>
    <dd>${p.preview.label} <span class="secondary mono">${p.action_id}</span></dd>
    <dt>${localize('proposal.does')}</dt>
    <dd>${preview.summary}</dd>
    ${
      preview.precondition
        ? html`<dt>${localize('proposal.when')}</dt>
            <dd>${preview.precondition}</dd>`
        : nothing
    }
    ${
      Object.keys(p.params).length
        ? html`<dt>${localize('proposal.parameters')}</dt>
            <dd>${paramsTable(p.params)}</dd>`
        : nothing
    }
    <dt>${localize('proposal.backup')}</dt>
    <dd data-field="backup">${preview.backup ?? localize('proposal.backup_none_needed')}</dd>
    <dt>${localize('proposal.verification')}</dt>
    <dd data-field="verification">
      ${
        preview.verification.length
          ? html`<ul class="plain-list">
              ${preview.verification.map(
                (v) =>
                  html`<li>
                    ${v.description}${
                      v.timeout_s
                        ? html` <span class="secondary"
                            >${localize('proposal.waits_up_to', { seconds: v.timeout_s })}</span
                          >`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>`
          : localize('proposal.none')
      }
    </dd>
    <dt>${localize('proposal.rollback')}</dt>
    <dd>${preview.rollback}</dd>
  </dl>`;
}

/** The body of the "approve?" question. */
export function approveQuestion(p: ActionProposal): TemplateResult {
  return html`<p>${p.preview.summary}</p>
    <p>
      ${
        p.preview.backup
          ? localize('proposal.ask_backup', { backup: p.preview.backup })
          : localize('proposal.ask_no_backup')
      }
      ${
        p.preview.verification.length
          ? localize('proposal.ask_checks', {
              checks: p.preview.verification.map((v) => v.description).join('; '),
            })
          : nothing
      }
    </p>
    <p class="secondary">
      ${localize('proposal.ask_risk', { risk: riskLabel(p.risk) })} ${p.preview.rollback}
    </p>`;
}

/** What Approve or Reject asks before anything is sent. */
export function decisionQuestion(p: ActionProposal, approve: boolean): ConfirmRequest {
  return approve
    ? {
        heading: localize('proposal.approve_heading', { action: p.preview.label }),
        body: approveQuestion(p),
        confirmLabel: localize('proposal.approve_and_run'),
      }
    : {
        heading: localize('proposal.reject_heading', { action: p.preview.label }),
        body: html`<p>${p.preview.summary}</p>
          <p class="secondary">${localize('proposal.reject_body')}</p>`,
        confirmLabel: localize('proposal.reject'),
        destructive: true,
        reason: { label: localize('proposal.reason_optional') },
      };
}

/** The steps of an execution as they are journaled: pre-check, backup, apply, verify, roll back. */
export function executionSteps(execution: ActionExecution): TemplateResult {
  return html`<ol class="steps" aria-label=${localize('proposal.execution_steps')}>
    ${execution.steps.map(
      (s) =>
        html`<li class=${s.status === 'running' ? '' : s.status} data-step=${s.step}>
          ${icon(outcomeIcon(s.status), s.status)}
          <div>
            <strong>${stepLabel(s.step)}</strong>
            <span class="secondary">${duration(s.started_at, s.finished_at)}</span>
            ${s.detail ? html`<div class="secondary">${s.detail}</div>` : nothing}
          </div>
        </li>`,
    )}
  </ol>`;
}

/** How an execution ended: backup id, verification checks, rollback, error. */
export function resultFacts(result: ExecutionResult): TemplateResult {
  const rb = result.rollback;
  return html`<dl class="facts result" data-outcome=${result.outcome}>
    <dt>${localize('proposal.outcome')}</dt>
    <dd>${proposalStatusChip(result.outcome)}</dd>
    <dt>${localize('proposal.backup')}</dt>
    <dd class="mono" data-field="backup-id">
      ${result.backup_id ?? localize('proposal.no_backup')}
    </dd>
    <dt>${localize('proposal.verification')}</dt>
    <dd data-field="verification-result">
      <span class="chip plain ${result.verification.passed ? 'passed' : 'failed'}"
        >${localize(result.verification.passed ? 'proposal.passed' : 'proposal.failed')}</span
      >
      ${
        result.verification.checks.length
          ? html`<ul class="checks">
              ${result.verification.checks.map(
                (c) =>
                  html`<li class=${c.passed ? 'passed' : 'failed'}>
                    ${icon(outcomeIcon(c.passed ? 'passed' : 'not_passed'))}
                    <div>
                      ${c.description}
                      ${c.detail ? html`<div class="secondary">${c.detail}</div>` : nothing}
                    </div>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </dd>
    ${
      rb
        ? html`<dt>${localize('proposal.rollback')}</dt>
            <dd data-field="rollback">
              ${localize(
                rb.attempted
                  ? rb.succeeded
                    ? 'proposal.rolled_back'
                    : 'proposal.rollback_failed'
                  : 'proposal.rollback_not_attempted',
              )}
              ${rb.detail ? html`<div class="secondary">${rb.detail}</div>` : nothing}
            </dd>`
        : nothing
    }
    ${
      result.error
        ? html`<dt>${localize('proposal.error')}</dt>
            <dd class="error-text">${result.error}</dd>`
        : nothing
    }
  </dl>`;
}

/** Who proposed it ("the offline analyzer", …). */
function proposedBy(by: string): string {
  const key = `proposal.by.${by}`;
  const text = localize(key);
  return text === key ? humanize(by) : text;
}

/** Who proposed it and when; who decided; when an open one expires. */
export function proposalByline(p: ActionProposal, locale: string | undefined): TemplateResult {
  const pending = p.status === 'proposed';
  return html`<p class="secondary small">
    ${localize('proposal.proposed_by', {
      by: proposedBy(p.proposed_by),
      when: relativeTime(p.created_at, locale),
    })}${
      p.decided_by ? html` · ${localize('proposal.decided_by', { name: p.decided_by })}` : nothing
    }${
      p.expires_at && pending
        ? html` ·
          ${localize('proposal.expires', {
            when: relativeTime(p.expires_at, locale),
          })}`
        : nothing
    }
  </p>`;
}

/** A decided proposal on a card, in one line: running, its backup, verified, rolled back. */
export function compactOutcome(
  p: ActionProposal,
  result: ExecutionResult | null,
  backupId: string | null | undefined,
): TemplateResult {
  return html`<div class="outcome secondary small" data-outcome=${p.status}>
    ${
      p.status === 'approved' || p.status === 'executing'
        ? html`<span class="spinner" aria-hidden="true"></span>
            ${localize('proposal.running_steps')}`
        : nothing
    }
    ${
      backupId
        ? html`${localize('proposal.backup')} <span class="mono">${backupId}</span>`
        : nothing
    }
    ${
      result
        ? html` ·
          ${localize(
            result.verification.passed
              ? 'proposal.verification_passed'
              : 'proposal.verification_failed',
          )}${
            result.rollback?.attempted
              ? html` ·
                ${localize(
                  result.rollback.succeeded
                    ? 'proposal.rolled_back_inline'
                    : 'proposal.rollback_failed_inline',
                )}`
              : nothing
          }`
        : nothing
    }
  </div>`;
}
