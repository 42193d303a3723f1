/**
 * The offline analyzer: always on, no network, no key. It matches an incident's
 * evidence against the signature knowledge base (signatures/) and fills the best
 * match's templates with what the evidence names. The most confident match wins;
 * on a tie the family registered first does. An error no signature explains
 * still gets a low-confidence `other` finding; benign noise gets none. The
 * user's knowledge file rules, passed in with the input, win over the built-in ones.
 */
import { isLocalService, isPublicHost } from './extract.js';
import { findingOf, hostOf } from './finding.js';
import { CLOUD_DOMAINS, CORE_DOMAINS, misspelledCoreDomain } from './libraries.js';
import { matchLocal } from './local.js';
import type { Compiled, Context, Evidence, Match } from './match.js';
import { NOT_READY, RECOVERED } from './patterns.js';
import { FAMILIES } from './signatures/index.js';
import type {
  AnalysisInput,
  AnalysisLine,
  Condition,
  OfflineFinding,
  Outcome,
  Pattern,
  Signature,
} from './types.js';

export { fill } from './finding.js';

const LEVELS = { DEBUG: 0, INFO: 1, WARNING: 2, ERROR: 3, CRITICAL: 4 } as const;
const RANK: Readonly<Record<string, number>> = LEVELS;
/** Lines of unknown level (UI copies, bare pastes) count as warnings: they were worth showing. */
const rank = (level: string): number => RANK[level.toUpperCase()] ?? LEVELS.WARNING;

/** A long traceback is searched only this far: the signal is in the message and the last frames. */
const MAX_HAYSTACK = 16_000;

const asList = <T>(v: T | readonly T[] | undefined): readonly T[] =>
  v === undefined ? [] : Array.isArray(v) ? (v as readonly T[]) : [v as T];

const SIGNATURES: Compiled[] = FAMILIES.flatMap((f) =>
  f.signatures.map((signature) => ({
    family: f.family,
    signature,
    patterns: asList<Pattern>(signature.match),
  })),
);
const BENIGN = FAMILIES.flatMap((f) => f.benign ?? []);
/** Text patterns that may match below WARNING: an INFO line matching none of them is noise. */
const INFO_LEVEL_TEXTS = [
  ...SIGNATURES.flatMap((c) =>
    c.patterns
      .filter((p) => p.minLevel && rank(p.minLevel) <= LEVELS.INFO)
      .flatMap((p) => asList(p.text)),
  ),
  // Context a variant reads: the failure came back by itself.
  RECOVERED,
];
/**
 * Words a line without a level fails with: a failure by name, an exception's usual words
 * (`is not defined`, `missing 1 required positional argument`), or what a peer or the system
 * refused (`refused`, `denied`, `timed out`, `unreachable`, `disconnected`, `not supported`).
 */
const FAILURE_WORDS =
  /\b(?:error|exception|traceback|fatal|failed|failure|crash(?:ed)?|panic|segmentation fault|unable to|cannot|can't|could not|couldn't|does not exist|unbound variable|command not found|permission denied|exec: [\w./-]+: not found|refused|denied|timed out|unreachable|disconnected|is not defined|missing \d+ required|not supported|unsupported)\b/i;
/** A Python exception's name: `TypeError: …`, `aiohttp.ClientResponseError`. */
const EXCEPTION_NAME = /\b[A-Z]\w*(?:Error|Exception)\b/;
/** Words of a failure, or an exception's name. */
export function errorish(text: string): boolean {
  return FAILURE_WORDS.test(text) || EXCEPTION_NAME.test(text);
}
/** Text that places the failing code in a custom integration. */
const CUSTOM_CODE =
  /custom integration '|Setup failed for custom integration \w|custom_components[./]/;
const FAILING_KINDS = new Set([
  'automation_error',
  'addon_state',
  'supervisor_issue',
  'repair_issue',
]);
const FAILED_ENTRY_STATES = new Set([
  'setup_error',
  'migration_error',
  'failed_unload',
  'setup_retry',
]);

/**
 * The level a line's evidence counts at. Output a crashing process wrote after
 * an INFO line (a Node.js heap dump, a Python traceback on stderr) attaches to
 * that line; its level is then unknown rather than INFO.
 */
