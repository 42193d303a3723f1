/**
 * A finding from a match: the signature's templates filled with what the evidence
 * names (integration, entry, host, automation, add-on), its candidate actions with
 * their parameters taken from the incident, and its verification tests.
 */
import type { CandidateAction, RcaResult, Risk, VerificationTest } from '@ha-llm-ops/contracts';
import { translate } from '../../i18n/index.js';
import { factsOf, hostIn } from './extract.js';
import { misspelledCoreDomain } from './libraries.js';
import type { Compiled, Context, Match } from './match.js';
import { automationOfLogger } from './patterns.js';
import type { ActionTemplate, AnalysisInput, OfflineFinding, Outcome } from './types.js';

/** Values a template may use when the evidence did not name them (translated like the templates). */
export const DEFAULTS: Record<string, string> = {
  integration: 'the integration',
  entry: 'the config entry',
  host: 'the device',
  exception: 'an unexpected error',
  location: 'its code',
  entity: 'an entity',
  automation: 'an automation',
  addon: 'the add-on',
  service: 'an action',
  seconds: '10',
  package: 'a Python package',
  proxy: 'the proxy',
  ip: 'an address',
  call: 'a blocking function',
};

/**
 * Fill `{name}` (defaults when unknown) and `[[ … ]]` (dropped unless every name inside is known).
 * With a `language`, the template and the defaults are that language's translation of the English.
 */
export function fill(
  template: string,
  vars: Readonly<Record<string, string>>,
  language = 'en',
): string {
  const defaultOf = (name: string): string => {
    const english = DEFAULTS[name];
    return english ? translate(language, english) : '';
  };
  return (
    translate(language, template)
      .replace(/\[\[(.*?)\]\]/gs, (_m, inner: string) => {
        const names = [...inner.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
        return names.every((n) => vars[n]) ? inner : '';
      })
      .replace(/\{(\w+)\}/g, (_m, name: string) => vars[name] || defaultOf(name))
      // "Add-on {addon} crashed" without a name: "The add-on crashed", not "Add-on the add-on …".
      .replace(/\bAdd-on (the add-on|das Add-on)\b/g, (_m, phrase: string) => capitalize(phrase))
      .replace(/ {2,}/g, ' ')
      .replace(/ ([.,;:)])(?=\s|$)/g, '$1')
      .trim()
  );
}

/** Titles start upper case, unless they start with a name (an integration domain, an entity id). */
const capitalize = (s: string): string =>
  /^(?:the|a|an|some|der|die|das|ein|eine|einige) /.test(s)
    ? s.charAt(0).toUpperCase() + s.slice(1)
    : s;
const shorten = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The id of the websocket connection HA puts before what it logs for one: noise to a reader. */
const CONNECTION_ID = /^\[\d{6,}\] /;
/**
 * HA's words for "an exception was raised" that say nothing of it (the websocket API's for an
 * action or command, the event loop's, a thread's): the exception raised says what happened.
 */
const SAYS_NOTHING =
  /^(?:Unexpected exception|Error handling message: Unknown error \(unknown_error\)|Uncaught thread exception|Error doing job: (?:Task|Future) exception was never retrieved|Error doing job: Exception in callback)\b/;

/** What a finding quotes of its first line: the exception instead of words that name none. */
function headline(first: string, exception: string | undefined): string {
  const line = first.replace(CONNECTION_ID, '');
  return exception && SAYS_NOTHING.test(line) ? exception : line;
}

