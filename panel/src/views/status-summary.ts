/** The mode, the policy in force and the counts, at the top of the incident list. */
import { mdiAlertCircleOutline, mdiShieldCheck, mdiShieldOff } from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import {
  amount,
  dateTime,
  humanize,
  icon,
  localize,
  localizeParts,
  localizedLabels,
  relativeTime,
  type LlmBudget,
  type Mode,
  type OpsStatus,
} from '../shared/index.js';

const MODES = ['observe', 'approve', 'auto'] as const satisfies readonly Mode[];

export const MODE_LABELS: Readonly<Record<Mode, string>> = localizedLabels('mode', MODES);

const MODE_HELP: Readonly<Record<Mode, string>> = localizedLabels('mode_help', MODES);

/** Calls left this hour and the month's cost (against the cap, when there is one). */
function llmFacts(llm: LlmBudget, locale?: string): TemplateResult {
  return html`<dt>${localize('overview.llm')}</dt>
    <dd data-field="llm-budget">
      ${localizeParts(
        llm.monthly_cost_cap === null ? 'overview.llm_budget' : 'overview.llm_budget_cap',
        {
          left: html`<strong data-field="llm-calls-left">${llm.calls_left_this_hour}</strong>`,
          per_hour: llm.calls_per_hour,
          cost: html`<span data-field="llm-month-cost"
            >${amount(llm.cost_this_month, locale)}</span
          >`,
          cap: amount(llm.monthly_cost_cap ?? 0, locale),
        },
      )}
    </dd>`;
}

/** Why the LLM is not asked now, so nobody wonders why incidents get the offline analysis only. */
function llmPausedBanner(llm: LlmBudget, locale?: string): TemplateResult {
  return html`<div class="banner warning" role="status" data-field="llm-paused">
    ${icon(mdiAlertCircleOutline)}
    <p>
      ${
        llm.paused === 'monthly_cost_cap'
          ? html`<strong>${localize('overview.llm_cap_reached')}</strong> ${localize(
                'overview.llm_cap_reached_detail',
                {
                  cost: amount(llm.cost_this_month, locale),
                  cap: amount(llm.monthly_cost_cap ?? 0, locale),
                  until: dateTime(llm.month_resets_at, locale),
                },
              )}`
          : html`<strong
                >${localize('overview.llm_calls_used_up', { per_hour: llm.calls_per_hour })}</strong
              >
              ${localize('overview.llm_calls_used_up_detail')}`
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
    <dt>${localize('overview.policy')}</dt>
    <dd data-field="policy">
      ${
        policy.valid
          ? html`${localize('overview.policy_valid')}${
              policy.source
                ? html` <span class="secondary mono" title=${policy.source}
                    >${policy.source.split('/').pop()}</span
                  >`
                : nothing
            }`
          : html`<span class="error-text">${localize('overview.policy_invalid')}</span>`
      }
    </dd>
    ${
      policy.max_actions_per_hour !== undefined
        ? html`<dt>${localize('overview.budget')}</dt>
            <dd>${localize('overview.budget_value', { count: policy.max_actions_per_hour })}</dd>`
        : nothing
    }
    <dt>${localize('overview.quiet_hours')}</dt>
    <dd>
      ${
        policy.quiet_hours
          ? `${policy.quiet_hours.start}–${policy.quiet_hours.end}${status.time_zone ? ` (${status.time_zone})` : ''}`
          : localize('overview.none')
      }
    </dd>
    ${
      status.mode === 'auto' || autoActions.length
        ? html`<dt>${localize('overview.automatic')}</dt>
            <dd>${autoActions.length ? autoActions.join(', ') : localize('overview.nothing')}</dd>`
        : nothing
    }
    <dt>${localize('overview.incidents')}</dt>
    <dd>
      ${localizeParts('overview.counts', {
        open: html`<strong data-field="open-count">${status.counts.open}</strong>`,
        awaiting: html`<strong data-field="awaiting-count"
          >${status.counts.awaiting_approval}</strong
        >`,
      })}${
        status.last_analysis_at
          ? html` ·
            ${localize('overview.last_analysis', {
              when: relativeTime(status.last_analysis_at, locale),
            })}`
          : nothing
      }
    </dd>
    ${status.llm ? llmFacts(status.llm, locale) : nothing}
  </dl>`;
  return html`<section class="card status-summary" aria-label=${localize('overview.aria')}>
    <div class="mode" data-mode=${status.mode}>
      ${icon(status.mode === 'observe' ? mdiShieldOff : mdiShieldCheck)}
      <div>
        <div>
          <span class="secondary">${localize('overview.mode')}</span>
          <strong>${MODE_LABELS[status.mode]}</strong>
        </div>
        <div class="secondary small">${MODE_HELP[status.mode]}</div>
      </div>
    </div>
    ${
      narrow
        ? html`<details class="policy-details">
            <summary>${localize('overview.details')}</summary>
            ${facts}
          </details>`
        : facts
    }
    ${
      !policy.valid && policy.error
        ? html`<div class="banner error" role="alert">
            ${icon(mdiAlertCircleOutline)}
            <p>
              <strong>${localize('overview.policy_error')}</strong>
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
              <strong>${localize('overview.knowledge_error')}</strong>
              ${localizeParts('overview.knowledge_error_detail', {
                error: html`<span class="mono">${status.knowledge.error}</span>`,
              })}
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
              ${localizeParts('overview.system_log', {
                yaml: html`<span class="mono">system_log: fire_event: true</span>`,
              })}
            </p>
          </div>`
    }
  </section>`;
}
