/** Reading and dismissing incidents for the API, over the journal and the correlator. */
import type { Incident } from '@ha-llm-ops/contracts';
import type { IncidentDetail, IncidentService } from './api/incidents.js';
import type { Correlator } from './correlate/correlator.js';
import type { BundleStore } from './journal/bundles.js';
import type { IncidentFilter, IncidentRecord, Journal } from './journal/journal.js';

/** The public view of a stored incident (the contract, without correlation internals). */
export function publicIncident(r: IncidentRecord): Incident {
  return {
    id: r.id,
    fingerprint: r.fingerprint,
    status: r.status,
    severity: r.severity,
    category: r.category,
    integration: r.integration,
    entry_id: r.entry_id,
    subject: r.subject,
    title: r.title,
    first_seen: r.first_seen,
    last_seen: r.last_seen,
    occurrences: r.occurrences,
    resolved_at: r.resolved_at,
    resolution: r.resolution,
    remedy: r.remedy,
    confidence: r.confidence,
  };
}

const SIGNALS_SHOWN = 100;

export class Incidents implements IncidentService {
  constructor(
    private readonly journal: Journal,
    private readonly correlator: Correlator,
    private readonly bundles: BundleStore,
  ) {}

  list(
    filter: IncidentFilter,
    limit: number,
    offset: number,
  ): { items: Incident[]; total: number } {
    const { items, total } = this.journal.listIncidents(filter, limit, offset);
    return { items: items.map(publicIncident), total };
  }

  detail(id: string): IncidentDetail | undefined {
    const rec = this.journal.getIncident(id);
    if (!rec) return undefined;
    return {
      incident: publicIncident(rec),
      signals: this.journal
        .signalsOf(id, SIGNALS_SHOWN)
        .map(({ incident_id: _i, fingerprint: _f, ...s }) => s),
      bundle: this.bundles.read(id),
      analysis: rec.analysis,
    };
  }

  dismiss(
    id: string,
    opts: { ignoreSimilar: boolean; reason: string | null },
  ): Incident | undefined {
    const rec = this.correlator.dismiss(id, opts);
    return rec && publicIncident(rec);
  }
}
