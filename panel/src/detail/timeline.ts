/** The incident's story in time: signals, evidence and analysis, proposals, decisions, steps. */
import {
  PROPOSAL_STATUS_LABELS,
  humanize,
  localize,
  stepLabel,
  type IncidentDetail,
  type TrackedProposal,
} from '../shared/index.js';

export type TimelineKind =
  | 'seen'
  | 'signal'
  | 'evidence'
  | 'analysis'
  | 'proposal'
  | 'decision'
  | 'step'
  | 'result'
  | 'closed';

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  text: string;
  detail?: string;
  tone?: 'good' | 'bad' | 'warning';
}

/** Everything that happened to the incident, newest first. */
export function buildTimeline(
  detail: IncidentDetail,
  proposals: readonly TrackedProposal[],
): TimelineEntry[] {
  const { incident, signals, bundle, analysis } = detail;
  const out: TimelineEntry[] = [
    { at: incident.first_seen, kind: 'seen', text: localize('timeline.first_seen') },
  ];
  for (const s of signals) {
    out.push({
      at: s.observed_at,
      kind: 'signal',
      text:
        s.condition === 'cleared'
          ? localize('timeline.cleared', { message: s.message })
          : s.message,
      detail: `${signalWord('source', s.source, humanize(s.source))} · ${signalWord('kind', s.kind, s.kind.replaceAll('_', ' '))}${s.count > 1 ? ` · ${s.count}×` : ''}`,
      tone: s.condition === 'cleared' ? 'good' : undefined,
    });
  }
  if (bundle) {
    out.push({
      at: bundle.created_at,
      kind: 'evidence',
      text: localize('timeline.evidence'),
      detail: localize('timeline.evidence_detail', {
        lines: bundle.log_lines.length,
        entities: bundle.entities.length,
        tokens: bundle.token_estimate,
      }),
    });
  }
  if (analysis) {
    out.push({
      // An analysis has no time of its own; it follows the evidence it was made from.
      at: bundle?.created_at ?? incident.first_seen,
      kind: 'analysis',
      text: localize('timeline.analyzed', { summary: analysis.summary }),
      detail: `${analysis.analyzer}${analysis.signature ? ` · ${analysis.signature}` : ''} · ${localize(
        'timeline.confidence',
        { confidence: Math.round(analysis.confidence * 100) },
      )}`,
    });
  }
  for (const { proposal: p, detail: pd } of proposals) {
    out.push({
      at: p.created_at,
      kind: 'proposal',
      text: localize('timeline.proposed', { action: p.preview.label }),
      detail: p.preview.summary,
    });
    if (p.decided_at) {
      const approved = p.status !== 'rejected' && p.status !== 'expired';
      out.push({
        at: p.decided_at,
        kind: 'decision',
        text: approved ? localize('timeline.approved') : PROPOSAL_STATUS_LABELS[p.status],
        detail: p.decided_by ? localize('timeline.by', { name: p.decided_by }) : undefined,
        tone: approved ? undefined : 'warning',
      });
    }
    for (const step of pd?.execution?.steps ?? []) {
      out.push({
        at: step.started_at,
        kind: 'step',
        text: localize('timeline.step', {
          step: stepLabel(step.step),
          status: localize(`step_status.${step.status}`),
        }),
        detail: step.detail || undefined,
        tone: step.status === 'failed' ? 'bad' : step.status === 'succeeded' ? 'good' : undefined,
      });
    }
    const result = pd?.result;
    const finishedAt = pd?.execution?.finished_at;
    if (result && finishedAt) {
      out.push({
        at: finishedAt,
        kind: 'result',
        text: localize('timeline.fix', { outcome: PROPOSAL_STATUS_LABELS[result.outcome] }),
        detail: result.backup_id
          ? localize('timeline.backup', { id: result.backup_id })
          : undefined,
        tone: result.outcome === 'succeeded' ? 'good' : 'bad',
      });
    }
  }
  if (incident.resolved_at) {
    out.push({
      at: incident.resolved_at,
      kind: 'closed',
      text: localize(incident.status === 'dismissed' ? 'timeline.dismissed' : 'timeline.resolved'),
      detail: incident.resolution ?? undefined,
      tone: incident.status === 'dismissed' ? undefined : 'good',
    });
  }
  // Newest first; at equal times keep the order above (cause before effect reads last).
  return out
    .map((e, n) => ({ e, n }))
    .sort((a, b) => (a.e.at < b.e.at ? 1 : a.e.at > b.e.at ? -1 : b.n - a.n))
    .map(({ e }) => e);
}

/** A signal's source or kind in the user's language; one no catalog names reads as it is. */
function signalWord(part: 'source' | 'kind', id: string, fallback: string): string {
  const key = `signal.${part}.${id}`;
  const word = localize(key);
  return word === key ? fallback : word;
}