function effectiveLevel(
  line: Pick<AnalysisLine, 'level'> & { text?: string; traceback?: string[] | null },
): string {
  if (rank(line.level) > LEVELS.INFO) return line.level;
  if (line.traceback?.some((l) => errorish(l))) return 'UNKNOWN';
  // Home Assistant logs setup retries at INFO since 2025; the reason inside still counts.
  if (line.text && NOT_READY.test(line.text)) return 'WARNING';
  return line.level;
}

/** True for a line that looks alarming but is not a failure (or is below WARNING and says nothing known). */
export function isBenign(
  line:
    string | (Pick<AnalysisLine, 'text' | 'level' | 'logger'> & { traceback?: string[] | null }),
): boolean {
  const text = typeof line === 'string' ? line : line.text;
  const logger = typeof line === 'string' ? null : line.logger;
  const level = typeof line === 'string' ? 'UNKNOWN' : effectiveLevel(line);
  const r = rank(level);
  // Most lines of a log are INFO or DEBUG: decide those with the few info-level patterns.
  if (r <= LEVELS.INFO && !INFO_LEVEL_TEXTS.some((re) => re.test(text))) return true;
  return BENIGN.some(
    (b) =>
      (!b.maxLevel || r <= rank(b.maxLevel)) &&
      (!b.logger || (logger !== null && b.logger.test(logger))) &&
      b.text.test(text) &&
      !b.unless?.test(text),
  );
}

function evidenceOf(input: AnalysisInput): Evidence[] {
  const evidence: Evidence[] = [];
  input.lines.forEach((line, i) => {
    if (isBenign(line)) return;
    let text = line.text;
    if (line.traceback?.length) text += `\n${line.traceback.join('\n')}`;
    evidence.push({
      ref: `log:${i}`,
      text: text.length > MAX_HAYSTACK ? text.slice(0, MAX_HAYSTACK) : text,
      level: effectiveLevel(line),
      logger: line.logger,
      count: line.count,
      ...(line.perDay !== undefined && { perDay: line.perDay }),
    });
  });
  const entry = input.entry;
  if (entry) {
    const reason = entry.reason ? `: ${entry.reason}` : '';
    evidence.push({
      ref: 'entry',
      text: `Config entry '${entry.title}' for ${entry.domain} integration is ${entry.state}${reason}`,
      level: FAILED_ENTRY_STATES.has(entry.state) ? 'ERROR' : 'INFO',
      logger: null,
      count: 1,
    });
  }
  for (const [key, value] of Object.entries(input.data ?? {})) {
    const text = Array.isArray(value)
      ? value.filter((v) => typeof v !== 'object').join(', ')
      : typeof value === 'object' || value === undefined
        ? null
        : String(value);
    if (text)
      evidence.push({
        ref: `data:${key}`,
        text: `${key}: ${text}`,
        level: 'UNKNOWN',
        logger: null,
        count: 1,
      });
  }
  return evidence;
}

function contextOf(input: AnalysisInput): Context {
  const evidence = evidenceOf(input);
  // The logger, the message or a traceback frame says the code is a custom integration's.
  // Else a domain none of Home Assistant's own integrations has is a custom one's.
  const custom =
    input.custom ??
    (input.lines.some((l) => /^custom_components\./.test(l.logger ?? '')) ||
    evidence.some((e) => CUSTOM_CODE.test(e.text))
      ? true
      : input.integration === null
        ? null
        : !CORE_DOMAINS.has(input.integration));
  const addon =
    input.kind === 'addon_state' ||
    input.integration === 'hassio' ||
    evidence.some((e) =>
      /^(?:supervisor\.addons|s6-|cont-init|services-up|legacy-)/.test(e.logger ?? ''),
    );
  return { input, evidence, custom, addon, app: input.app === true };
}

/** The interval between occurrences at a pace of `perDay` a day, in words: `10 s`, `3 min`. */
function intervalOf(perDay: number): string {
  const s = 86_400 / perDay;
  return s < 90 ? `${Math.max(1, Math.round(s))} s` : `${Math.round(s / 60)} min`;
}

function groupsOf(m: RegExpExecArray | null, into: Record<string, string>): void {
  for (const [k, v] of Object.entries(m?.groups ?? {})) {
    // `domain2`-style duplicates let one regex capture the same fact in several places.
    const key = k.replace(/\d+$/, '');
    if (v !== undefined && into[key] === undefined) into[key] = v.trim();
  }
}

