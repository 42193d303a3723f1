/** The mode, the policy in force and the counts, at the top of the incident list. */
import { mdiAlertCircleOutline, mdiShieldCheck, mdiShieldOff } from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import {
  amount,
  dateTime,
  humanize,
  icon,
  relativeTime,
  type LlmBudget,
  type Mode,
  type OpsStatus,
} from '../shared/index.js';

export const MODE_LABELS: Readonly<Record<Mode, string>> = {
  observe: 'Observe',
  approve: 'Approve',
  auto: 'Auto',
};

const MODE_HELP: Readonly<Record<Mode, string>> = {
  observe: 'LLM Ops explains incidents and never acts.',
  approve: 'Fixes run only after an administrator approves them.',
  auto: 'Fixes the policy marks automatic run on their own; the rest wait for approval.',
};

/** Calls left this hour and the month's cost (against the cap, when there is one). */
function llmFacts(llm: LlmBudget, locale?: string): TemplateResult {
  return html`<dt>LLM</dt>
    <dd data-field="llm-budget">
      <strong data-field="llm-calls-left">${llm.calls_left_this_hour}</strong> of
      ${llm.calls_per_hour} calls left this hour ·
      <span data-field="llm-month-cost">${amount(llm.cost_this_month, locale)}</span> this
      month${llm.monthly_cost_cap === null ? nothing : html` of ${amount(llm.monthly_cost_cap, locale)}`}
    </dd>`;
}

/** Why the LLM is not asked now, so nobody wonders why incidents get the offline analysis only. */
function llmPausedBanner(llm: LlmBudget, locale?: string): TemplateResult {
  return html`<div class="banner warning" role="status" data-field="llm-paused">
    ${icon(mdiAlertCircleOutline)}
    <p>
      ${
        llm.paused === 'monthly_cost_cap'
          ? html`<strong>The LLM's monthly cost cap is reached</strong>
              (${amount(llm.cost_this_month, locale)} of
              ${amount(llm.monthly_cost_cap ?? 0, locale)}): incidents get the offline analysis only
              until ${dateTime(llm.month_resets_at, locale)}.`
          : html`<strong>The LLM's ${llm.calls_per_hour} calls this hour are used up:</strong> new
              incidents get the offline analysis until calls free up.`
      }
    </p>
  </div>`;
}

/** On a phone the policy details fold away behind the mode line. */
export function statusSummary(status: OpsStatus, locale?: string, narrow = false): TemplateResult {
  const { policy } = status;
  const autoActions = (policy.auto_actions ?? []).map(
    (id) => status.action_labels?.[id] ?? humanize(id),
  );
  const facts = html`<dl class="facts policy">
    <dt>Policy</dt>
    <dd data-field="policy">
      ${
        policy.valid
          ? html`valid${
              policy.source ? html` <span class="secondary mono">${policy.source}</span>` : nothing
            }`
          : html`<span class="error-text">invalid — running observe-only</span>`
      }
    </dd>
    ${
      policy.max_actions_per_hour !== undefined
        ? html`<dt>Budget</dt>
            <dd>at most ${policy.max_actions_per_hour} action(s) per hour</dd>`
        : nothing
    }
    <dt>Quiet hours</dt>
    <dd>
      ${
        policy.quiet_hours
          ? `${policy.quiet_hours.start}–${policy.quiet_hours.end}${status.time_zone ? ` (${status.time_zone})` : ''}`
          : 'none'
      }
    </dd>
    ${
      status.mode === 'auto' || autoActions.length
        ? html`<dt>Automatic</dt>
            <dd>${autoActions.length ? autoActions.join(', ') : 'nothing'}</dd>`
        : nothing
    }
    <dt>Incidents</dt>
    <dd>
      <strong data-field="open-count">${status.counts.open}</strong> open ·
      <strong data-field="awaiting-count">${status.counts.awaiting_approval}</strong> awaiting
      approval${
        status.last_analysis_at
          ? html` · last analysis ${relativeTime(status.last_analysis_at, locale)}`
          : nothing
      }
    </dd>
    ${status.llm ? llmFacts(status.llm, locale) : nothing}
  </dl>`;
  return html`<section class="card status-summary" aria-label="Mode and policy">
    <div class="mode" data-mode=${status.mode}>
      ${icon(status.mode === 'observe' ? mdiShieldOff : mdiShieldCheck)}
      <div>
        <div><span class="secondary">Mode</span> <strong>${MODE_LABELS[status.mode]}</strong></div>
        <div class="secondary small">${MODE_HELP[status.mode]}</div>
      </div>
    </div>
    ${
      narrow
        ? html`<details class="policy-details">
            <summary>Policy and counts</summary>
            ${facts}
          </details>`
        : facts
    }
    ${
      !policy.valid && policy.error
        ? html`<div class="banner error" role="alert">
            ${icon(mdiAlertCircleOutline)}
            <p>
              <strong>The policy file has an error:</strong>
              <span class="mono">${policy.error}</span>
            </p>
          </div>`
        : nothing
    }
    ${status.llm?.paused ? llmPausedBanner(status.llm, locale) : nothing}
    ${
      status.knowledge?.error
        ? html`<div class="banner error" role="alert" data-field="knowledge-error">
            ${icon(mdiAlertCircleOutline)}
            <p>
              <strong>The knowledge file has an error</strong> (the rules read before it stay in
              force): <span class="mono">${status.knowledge.error}</span>
            </p>
          </div>`
        : nothing
    }
    ${
      status.system_log_events
        ? nothing
        : html`<div class="banner warning">
            ${icon(mdiAlertCircleOutline)}
            <p>
              Home Assistant does not announce log entries, so LLM Ops polls the log and notices
              errors later. Add <span class="mono">system_log: fire_event: true</span> to
              configuration.yaml and restart Home Assistant.
            </p>
          </div>`
    }
  </section>`;
}
