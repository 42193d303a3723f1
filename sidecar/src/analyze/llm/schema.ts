/**
 * The model's answer: a valibot schema (a subset of RcaResult), the strict JSON
 * Schema derived from it for `response_format`, and the check every answer
 * passes before anything else sees it. The model only *names* actions: a
 * candidate off the allow-list is dropped and counted, never passed on, and
 * the planner still resolves and checks every parameter of the rest.
 */
import {
  type ActionId as ActionIdType,
  Category,
  RcaResult,
  Remedy,
  Risk,
  VERIFICATION_KINDS,
  type CandidateAction,
} from '@ha-llm-ops/contracts';
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { ACTIONS, allowListed } from '../../actions/index.js';

const ACTION_LIST = Object.values(ACTIONS);

/** Every parameter name an allow-listed action takes, from the actions' own descriptions. */
export const PARAM_NAMES: readonly string[] = [
  ...new Set(ACTION_LIST.flatMap((a) => Object.keys(a.params))),
];

// The allow-list as a picklist: exactly the registered actions.
const ActionId = v.picklist(ACTION_LIST.map((a) => a.id) as [ActionIdType, ...ActionIdType[]]);

/** Most candidate actions passed on from one answer. */
export const MAX_CANDIDATES = 5;

const param = (what: string) =>
  v.pipe(v.nullable(v.string()), v.description(`${what}; null when the action takes none.`));

/** What a parameter is, and which actions take it: "Config entry id (reload_config_entry, …)". */
function describeParam(name: string): string {
  const takers = ACTION_LIST.filter((a) => Object.hasOwn(a.params, name));
  return `${takers[0]?.params[name] ?? name} (${takers.map((a) => a.id).join(', ')})`;
}

/** Strict mode allows no free-form maps, so the parameters are a fixed object of nullable strings. */
const AnswerParams = v.strictObject(
  Object.fromEntries(PARAM_NAMES.map((name) => [name, param(describeParam(name))])),
);

const AnswerCandidate = v.strictObject({
  action_id: v.pipe(ActionId, v.description('One id of the allow-list, nothing else.')),
  params: AnswerParams,
  rationale: v.pipe(v.string(), v.maxLength(2000), v.description('Why, and when to run it.')),
  risk: Risk,
});

const AnswerTest = v.strictObject({
  kind: v.picklist(VERIFICATION_KINDS),
  description: v.pipe(v.string(), v.maxLength(1000)),
});

/** The answer the model must give (every key required, no others: OpenAI strict mode). */
export const LlmAnswer = v.strictObject({
  summary: v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(500),
    v.description('One sentence: what is broken.'),
  ),
  root_cause: v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(5000),
    v.description('Why it broke, citing the evidence.'),
  ),
  impact: v.pipe(v.string(), v.maxLength(2000), v.description('What the user loses meanwhile.')),
  confidence: v.pipe(
    v.number(),
    v.minValue(0),
    v.maxValue(1),
    v.description('0 to 1: how sure the evidence makes you.'),
  ),
  category: Category,
  remedy: v.pipe(Remedy, v.description('The kind of fix that actually helps.')),
  candidate_actions: v.pipe(
    v.array(AnswerCandidate),
    v.description('Allow-listed actions worth proposing, best first; empty when none helps.'),
  ),
  risk: v.pipe(Risk, v.description('Risk of the riskiest candidate action (low without any).')),
  tests: v.pipe(v.array(AnswerTest), v.description('How to tell that the fix worked.')),
  manual_steps: v.pipe(
    v.array(v.pipe(v.string(), v.maxLength(1000))),
    v.description('Concrete steps for the user, in order.'),
  ),
});
export type LlmAnswer = v.InferOutput<typeof LlmAnswer>;

/** Walk a JSON Schema and throw unless every object is closed and requires all its keys. */
export function assertStrictSchema(schema: unknown, path = '$'): void {
  if (Array.isArray(schema)) {
    schema.forEach((s, i) => assertStrictSchema(s, `${path}[${i}]`));
    return;
  }
  if (typeof schema !== 'object' || schema === null) return;
  const node = schema as Record<string, unknown>;
  if (node.type === 'object') {
    const keys = Object.keys((node.properties as object | undefined) ?? {}).sort();
    const required = [...((node.required as string[] | undefined) ?? [])].sort();
    if (node.additionalProperties !== false)
      throw new Error(`${path}: strict mode needs additionalProperties false`);
    if (JSON.stringify(keys) !== JSON.stringify(required))
      throw new Error(`${path}: strict mode needs every key required`);
  }
  for (const [key, value] of Object.entries(node)) assertStrictSchema(value, `${path}.${key}`);
}

function answerJsonSchema(): JsonSchema {
  // Length limits are checked here, not by the model's sampler: strict mode does not know them.
  const { $schema: _drop, ...schema } = toJsonSchema(LlmAnswer, {
    target: 'draft-07',
    ignoreActions: ['min_length', 'max_length'],
    errorMode: 'throw',
  });
  assertStrictSchema(schema);
  return schema;
}

/** The JSON Schema of the answer, as sent to the model. */
export const ANSWER_JSON_SCHEMA: Readonly<Record<string, unknown>> = answerJsonSchema() as Record<
  string,
  unknown
>;