function matchPattern(p: Pattern, ctx: Context): Match | null {
  const { input, evidence } = ctx;
  if (p.kind && !(input.kind && p.kind.includes(input.kind))) return null;
  if (p.entryState && !(input.entry && p.entryState.includes(input.entry.state))) return null;
  if (p.custom !== undefined && p.custom !== (ctx.custom === true)) return null;
  if (p.addon !== undefined && p.addon !== ctx.addon) return null;
  const unless = p.unless;
  if (unless && evidence.some((e) => unless.test(e.text))) return null;

  const match: Match = { refs: new Set(), texts: [], groups: {} };
  const texts = asList(p.text);
  if (texts.length > 0 || p.logger) {
    const minRank = rank(p.minLevel ?? 'WARNING');
    let found = false;
    for (const e of evidence) {
      if (e.level === 'UNKNOWN' ? minRank > LEVELS.ERROR : rank(e.level) < minRank) continue;
      if (p.logger && !p.logger.test(e.logger ?? '')) continue;
      if (p.minCount && e.count < p.minCount) continue;
      if (p.minPerDay && (e.perDay ?? 0) < p.minPerDay) continue;
      const m = texts.length === 0 ? null : texts.map((re) => re.exec(e.text)).find(Boolean);
      if (texts.length > 0 && !m) continue;
      groupsOf(m ?? null, match.groups);
      if (p.minPerDay && e.perDay) match.groups.every ??= intervalOf(e.perDay);
      match.refs.add(e.ref);
      match.texts.push(e.text);
      found = true;
      break;
    }
    if (!found) return null;
  } else {
    const primary = evidence.find((e) => e.ref === 'entry') ?? evidence[0];
    if (primary) {
      match.refs.add(primary.ref);
      match.texts.push(primary.text);
    }
  }
  for (const re of p.with ?? []) {
    const e = evidence.find((x) => re.test(x.text));
    if (!e) return null;
    groupsOf(re.exec(e.text), match.groups);
    match.refs.add(e.ref);
    if (!match.texts.includes(e.text)) match.texts.push(e.text);
  }
  return match;
}

function holds(c: Condition, ctx: Context, host: string | undefined, match: Match): boolean {
  if (c.custom !== undefined && c.custom !== (ctx.custom === true)) return false;
  if (c.core !== undefined && c.core !== (ctx.custom === false)) return false;
  if (c.addon !== undefined && c.addon !== ctx.addon) return false;
  if (c.app !== undefined && c.app !== ctx.app) return false;
  const text = c.text;
  if (text && !ctx.evidence.some((e) => text.test(e.text))) return false;
  if (c.publicHost !== undefined && (host ? isPublicHost(host) : null) !== c.publicHost)
    return false;
  if (c.localService !== undefined && (host ? isLocalService(host) : false) !== c.localService)
    return false;
  if (c.cloud !== undefined && CLOUD_DOMAINS.has(ctx.input.integration ?? '') !== c.cloud)
    return false;
  if (c.misspelled !== undefined) {
    const named = match.groups.domain ?? ctx.input.integration;
    if ((misspelledCoreDomain(named) !== null) !== c.misspelled) return false;
  }
  if (c.outage !== undefined && (typeof ctx.input.data?.root === 'string') !== c.outage)
    return false;
  return true;
}

function outcomeOf(sig: Signature, ctx: Context, match: Match): Outcome {
  const host = hostOf(ctx, match);
  let outcome: Outcome = sig;
  for (const v of sig.variants ?? []) {
    if (holds(v.when, ctx, host, match)) outcome = { ...outcome, ...v.set };
  }
  return outcome;
}