export function automationOf(input: AnalysisInput, texts: string[]): string | undefined {
  if (input.subject && /^(?:automation|script)\./.test(input.subject)) return input.subject;
  for (const line of input.lines) {
    const fromLogger = automationOfLogger(line.logger);
    if (fromLogger) return fromLogger;
  }
  for (const t of texts) {
    const m = /\b((?:automation|script)\.[a-z0-9_]+)/.exec(t);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function addonOf(input: AnalysisInput): string | undefined {
  const fromData = input.data?.addon ?? input.data?.slug;
  if (typeof fromData === 'string' && fromData) return fromData;
  // The Supervisor's issues and log lines about an add-on name it as their subject.
  if (input.subject?.startsWith('addon:')) return input.subject.slice('addon:'.length);
  if (input.kind === 'addon_state' && input.subject) return input.subject;
  return undefined;
}

/** The peer the evidence names: in the matched lines first, else in any line of the incident. */
export function hostOf(ctx: Context, match: Match): string | undefined {
  return (
    match.groups.host ??
    factsOf(match.texts).host ??
    ctx.evidence.map((e) => hostIn(e.text)).find((h) => h !== null) ??
    undefined
  );
}

function varsOf(ctx: Context, match: Match): Record<string, string> {
  const { input } = ctx;
  const vars: Record<string, string> = { ...factsOf(match.texts) } as Record<string, string>;
  Object.assign(vars, match.groups);
  const host = hostOf(ctx, match);
  if (host) vars.host = host;
  const integration = input.integration ?? match.groups.domain ?? match.groups.culprit;
  if (integration) vars.integration = integration;
  const meant = misspelledCoreDomain(match.groups.domain ?? integration);
  if (meant) vars.meant = meant;
  const entry = input.entry?.title ?? match.groups.entry_title;
  if (entry) vars.entry = entry;
  const automation = automationOf(input, match.texts);
  if (automation) vars.automation = automation;
  // The name the log uses reads better than the slug; the slug is for action parameters.
  const addon = match.groups.addon ?? addonOf(input);
  if (addon) vars.addon = addon;
  const first = match.texts[0]?.split('\n')[0];
  if (first) vars.detail = shorten(headline(first, vars.exception), 200);
  if (!vars.seconds && vars.interval) vars.seconds = vars.interval;
  if (!vars.host && vars.proxy) vars.host = vars.proxy;
  // An outage's root and the devices down with it (the entities collector names them).
  if (typeof input.data?.root === 'string') vars.root = input.data.root;
  if (Array.isArray(input.data?.devices)) {
    const devices = input.data.devices.filter((d): d is string => typeof d === 'string');
    vars.devices = String(devices.length);
    vars.device_list = shorten(devices.join(', '), 300);
  }
  const total = input.lines.reduce((n, l) => n + l.count, 0);
  vars.count = String(total);
  return vars;
}

/** Parameters of an action resolved against the input; null when one cannot be. */
function actionOf(
  t: ActionTemplate,
  ctx: Context,
  vars: Record<string, string>,
  language: string,
): CandidateAction | null {
  const refs: Record<string, string | undefined> = {
    $entry_id: ctx.input.entry?.entry_id,
    // Structured input only (the subject or the automation's own logger), never log text.
    $automation: automationOf(ctx.input, []),
    $addon: addonOf(ctx.input),
    $integration: ctx.input.integration ?? undefined,
  };
  const params: CandidateAction['params'] = {};
  for (const [key, value] of Object.entries(t.params)) {
    if (typeof value === 'string' && value.startsWith('$')) {
      const resolved = refs[value];
      if (!resolved) return null;
      params[key] = resolved;
    } else {
      params[key] = value;
    }
  }
  return {
    action_id: t.action_id,
    params,
    rationale: fill(t.rationale, vars, language),
    risk: t.risk,
    ...(t.afterUserFix && { after_user_fix: true }),
  };
}

const RISK_RANK: Record<Risk, number> = { low: 0, medium: 1, high: 2 };

export function findingOf(
  c: Compiled,
  outcome: Outcome,
  match: Match,
  ctx: Context,
): OfflineFinding {
  const vars = varsOf(ctx, match);
  // The user's own rules are in the user's words: only built-in texts are translated.
  const language = c.family === 'local' ? 'en' : (ctx.input.language ?? 'en');
  const actions = outcome.actions
    .map((a) => actionOf(a, ctx, vars, language))
    .filter((a): a is CandidateAction => a !== null);
  const risk = actions.reduce<Risk>(
    (r, a) => (RISK_RANK[a.risk] > RISK_RANK[r] ? a.risk : r),
    'low',
  );
  const title = capitalize(fill(outcome.title, vars, language));
  const tests: VerificationTest[] = outcome.tests.map((t) => ({
    ...t,
    description: fill(t.description, vars, language),
  }));
  const rca: RcaResult = {
    summary: title,
    root_cause: fill(outcome.rootCause, vars, language),
    impact: fill(outcome.impact, vars, language),
    confidence: Math.round(outcome.confidence * 100) / 100,
    category: outcome.category,
    remedy: outcome.remedy,
    evidence_refs: [...match.refs],
    candidate_actions: actions,
    risk,
    tests,
    manual_steps: outcome.manualSteps.map((s) => fill(s, vars, language)),
    analyzer: 'offline',
    signature: `${c.family}.${c.signature.id}`,
  };
  return { title, severity: outcome.severity, rca };
}
