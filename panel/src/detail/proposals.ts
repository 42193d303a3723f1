/** The fixes proposed for the incident, newest first, each an `llm-ops-proposal`. */
import { mdiCancel } from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type {
  IncidentDetail,
  IncidentSource,
  ProposalTracker,
  TrackedProposal,
} from '../shared/index.js';
import { icon, localize } from '../shared/index.js';

export interface ProposalsView {
  tracked: readonly TrackedProposal[];
  source: IncidentSource | undefined;
  tracker: ProposalTracker | undefined;
  canDecide: boolean;
  locale: string | undefined;
  /** A proposal was approved or rejected here. */
  onDecided: () => void;
}

/** Actions the planner leaves out because they failed here repeatedly, each with why. */
function notProposed(d: IncidentDetail): TemplateResult | typeof nothing {
  if (!d.not_proposed.length) return nothing;
  return html`<ul class="plain-list not-proposed">
    ${d.not_proposed.map(
      (n) =>
        html`<li data-not-proposed=${n.action_id}>
          ${icon(mdiCancel)}<span
            ><strong>${localize('proposals.not_proposed')}</strong> ${n.reason}</span
          >
        </li>`,
    )}
  </ul>`;
}

export function proposalsSection(d: IncidentDetail, v: ProposalsView): TemplateResult {
  return html`<section class="card proposals" aria-labelledby="proposals-h">
    <h3 id="proposals-h">${localize('proposals.heading')}</h3>
    ${
      v.tracked.length === 0
        ? html`<p class="secondary">
            ${localize(
              d.analysis && d.analysis.manual_steps.length
                ? 'proposals.follow_steps'
                : 'proposals.none',
            )}
          </p>`
        : // Keyed, so what is being sent for one proposal never shows on another.
          repeat(
            v.tracked,
            (t) => t.proposal.id,
            (t) =>
              html`<llm-ops-proposal
                .proposal=${t.proposal}
                .detail=${t.detail}
                .backupId=${t.backupId}
                .source=${v.source}
                .tracker=${v.tracker}
                .canDecide=${v.canDecide}
                .locale=${v.locale}
                @proposal-decided=${v.onDecided}
              ></llm-ops-proposal>`,
          )
    }
    ${notProposed(d)}
  </section>`;
}
