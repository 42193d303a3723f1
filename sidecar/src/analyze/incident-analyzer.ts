/**
 * Offline analysis of a live incident: package its evidence (redacted, within
 * the budget), keep the bundle on disk, and let the signature knowledge base
 * explain it. Fast and local: it runs before the incident is first announced.
 */
import type { EvidenceBundle, RcaResult } from '@ha-llm-ops/contracts';
import type { Inventory } from '../ha/inventory.js';
import type { BundleStore } from '../journal/bundles.js';
import type { IncidentRecord, Journal } from '../journal/journal.js';
import { buildBundle, type Enrichment, type RedactorOptions } from '../package/index.js';
import type { IncidentAnalyzer } from '../shared/interfaces.js';
import type { KnowledgeRule } from '../shared/knowledge.js';
import { attributeUpdate, updateSentence } from '../shared/update-attribution.js';
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
  /** The slow evidence (diagnostics, updates), or null while HA is away. */
  gather: (incident: IncidentRecord) => Promise<Enrichment | null>;
  /** The user's knowledge file rules in force (re-read when the file changed). */
  knowledge?: () => readonly KnowledgeRule[];
  /** The language of the explanation (Home Assistant's, see ../i18n); English when not given. */
  language?: () => string;
}

const SIGNALS_READ = 200;

export class OfflineIncidentAnalyzer implements IncidentAnalyzer {
  constructor(private readonly opts: OfflineIncidentAnalyzerOptions) {}

  /** Package the incident's evidence (with the slow evidence when given) and keep the bundle. */
  package(incident: IncidentRecord, enrichment?: Enrichment): EvidenceBundle {
    const { journal, bundles } = this.opts;
    const signals = journal.signalsOf(incident.id, SIGNALS_READ);
    const inventory = this.opts.inventory();
    const entry = incident.entry_id ? inventory?.entry(incident.entry_id) : undefined;
    const facts = incident.integration ? inventory?.integration(incident.integration) : undefined;
    const after = this.afterUpdate(incident);
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
        recentChanges: [
          // The update it started after comes first: the model should weigh it.
          ...(after ? [{ at: after.updated_at, what: updateSentence(after) }] : []),
          ...(enrichment?.updates.map((what) => ({ at: null, what })) ?? []),
          ...this.opts.recentChanges(),
        ],
        diagnostics: enrichment?.diagnostics ?? null,
        captures: journal.captures.ofIncident(incident.id),
      },
      { budgetTokens: this.opts.budgetTokens, redact: this.opts.redact },
    );
    bundles.write(bundle);
    return bundle;
  }

  /** The update the incident started soon after, if any. */
  private afterUpdate(incident: IncidentRecord) {
    return attributeUpdate(incident, this.opts.journal.updates.near(incident.first_seen));
  }

  /** Add the slow evidence to the incident's bundle; returns the richer bundle. */
  async enrich(incident: IncidentRecord): Promise<EvidenceBundle | null> {
    const enrichment = await this.opts.gather(incident);
    return enrichment ? this.package(incident, enrichment) : null;
  }

  analyze(incident: IncidentRecord): { rca: RcaResult; title: string | null } | null {
    const { journal } = this.opts;
    const signals = journal.signalsOf(incident.id, SIGNALS_READ);
    const inventory = this.opts.inventory();
    const facts = incident.integration ? inventory?.integration(incident.integration) : undefined;
    const bundle = this.package(incident);

    const founding = signals.at(-1);
    // The outage as last reported (signals are newest first): its root and devices.
    const outage = signals.find(
      (s) => s.kind === 'entities_unavailable' && typeof s.data.root === 'string',
    );
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
        ...(outage && { root: outage.data.root, devices: outage.data.devices }),
        // A Repairs issue's key says what it is in any language.
        ...(founding?.kind === 'repair_issue' && {
          issue: founding.data.translation_key ?? founding.data.issue_id,
          breaks_in: founding.data.breaks_in_ha_version,
        }),
      },
      localRules: this.opts.knowledge?.() ?? [],
      language: this.opts.language?.() ?? 'en',
    };
    const finding = analyzeOffline(input);
    if (!finding) return null;
    // Saying which update it started after is part of explaining it.
    const after = this.afterUpdate(incident);
    const rca = after
      ? {
          ...finding.rca,
          root_cause: `${finding.rca.root_cause} ${updateSentence(after, input.language)}`,
        }
      : finding.rca;
    return { rca, title: finding.title };
  }
}
