/** The proposals waiting for a decision, above the incident list, each linking to its incident. */
import { html, nothing, type TemplateResult } from 'lit';
import {
  localize,
  relativeTime,
  riskChip,
  type ActionProposal,
  type Incident,
} from '../shared/index.js';

export interface PendingView {
  pending: readonly ActionProposal[];
  /** The listed incidents, for their titles. */
  items: readonly Incident[];
  canDecide: boolean;
  basePath: string;
  locale: string | undefined;
  /** Plain clicks navigate inside the panel (the link's `data-path`). */
  onLinkClick: (ev: MouseEvent) => void;
}

export function pendingProposals(v: PendingView): TemplateResult | typeof nothing {
  if (!v.pending.length) return nothing;
  const titles = new Map(v.items.map((i) => [i.id, i.title]));
  return html`<section class="card pending" aria-labelledby="pending-h">
    <h2 id="pending-h">
      ${localize('pending.heading')} <span class="badge">${v.pending.length}</span>
    </h2>
    ${v.canDecide ? nothing : html`<p class="secondary">${localize('pending.admin_only')}</p>`}
    <ul>
      ${v.pending.map(
        (p) =>
          html`<li data-proposal=${p.id}>
            <a
              href="${v.basePath}/incident/${encodeURIComponent(p.incident_id)}"
              data-path="/incident/${encodeURIComponent(p.incident_id)}"
              @click=${v.onLinkClick}
              >${p.preview.summary}</a
            >
            ${riskChip(p.risk)}
            <span class="secondary small"
              >${titles.get(p.incident_id) ?? ''}${titles.has(p.incident_id) ? ' · ' : ''}${relativeTime(
                p.created_at,
                v.locale,
              )}</span
            >
          </li>`,
      )}
    </ul>
  </section>`;
}
