/**
 * The offline analyzer's input and output, and the shape of a signature: the
 * knowledge base is data (patterns → category, remedy, texts, actions), so a new
 * failure mode is a few lines in one family file.
 */
import type {
  ActionId,
  Category,
  RcaResult,
  Remedy,
  Risk,
  Severity,
  VerificationTest,
} from '@ha-llm-ops/contracts';
import type { KnowledgeRule } from '../../shared/knowledge.js';

/** A distinct log line of an incident, with how often it occurred. */
export interface AnalysisLine {
  text: string;
  level: string;
  logger: string | null;
  count: number;
  traceback: string[] | null;
  /**
   * How often a day the line occurs at the pace its log shows (from its timestamps, when the
   * log holds enough of them over long enough to tell), else absent.
   */
  perDay?: number;
}

/** What the offline analyzer looks at: one incident's evidence. */
export interface AnalysisInput {
  integration: string | null;
  /** True for custom_components, null if unknown. */
  custom: boolean | null;
  entry: {
    entry_id: string;
    domain: string;
    title: string;
    state: string;
    reason: string | null;
  } | null;
  /** Distinct lines with counts. */
  lines: AnalysisLine[];
  /** Signal kind when from the sidecar: entry_state, entities_unavailable, automation_error, repair_issue, addon_state, supervisor_issue, log_record. */
  kind?: string;
  /** Automation entity id, device, add-on slug. */
  subject?: string | null;
  data?: Record<string, unknown>;
  /** The user's own rules (the knowledge file), tried before the built-in signatures. */
  localRules?: readonly KnowledgeRule[];
  /** The language of the explanation's texts (a catalog of ../../i18n); English when not given. */
  language?: string;
  /** The lines are an app's own log (its formats, no line of Home Assistant's). */
  app?: boolean;
}

/** The offline analyzer's explanation of an incident. */
export interface OfflineFinding {
  title: string;
  severity: Severity;
  /** analyzer 'offline', signature '<family>.<id>'. */
  rca: RcaResult;
}

/** Log levels a pattern can require, lowest first. */
export type PatternLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';

/**
 * Where a signature looks. Every field given must hold; regexes must not be
 * global (they are reused). Named groups become template values.
 */
export interface Pattern {
  /** Any of these matches one evidence line (its text and continuation lines). */
  text?: RegExp | readonly RegExp[];
  /** The logger of that same line. */
  logger?: RegExp;
  /**
   * The lowest level that line may have (default WARNING). Lines of unknown level qualify,
   * except for CRITICAL: only a logged level says a line was fatal.
   */
  minLevel?: PatternLevel;
  /** That line occurred at least this often. */
  minCount?: number;
  /** That line occurs at least this often a day, at the pace its log shows (`AnalysisLine.perDay`). */
  minPerDay?: number;
  /** Each of these must also match somewhere in the evidence (a connection error next to a retry). */
  with?: readonly RegExp[];
  /** None of the evidence may match this. */
  unless?: RegExp;
  /** The config entry is in one of these states. */
  entryState?: readonly string[];
  /** The signal is of one of these kinds. */
  kind?: readonly string[];
  /** true: the integration is known to be custom; false: it is not known to be. */
  custom?: boolean;
  /** The evidence comes from an add-on (Supervisor or the add-on's own log). */
  addon?: boolean;
}

/** Something about the incident a variant can depend on. */
export interface Condition {
  /** true: known custom integration; false: not known to be custom. */
  custom?: boolean;
  /** true: known to be a core integration. */
  core?: boolean;
  /** The evidence comes from an add-on (Supervisor or the add-on's own log). */
  addon?: boolean;
  /** The lines are an app's own log (`AnalysisInput.app`). */
  app?: boolean;
  /** Some evidence line matches. */
  text?: RegExp;
  /** The host named in the evidence is on the internet (true) or local (false). */
  publicHost?: boolean;
  /** The host named in the evidence is on the Home Assistant machine (loopback, an add-on's name). */
  localService?: boolean;
  /** The integration talks to a cloud service (its manifest's iot_class is cloud_polling or cloud_push). */
  cloud?: boolean;
  /** The integration the evidence names (`domain` group, else the incident's) misspells one of Home Assistant's own. */
  misspelled?: boolean;
  /** The incident is one hub's, bridge's or broker's outage that took devices down with it. */
  outage?: boolean;
}

/** A parameter of a suggested action: a fixed value or a reference to the input. */
export type ParamValue = string | number | boolean;

/**
 * An action a signature suggests. Parameters written `$entry_id`, `$automation`,
 * `$addon` or `$integration` are taken from the input; when the input lacks them
 * the action is left out rather than guessed.
 */
export interface ActionTemplate {
  action_id: ActionId;
  params: Readonly<Record<string, ParamValue>>;
  /** Why, and when it makes sense ("only once the device answers again"). Templated. */
  rationale: string;
  risk: Risk;
  /** It helps only after the user changed something (the rationale says what): never run by itself. */
  afterUserFix?: true;
}

/** What a signature concludes. Text fields are templates: `{host}`, `{integration}`, named groups. */
export interface Outcome {
  category: Category;
  remedy: Remedy;
  severity: Severity;
  /** 0–1: how sure the signature is when it matches. */
  confidence: number;
  title: string;
  rootCause: string;
  impact: string;
  actions: readonly ActionTemplate[];
  tests: readonly VerificationTest[];
  manualSteps: readonly string[];
}

/** An adjustment of a signature's outcome when a condition holds. */
export interface Variant {
  when: Condition;
  set: Partial<Outcome>;
}

/** One known failure mode. */
export interface Signature extends Outcome {
  /** Unique within its family; the result names it `<family>.<id>`. */
  id: string;
  /** Any of these patterns identifies the failure. */
  match: Pattern | readonly Pattern[];
  /** Adjustments when a condition holds; later ones win. */
  variants?: readonly Variant[];
}

/** A line that looks alarming but is not a failure. */
export interface BenignPattern {
  text: RegExp;
  /** Only at or below this level (a deprecation notice logged as ERROR is not benign). */
  maxLevel?: PatternLevel;
  /** Not when the line also says this (a deprecation notice about a thread-safety bug). */
  unless?: RegExp;
  /** Only lines of this logger (what a user's own automation writes with system_log.write). */
  logger?: RegExp;
}

/** A family of failure modes: one file under signatures/. */
export interface SignatureFamily {
  family: string;
  signatures: readonly Signature[];
  benign?: readonly BenignPattern[];
}