/** The `response_format` of a chat completion that must return the answer. */
export const RESPONSE_FORMAT = {
  type: 'json_schema',
  json_schema: { name: 'incident_analysis', strict: true, schema: ANSWER_JSON_SCHEMA },
} as const;

// What is accepted back is a little looser than what is asked for (servers without strict
// mode): missing lists count as empty, and candidates are checked one by one.
const AnswerEnvelope = v.object({
  ...LlmAnswer.entries,
  candidate_actions: v.optional(v.array(v.unknown()), []),
  tests: v.optional(v.array(AnswerTest), []),
  manual_steps: v.optional(v.array(v.pipe(v.string(), v.maxLength(1000))), []),
});

const ParamValue = v.union([v.string(), v.number(), v.boolean()]);
const LooseCandidate = v.object({
  action_id: ActionId,
  params: v.optional(v.nullable(v.record(v.string(), v.nullable(ParamValue))), null),
  rationale: v.pipe(v.string(), v.maxLength(2000)),
  risk: Risk,
});

/** What the check kept and what it dropped. */
export interface CheckedAnswer {
  rca: RcaResult;
  /** Action ids off the allow-list the model named (dropped). */
  offList: string[];
  /** Allow-listed candidates dropped for a malformed shape or unknown parameter names. */
  invalid: number;
}

export type AnswerCheck = { ok: true; answer: CheckedAnswer } | { ok: false; error: string };

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Parse answer text as JSON; a ```json fence around it (local models like one) is tolerated. */
export function parseAnswerText(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  const trimmed = text.trim();
  const fenced = /^```(?:json)?[^\S\n]*\n([\s\S]*?)\n?```$/.exec(trimmed);
  try {
    return { ok: true, value: JSON.parse(fenced?.[1] ?? trimmed) };
  } catch (err) {
    return { ok: false, error: `the answer is not valid JSON (${(err as Error).message})` };
  }
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${v.getDotPath(i) ?? 'the answer'}: ${i.message}`)
    .join('; ');
}

function candidateOf(raw: unknown): CandidateAction | 'off_list' | 'invalid' {
  const id = isObject(raw) ? raw.action_id : undefined;
  if (typeof id !== 'string' || !allowListed(id)) return 'off_list';
  const parsed = v.safeParse(LooseCandidate, raw);
  if (!parsed.success) return 'invalid';
  const params: CandidateAction['params'] = {};
  for (const [key, value] of Object.entries(parsed.output.params ?? {})) {
    if (value === null || value === '') continue;
    // A parameter no action knows ("also": "rm -rf /") makes the whole candidate suspect.
    if (!PARAM_NAMES.includes(key)) return 'invalid';
    params[key] = value;
  }
  return {
    action_id: parsed.output.action_id,
    params,
    rationale: parsed.output.rationale,
    risk: parsed.output.risk,
  };
}

/**
 * Check a model's answer (parsed JSON, or text to parse) and turn it into an
 * RcaResult of `analyzer`. Off-list actions are dropped and counted; a wrong
 * shape elsewhere is an error whose text can be sent back for one repair.
 */
export function checkAnswer(content: unknown, analyzer: 'llm' | 'ai_task'): AnswerCheck {
  let value = content;
  if (typeof content === 'string') {
    const parsed = parseAnswerText(content);
    if (!parsed.ok) return parsed;
    value = parsed.value;
  }
  if (!isObject(value)) return { ok: false, error: 'the answer must be one JSON object' };
  const result = v.safeParse(AnswerEnvelope, value);
  if (!result.success) return { ok: false, error: describeIssues(result.issues) };
  const a = result.output;
  const offList: string[] = [];
  let invalid = 0;
  const kept: CandidateAction[] = [];
  const seen = new Set<string>();
  for (const raw of a.candidate_actions) {
    const c = candidateOf(raw);
    if (c === 'off_list') {
      const id = isObject(raw) ? raw.action_id : raw;
      offList.push(String(typeof id === 'string' ? id : JSON.stringify(id)).slice(0, 80));
      continue;
    }
    if (c === 'invalid') {
      invalid++;
      continue;
    }
    const key = `${c.action_id}:${JSON.stringify(c.params)}`;
    if (seen.has(key) || kept.length >= MAX_CANDIDATES) continue;
    seen.add(key);
    kept.push(c);
  }
  if (!a.summary.trim() || !a.root_cause.trim())
    return { ok: false, error: 'summary and root_cause must not be blank' };
  const rca: RcaResult = {
    summary: a.summary.trim(),
    root_cause: a.root_cause.trim(),
    impact: a.impact.trim(),
    confidence: Math.round(a.confidence * 100) / 100,
    category: a.category,
    remedy: a.remedy,
    evidence_refs: [],
    candidate_actions: kept,
    risk: a.risk,
    tests: a.tests.map((t) => ({ kind: t.kind, description: t.description })),
    manual_steps: a.manual_steps.filter((s) => s.trim() !== ''),
    analyzer,
    signature: null,
  };
  // The contract holds by construction; checking keeps it that way when either side changes.
  const checked = v.safeParse(RcaResult, rca);
  if (!checked.success) return { ok: false, error: describeIssues(checked.issues) };
  return { ok: true, answer: { rca: checked.output, offList, invalid } };
}
