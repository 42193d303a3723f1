/**
 * Offline analysis of a live incident: package its evidence (redacted, within
 * the budget), keep the bundle on disk, and let the signature knowledge base
 * explain it. Fast and local: it runs before the incident is first announced.
 */
import type { RcaResult } from '@ha-llm-ops/contracts';
import type { Inventory } from '../ha/inventory.js';
import type { BundleStore } from '../journal/bundles.js';
import type { IncidentRecord, Journal } from '../journal/journal.js';
import { buildBundle } from '../package/bundle.js';
import type { RedactorOptions } from '../package/redact.js';
import type { IncidentAnalyzer } from '../pipeline.js';
import { analyzeOffline } from './offline/engine.js';
import type { AnalysisInput } from './offline/types.js';

export interface OfflineIncidentAnalyzerOptions {
  journal: Journal;
  bundles: BundleStore;
  inventory: () => Inventory | undefined;
  haVersion: () => string | null;
  recentChanges: () => { at: string | null; what: string }[];
  budgetTokens: number;
  redact: RedactorOptions;
}

const SIGNALS_READ = 200;

export class OfflineIncidentAnalyzer implements IncidentAnalyzer {
  constructor(private readonly opts: OfflineIncidentAnalyzerOptions) {}

  analyze(incident: IncidentRecord): { rca: RcaResult; title: string | null } | null {
    const { journal, bundles } = this.opts;
    const signals = journal.signalsOf(incident.id, SIGNALS_READ);
    const inventory = this.opts.inventory();
    const entry = incident.entry_id ? inventory?.entry(incident.entry_id) : undefined;
    const facts = incident.integration ? inventory?.integration(incident.integration) : undefined;
    const bundle = buildBundle(
      {
        incident,
        signals,
        entry,
        integration:
          incident.integration && facts
            ? { domain: incident.integration, custom: facts.custom, version: facts.version }
            : null,
        haVersion: this.opts.haVersion(),
        recentChanges: this.opts.recentChanges(),
      },
      { budgetTokens: this.opts.budgetTokens, redact: this.opts.redact },
    );
    bundles.write(bundle);

    const founding = signals.at(-1);
    const input: AnalysisInput = {
      integration: incident.integration,
      custom: facts?.custom ?? null,
      entry: bundle.config_entry,
      lines: bundle.log_lines.map((l) => ({
        text: l.text,
        level: l.level,
        logger: l.logger,
        count: l.count,
        traceback: l.traceback,
      })),
      kind: founding?.kind,
      subject: incident.subject,
      // Only facts that name no secret: the bundle holds the (redacted) text.
      data: {
        state: founding?.data.state,
        slug: founding?.data.slug,
        item_id: founding?.data.item_id,
        entity_ids: bundle.entities.map((e) => e.entity_id),
      },
    };
    const finding = analyzeOffline(input);
    return finding && { rca: finding.rca, title: finding.title };
  }
}
