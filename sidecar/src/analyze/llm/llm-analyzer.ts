/**
 * The optional LLM analysis of an incident, after the offline one: answers are
 * cached by incident fingerprint, calls are held to an hourly budget and an
 * optional monthly cost cap counted in the journal (so a restart resets
 * neither), tokens, cost and latency are journaled per incident, and verified
 * fixes of past incidents of the same integration or category become few-shot
 * examples. Whatever goes wrong, the offline result
 * stands: this never throws and never returns anything worse than it got.
 */
import type { EvidenceBundle, RcaResult } from '@ha-llm-ops/contracts';
import type { IncidentRecord } from '../../journal/journal.js';
import type { LlmCallJournal } from '../../journal/llm-calls.js';
import type { Logger } from '../../log.js';
import { askWithOneRepair, type CallMeter, type LlmBackend } from './backend.js';
import { LlmBudget, type LlmBudgetStatus, type LlmPause } from './budget.js';
import type { KnowledgeRule } from '../../shared/knowledge.js';
import { Redactor, type RedactorOptions } from '../../package/index.js';
import { buildPrompt, type RuleExample } from './prompt.js';

const HOUR_MS = 3_600_000;

export interface LlmAnalyzerOptions {
  backend: LlmBackend;
  calls: LlmCallJournal;
  /** Model calls allowed per hour, repair attempts included. */
  callsPerHour: number;
  /** Price per million tokens. */
  costPerMtok: { input: number; output: number };
  /** The month's recorded cost at which the model is no longer asked; null: no cap. */
  monthlyCostCap?: number | null;
  /** Home Assistant's time zone, in which the month of the cap is read. */
  timeZone?: () => string | null;
  /** The language the model is asked to answer in (Home Assistant's); English when not given. */
  language?: () => string;
  log: Logger;
  /** Few-shot examples per prompt (default 3), of verified fixes and of local rules each. */
  examples?: number;
  /** The user's knowledge rules in force, and how to redact them before they are sent. */
  knowledge?: { rules: () => readonly KnowledgeRule[]; redact: RedactorOptions };
  /** How long a cached answer is reused (default 7 days). */
  cacheTtlS?: number;
  now?: () => Date;
}

/** The incident fields the analysis reads. */
export type AnalyzedIncident = Pick<
  IncidentRecord,
  | 'id'
  | 'fingerprint'
  | 'integration'
  | 'entry_id'
  | 'subject'
  | 'title'
  | 'severity'
  | 'category'
  | 'occurrences'
>;

export interface AnalyzeOptions {
  /** Ask the model even when a cached answer exists (a user asked to analyze again). */
  refresh?: boolean;
}

export class LlmAnalyzer {
  private readonly now: () => Date;
  private readonly inflight = new Map<string, Promise<RcaResult | null>>();
  private readonly budget: LlmBudget;
  /** When each reason for not asking the model was last reported (once per hour is enough). */
  private readonly pauseNotedAt = new Map<LlmPause, number>();

  constructor(private readonly opts: LlmAnalyzerOptions) {
    const now = opts.now ?? (() => new Date());
    this.now = now;
    this.budget = new LlmBudget({
      calls: opts.calls,
      callsPerHour: opts.callsPerHour,
      monthlyCostCap: opts.monthlyCostCap ?? null,
      timeZone: opts.timeZone ?? (() => null),
      now,
    });
  }

  /** What the model may still be asked: calls this hour, cost this month, and why it is paused. */
  status(): LlmBudgetStatus & { backend: LlmBackend['backend']; model: string } {
    return {
      backend: this.opts.backend.backend,
      model: this.opts.backend.model,
      ...this.budget.status(),
    };
  }

  /** Which backend and model answer, for logs and status. */
  get label(): string {
    return `${this.opts.backend.backend} (${this.opts.backend.model})`;
  }

  /**
   * The LLM's analysis of an incident, or `offline` when there is none to be had
   * (no evidence, budget used up, no or no valid answer after one repair).
   * Concurrent requests for one fingerprint share one model exchange; a
   * refresh asks again once the exchange under way is done.
   */
  analyze(
    incident: AnalyzedIncident,
    bundle: EvidenceBundle | null,
    offline: RcaResult | null,
    opts: AnalyzeOptions = {},
  ): Promise<RcaResult | null> {
    const key = incident.fingerprint;
    const running = this.inflight.get(key);
    const refresh = opts.refresh ?? false;
    if (running && !refresh) return running;
    // A refresh (newer evidence) waits for the exchange under way, then asks again.
    const start = () => this.run(incident, bundle, offline, refresh);
    const run = (running ? running.then(start, start) : start())
      .catch((err: unknown) => {
        this.opts.log.error(`LLM analysis of ${incident.id} failed: ${String(err)}`);
        return offline;
      })
      .finally(() => {
        if (this.inflight.get(key) === run) this.inflight.delete(key);
      });
    this.inflight.set(key, run);
    return run;
  }

