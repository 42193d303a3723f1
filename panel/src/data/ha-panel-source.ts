/** The panel's source over Home Assistant's WebSocket API: the cards' one, and what only the panel asks. */
import {
  HaIncidentSource,
  SourceError,
  type KnowledgeRule,
  type LearnedQuiet,
  type MaintenanceState,
  type MaintenanceSummary,
  type OutcomeStats,
  type PanelSource,
  type Suppression,
  type UpstreamReport,
} from '../shared/index.js';

export class HaPanelSource extends HaIncidentSource implements PanelSource {
  async suppressions(): Promise<Suppression[]> {
    const { items } = await this.call<{ items: Suppression[] }>({ type: 'llm_ops/suppressions' });
    return items;
  }

  async undoSuppression(incidentId: string): Promise<Suppression[]> {
    const { items } = await this.call<{ items: Suppression[] }>({
      type: 'llm_ops/undo_suppression',
      incident_id: incidentId,
    });
    return items;
  }

  async learnedQuiet(): Promise<LearnedQuiet[]> {
    try {
      const { items } = await this.call<{ items: LearnedQuiet[] }>({
        type: 'llm_ops/learned_quiet',
      });
      return items;
    } catch (err) {
      // An integration from before learned quiet: nothing learned to show.
      if (err instanceof SourceError && err.kind === 'unsupported') return [];
      throw err;
    }
  }

  async resetLearnedQuiet(id: string | null): Promise<LearnedQuiet[]> {
    const { items } = await this.call<{ items: LearnedQuiet[] }>({
      type: 'llm_ops/reset_learned_quiet',
      ...(id === null ? {} : { learned_id: id }),
    });
    return items;
  }

  async outcomes(): Promise<OutcomeStats | null> {
    try {
      return await this.call<OutcomeStats>({ type: 'llm_ops/outcomes' });
    } catch (err) {
      if (err instanceof SourceError && err.kind === 'unsupported') return null;
      throw err;
    }
  }

  upstreamReport(incidentId: string): Promise<UpstreamReport> {
    return this.call<UpstreamReport>({ type: 'llm_ops/upstream_report', incident_id: incidentId });
  }

  startMaintenance(minutes: number): Promise<MaintenanceState> {
    return this.call<MaintenanceState>({ type: 'llm_ops/maintenance/start', minutes });
  }

  endMaintenance(): Promise<MaintenanceSummary> {
    return this.call<MaintenanceSummary>({ type: 'llm_ops/maintenance/end' });
  }

  async saveRule(incidentId: string, ruleId?: string): Promise<KnowledgeRule> {
    const { rule } = await this.call<{ rule: KnowledgeRule }>({
      type: 'llm_ops/save_rule',
      incident_id: incidentId,
      ...(ruleId ? { rule_id: ruleId } : {}),
    });
    return rule;
  }
}
