/** The incident's head: severity, status and category, its title, and the facts about it. */
import { mdiBellOffOutline, mdiBookPlusOutline, mdiEyeOff } from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import {
  ACTIVE_STATUSES,
  OUTCOME_LABELS,
  SEVERITY_ICONS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  categoryLabel,
  dateTime,
  icon,
  localize,
  localizeParts,
  relativeTime,
  type Incident,
} from '../shared/index.js';

export interface SummaryView {
  canDecide: boolean;
  /** A dismissal or a false alarm is being sent. */
  dismissing: boolean;
  /** Why the last one failed. */
  dismissError: string | undefined;
  onDismiss: () => void;
  /** Mark it not a problem (a false alarm). */
  onFalseAlarm: () => void;
  /** Save a resolved, analyzed incident as a rule of the knowledge file. */
  onSaveRule: () => void;
  /** The rule just saved from it, if any. */
  savedRule: string | undefined;
  locale: string | undefined;
}

/** A time as "3 minutes ago", with the full date beside it. */
function time(iso: string, locale: string | undefined): TemplateResult {
  return html`<time datetime=${iso} title=${dateTime(iso, locale)}
      >${relativeTime(iso, locale)}</time
    >
    <span class="secondary">(${dateTime(iso, locale)})</span>`;
}

/** The title is focusable (`#incident-title`): a newly opened incident moves focus there. */
export function incidentSummary(i: Incident, v: SummaryView): TemplateResult {
  const active = ACTIVE_STATUSES.includes(i.status);
  const falseAlarm = active || i.outcome?.outcome !== 'false_alarm';
  // A resolved, analyzed incident can teach the offline analyzer a rule (once).
  const saveRule = i.status === 'resolved' && i.remedy !== null && !v.savedRule;
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
      <dt>${localize('summary.integration')}</dt>
      <dd class="mono">${i.integration ?? '–'}</dd>
      ${
        i.entry_id
          ? html`<dt>${localize('summary.entry')}</dt>
              <dd class="mono">${i.entry_id}</dd>`
          : nothing
      }
      ${
        i.subject
          ? html`<dt>${localize('summary.subject')}</dt>
              <dd class="mono">${i.subject}</dd>`
          : nothing
      }
      <dt>${localize('summary.occurrences')}</dt>
      <dd data-field="occurrences">${i.occurrences}</dd>
      <dt>${localize('summary.first_seen')}</dt>
      <dd>${time(i.first_seen, v.locale)}</dd>
      <dt>${localize('summary.last_seen')}</dt>
      <dd>${time(i.last_seen, v.locale)}</dd>
      ${
        i.resolved_at
          ? html`<dt>
                ${localize(i.status === 'dismissed' ? 'summary.dismissed' : 'summary.resolved')}
              </dt>
              <dd>
                ${time(i.resolved_at, v.locale)}${i.resolution ? html` — ${i.resolution}` : nothing}
              </dd>`
          : nothing
      }
      ${
        i.outcome
          ? html`<dt>${localize('summary.outcome')}</dt>
              <dd data-field="outcome" data-outcome=${i.outcome.outcome}>
                ${OUTCOME_LABELS[i.outcome.outcome]}${
                  i.outcome.decided_by ? html` — ${i.outcome.decided_by}` : nothing
                }
              </dd>`
          : nothing
      }
    </dl>
    ${
      v.canDecide && (falseAlarm || saveRule)
        ? html`<div class="actions">
            ${
              falseAlarm
                ? html`<button
                    class="btn"
                    data-action="false-alarm"
                    ?disabled=${v.dismissing}
                    @click=${v.onFalseAlarm}
                  >
                    ${icon(mdiBellOffOutline)} ${localize('summary.false_alarm')}
                  </button>`
                : nothing
            }
            ${
              active
                ? html`<button
                    class="btn danger"
                    data-action="dismiss"
                    ?disabled=${v.dismissing}
                    @click=${v.onDismiss}
                  >
                    ${icon(mdiEyeOff)} ${localize('summary.dismiss')}
                  </button>`
                : nothing
            }
            ${
              saveRule
                ? html`<button
                    class="btn"
                    data-action="save-rule"
                    ?disabled=${v.dismissing}
                    @click=${v.onSaveRule}
                  >
                    ${icon(mdiBookPlusOutline)} ${localize('summary.save_rule')}
                  </button>`
                : nothing
            }
          </div>`
        : nothing
    }
    ${
      v.savedRule
        ? html`<p class="secondary" role="status" data-field="saved-rule">
            ${localizeParts('summary.saved_rule', {
              rule: html`<span class="mono">${v.savedRule}</span>`,
            })}
          </p>`
        : nothing
    }
    ${v.dismissError ? html`<p class="error-text" role="alert">${v.dismissError}</p>` : nothing}
  </section>`;
}