  private async run(
    incident: AnalyzedIncident,
    bundle: EvidenceBundle | null,
    offline: RcaResult | null,
    refresh: boolean,
  ): Promise<RcaResult | null> {
    const { backend, calls, log } = this.opts;
    if (!bundle) return offline;
    const ttlMs = (this.opts.cacheTtlS ?? 7 * 86_400) * 1000;
    const freshSince = new Date(this.now().getTime() - ttlMs).toISOString();
    const language = this.opts.language?.() ?? 'en';
    // An answer is written in one language: another language's is asked for anew.
    const cacheKey =
      language === 'en' ? incident.fingerprint : `${incident.fingerprint}@${language}`;
    if (!refresh) {
      const hit = calls.cached(cacheKey, backend.backend, backend.model, freshSince);
      if (hit) {
        log.debug(`LLM analysis of ${incident.id} from the cache`);
        return { ...hit, evidence_refs: offline?.evidence_refs ?? [] };
      }
    }
    const examples = calls.verifiedFixes({
      integration: incident.integration,
      category: offline?.category ?? incident.category,
      excludeIncidentId: incident.id,
      limit: this.opts.examples ?? 3,
    });
    const rules = this.ruleExamples(incident, bundle);
    const prompt = buildPrompt({ incident, bundle, offline, examples, rules, language });
    const answer = await askWithOneRepair(backend, prompt, this.meter(incident.id));
    if (!answer) {
      log.info(`no usable LLM analysis of ${incident.id}; the offline analysis stands`);
      return offline;
    }
    if (answer.offList.length) {
      log.warning(
        `the LLM named actions off the allow-list for ${incident.id} (dropped): ${answer.offList.join(', ')}`,
      );
    }
    // The model saw the same bundle; it cites no lines of its own.
    const rca: RcaResult = { ...answer.rca, evidence_refs: offline?.evidence_refs ?? [] };
    const at = this.now().toISOString();
    calls.purgeCacheBefore(freshSince);
    calls.cache(cacheKey, backend.backend, backend.model, rca, at);
    const usage = calls.usageOf(incident.id);
    log.info(
      `${this.label} analyzed ${incident.id}: ${rca.category}/${rca.remedy}, ` +
        `${rca.candidate_actions.length} action(s); ${usage.prompt_tokens}+${usage.completion_tokens} tokens so far`,
    );
    return rca;
  }

  /**
   * Local rules as examples: those of the incident's integration or of none, the
   * ones whose pattern matches the evidence first; redacted like the evidence.
   */
  private ruleExamples(incident: AnalyzedIncident, bundle: EvidenceBundle): RuleExample[] {
    if (!this.opts.knowledge) return [];
    const { rules, redact } = this.opts.knowledge;
    const texts = bundle.log_lines.map((l) => l.text);
    const scored = rules()
      .filter((r) => !r.integration || r.integration === incident.integration)
      .map((r) => ({
        r,
        score:
          (texts.some((t) => r.regex.test(t)) ? 2 : 0) +
          (r.integration && r.integration === incident.integration ? 1 : 0),
      }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, this.opts.examples ?? 3);
    const redactor = new Redactor(redact);
    const text = (s: string | undefined) => (s ? redactor.text(s) : null);
    return scored.map(({ r }) => ({
      pattern: redactor.text(r.match),
      integration: r.integration ?? null,
      category: r.category,
      remedy: r.remedy,
      title: text(r.title),
      root_cause: text(r.root_cause),
      actions: r.actions ?? [],
    }));
  }

  private meter(incidentId: string): CallMeter {
    const { backend, calls, log, costPerMtok, callsPerHour, monthlyCostCap } = this.opts;
    return {
      mayCall: () => {
        if (this.budget.take()) return true;
        const now = this.now().getTime();
        const why = this.budget.pause() ?? 'hourly_calls';
        if (now - (this.pauseNotedAt.get(why) ?? 0) >= HOUR_MS) {
          this.pauseNotedAt.set(why, now);
          log.warning(
            why === 'monthly_cost_cap'
              ? `the LLM's monthly cost cap of ${monthlyCostCap} is reached; incidents keep their offline analysis until the next month`
              : `the LLM budget of ${callsPerHour} calls per hour is used up; incidents keep their offline analysis meanwhile`,
          );
        }
        return false;
      },
      record: (call) => {
        this.budget.settle();
        const prompt = call.usage?.prompt_tokens ?? 0;
        const completion = call.usage?.completion_tokens ?? 0;
        try {
          calls.record({
            incident_id: incidentId,
            at: this.now().toISOString(),
            backend: backend.backend,
            model: backend.model,
            prompt_tokens: prompt,
            completion_tokens: completion,
            cost: (prompt * costPerMtok.input + completion * costPerMtok.output) / 1_000_000,
            outcome: call.outcome,
            dropped_actions: call.dropped,
            detail: call.detail,
            latency_ms: call.latencyMs,
          });
        } catch (err) {
          // The incident may be gone (retention) while its model call ran.
          log.warning(`could not journal an LLM call of ${incidentId}: ${String(err)}`);
        }
        if (call.outcome !== 'valid' && call.outcome !== 'repaired') {
          log.info(
            `LLM call for ${incidentId}: ${call.outcome}${call.detail ? ` (${call.detail})` : ''}`,
          );
        }
      },
    };
  }
}