/** What is said about an error no signature knows: low confidence, evidence only. */
export const UNEXPLAINED: Signature = {
  id: 'unexplained',
  match: {},
  category: 'other',
  remedy: 'notify_only',
  severity: 'error',
  confidence: 0.2,
  title: '[[{integration}: ]]{detail}',
  rootCause:
    'No known failure signature matches this error[[ ({exception})]][[ in {location}]], so the cause is not known yet. It says: “{detail}”.',
  impact: 'Unknown: [[{integration} ]]may not work as expected while this error repeats.',
  actions: [
    {
      action_id: 'set_integration_log_level',
      params: { integration: '$integration', level: 'debug' },
      rationale:
        'Turn on debug logging for {integration} to capture more evidence the next time this happens; the previous level is restored afterwards.',
      risk: 'low',
    },
  ],
  tests: [
    {
      kind: 'no_new_matching_errors',
      description: 'The error does not occur again.',
      timeout_s: 3600,
    },
  ],
  manualSteps: [
    'Search the issue tracker of [[{integration}, or of ]]Home Assistant for the error text.',
    'If it started after an update, read that release’s notes for breaking changes.',
    'If it keeps happening, enable debug logging and report it with the log.',
  ],
  variants: [
    {
      // An add-on failing in its own log: whatever the error, the add-on is what does not
      // work, and its log and options are where the cause is found.
      when: { app: true },
      set: {
        category: 'addon_crash',
        actions: [],
        title: 'Add-on {addon} fails: {detail}',
        rootCause:
          'The add-on fails with an error no known signature matches (“{detail}”)[[ ({exception})]], so the cause is not known yet: often an option it cannot use, a device or service it cannot reach, or a bug of its release.',
        impact: 'What the add-on provides may not work while this error repeats.',
        manualSteps: [
          'Read the add-on’s log around this error (Settings → Add-ons → the add-on → Log) and check its options (Configuration tab) against its documentation.',
          'Search the add-on’s issue tracker for the error text; if it started with an update, its changelog may name the change.',
        ],
      },
    },
    {
      // An error raised in a custom integration's own code is its author's to fix: in the
      // real threads such errors ended with a later release of it, not with waiting.
      when: { custom: true },
      set: {
        remedy: 'update_or_remove_custom_component',
        manualSteps: [
          'Update the custom integration[[ {integration}]]: an error its own code raises is usually fixed in a later release, often one made for a change of Home Assistant or of the service.',
          'Search its issue tracker for the error text; if nobody reported it, report it with the log (turn on its debug logging first).',
          'If it started after a Home Assistant update and no fixed release exists yet, go back to the previous Home Assistant version or remove the custom integration until one does.',
        ],
      },
    },
  ],
};

/** The explanation for an error no signature knows, or null when nothing failed. */
function unexplained(ctx: Context): OfflineFinding | null {
  const { input, evidence } = ctx;
  const errors = evidence.filter(
    (e) =>
      e.ref.startsWith('log:') &&
      (rank(e.level) >= LEVELS.ERROR || (e.level === 'UNKNOWN' && errorish(e.text))),
  );
  const failing =
    (input.kind !== undefined && FAILING_KINDS.has(input.kind)) ||
    (input.entry !== null && FAILED_ENTRY_STATES.has(input.entry.state));
  if (errors.length === 0 && !failing) return null;
  const primary = errors[0] ?? evidence.find((e) => e.ref === 'entry') ?? evidence[0];
  if (!primary) return null;
  const critical = errors.some((e) => rank(e.level) >= LEVELS.CRITICAL);
  const match: Match = { refs: new Set([primary.ref]), texts: [primary.text], groups: {} };
  const outcome: Outcome = {
    ...outcomeOf(UNEXPLAINED, ctx, match),
    severity: critical ? 'critical' : 'error',
  };
  return findingOf(
    { family: 'fallback', signature: UNEXPLAINED, patterns: [] },
    outcome,
    match,
    ctx,
  );
}

/**
 * Explain an incident from its evidence; null when it is benign or says nothing known.
 * The user's own rules (`input.localRules`) come first: a matching one wins.
 */
export function analyzeOffline(input: AnalysisInput): OfflineFinding | null {
  const ctx = contextOf(input);
  const local = input.localRules?.length ? matchLocal(input.localRules, ctx) : null;
  if (local) return findingOf(local.c, local.c.signature, local.match, ctx);
  let best: { c: Compiled; outcome: Outcome; match: Match } | null = null;
  for (const c of SIGNATURES) {
    for (const p of c.patterns) {
      const match = matchPattern(p, ctx);
      if (!match) continue;
      const outcome = outcomeOf(c.signature, ctx, match);
      if (!best || outcome.confidence > best.outcome.confidence) best = { c, outcome, match };
      break;
    }
  }
  return best ? findingOf(best.c, best.outcome, best.match, ctx) : unexplained(ctx);
}
