/** The optional LLM analyzer: one factory for the sidecar, and what it is made of. */
import type { Connection } from 'home-assistant-js-websocket';
import type { JournalDb } from '../../journal/database.js';
import { LlmCallJournal } from '../../journal/llm-calls.js';
import type { Logger } from '../../log.js';
import { AiTaskBackend } from './ai-task-backend.js';
import type { LlmBackend } from './backend.js';
import { LlmAnalyzer, type LlmAnalyzerOptions } from './llm-analyzer.js';
import { OpenAiBackend } from './openai-backend.js';
import type { LlmSettings } from '../../shared/llm-settings.js';

export { LlmAnalyzer, type AnalyzeOptions, type AnalyzedIncident } from './llm-analyzer.js';
export { monthStart, type LlmBudgetStatus, type LlmPause } from './budget.js';
export { LLM_OPTION_ENV, loadLlmSettings, type LlmSettings } from '../../shared/llm-settings.js';

/** What the LLM analyzer needs from the sidecar. */
export interface LlmAnalyzerDeps {
  settings: LlmSettings;
  /** The journal's database (migrated: llm_calls, llm_cache). */
  db: JournalDb;
  /** The sidecar's live connection to HA, for the ai_task backend. */
  connection: () => Connection | undefined;
  /** Home Assistant's time zone, in which the month of the cost cap is read. */
  timeZone?: () => string | null;
  /** The language the model is asked to answer in (Home Assistant's); English when not given. */
  language?: () => string;
  log: Logger;
  now?: () => Date;
  /** The user's knowledge rules, for few-shot examples, and how to redact them. */
  knowledge?: LlmAnalyzerOptions['knowledge'];
}

/** The LLM analyzer the settings ask for, or null for `none`. */
export function createLlmAnalyzer(deps: LlmAnalyzerDeps): LlmAnalyzer | null {
  const { settings, log } = deps;
  let backend: LlmBackend;
  switch (settings.backend) {
    case 'none':
      return null;
    case 'openai':
      backend = new OpenAiBackend({
        baseUrl: settings.baseUrl,
        model: settings.model,
        apiKey: settings.apiKey,
        timeoutS: settings.timeoutS,
        jsonMode: settings.jsonMode,
        log,
      });
      break;
    case 'ai_task':
      backend = new AiTaskBackend({
        connection: deps.connection,
        entityId: settings.aiTaskEntity,
        timeoutS: settings.timeoutS,
      });
      break;
  }
  const analyzer = new LlmAnalyzer({
    backend,
    calls: new LlmCallJournal(deps.db),
    callsPerHour: settings.callsPerHour,
    costPerMtok: settings.costPerMtok,
    monthlyCostCap: settings.monthlyCostCap,
    timeZone: deps.timeZone,
    language: deps.language,
    log,
    now: deps.now,
    knowledge: deps.knowledge,
  });
  const where = settings.backend === 'openai' ? ` at ${settings.baseUrl}` : '';
  log.info(
    `LLM analyzer: ${analyzer.label}${where}, at most ${settings.callsPerHour} calls per hour` +
      (settings.monthlyCostCap === null ? '' : `, ${settings.monthlyCostCap} per month`),
  );
  return analyzer;
}
