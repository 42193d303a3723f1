/**
 * "Save as a rule": a knowledge rule built from a resolved incident. Its pattern
 * is the incident's decisive log message with the parts that change from one
 * occurrence to the next (numbers, hex ids, addresses, quoted values, redaction
 * placeholders) generalized and everything else escaped; its conclusion is the
 * incident's analysis, and its action the one that fixed it, when one did and
 * was verified.
 */
import type { EvidenceBundle, IncidentOutcome } from '@ha-llm-ops/contracts';
import type { IncidentRecord } from '../journal/journal.js';
import { type KnowledgeRuleInput, MAX_PATTERN, patternProblem, RuleRefused } from './knowledge.js';

/** Variable parts of a message, each with the pattern that stands for any value of it. */
const VARIABLE: readonly [RegExp, string][] = [
  [/\[[A-Z][A-Z_]*_[0-9a-z]+\]/y, String.raw`\[[A-Z_]+_\w+\]`],
  [/'[^'\n]*'/y, String.raw`'[^']*'`],
  [/"[^"\n]*"/y, String.raw`"[^"]*"`],
  [/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}/iy, String.raw`[0-9a-f-]+`],
  [/(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?/y, String.raw`\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?`],
  [/0x[0-9a-f]+/iy, String.raw`0x[0-9a-f]+`],
  [/(?<![\w.])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{6,}(?![\w])/iy, String.raw`[0-9a-f]+`],
  [/\d+(?:\.\d+)?/y, String.raw`\d+(?:\.\d+)?`],
];

/** The first three (placeholders, quoted values) count anywhere; the rest only at a token's start. */
const ANYWHERE = 3;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A case-insensitive pattern for messages like this one: variable parts
 * generalized, the rest literal. Only the first line, and only as much of it as
 * keeps the pattern within the length cap.
 */
export function generalize(message: string): string {
  let text = (message.split('\n')[0] ?? '').trim();
  for (;;) {
    const pattern = generalizeLine(text);
    if (pattern.length <= MAX_PATTERN || text.length < 20) return pattern.slice(0, MAX_PATTERN);
    text = text.slice(0, Math.floor(text.length * 0.75)).replace(/\s+\S*$/, '');
  }
}

function generalizeLine(text: string): string {
  let out = '';
  let literal = '';
  let i = 0;
  const flush = () => {
    out += escape(literal);
    literal = '';
  };
  scan: while (i < text.length) {
    // A variable part starts a token (not in the middle of a word such as "zigbee2mqtt").
    const startsToken = i === 0 || !/[a-z]/i.test(text[i - 1] ?? '');
    for (const [k, [re, general]] of VARIABLE.entries()) {
      if (!startsToken && k >= ANYWHERE) break;
      re.lastIndex = i;
      const m = re.exec(text);
      if (m && m[0].length > 0) {
        flush();
        out += general;
        i += m[0].length;
        continue scan;
      }
    }
    literal += text[i];
    i++;
  }
  flush();
  return out;
}

/** The message the incident was opened for: its analysis' first log line, else its first signal's. */
export function decisiveMessage(
  incident: IncidentRecord,
  bundle: EvidenceBundle | null,
  firstSignalMessage: string | null,
): string {
  const ref = incident.analysis?.evidence_refs.find((r) => r.startsWith('log:'));
  const line = ref ? bundle?.log_lines[Number(ref.slice(4))] : bundle?.log_lines[0];
  return line?.text ?? firstSignalMessage ?? incident.title;
}

/** A rule id from the incident id: lower case, safe, within 64 characters. */
export function ruleIdOf(incidentId: string): string {
  const slug = incidentId
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '');
  return `from-${slug}`.slice(0, 64).replace(/[-_]+$/, '');
}

/** Template braces in copied text would be filled in: show them as parentheses. */
const plain = (s: string, max: number) => s.replace(/\{/g, '(').replace(/\}/g, ')').slice(0, max);

/** The rule a resolved incident teaches; RuleRefused when it teaches none. */
export function ruleFromIncident(
  incident: IncidentRecord,
  outcome: IncidentOutcome | null,
  message: string,
  id?: string,
): KnowledgeRuleInput {
  if (incident.status !== 'resolved')
    throw new RuleRefused(
      409,
      `only a resolved incident can become a rule; ${incident.id} is ${incident.status}`,
    );
  const rca = incident.analysis;
  if (!rca) throw new RuleRefused(409, `incident ${incident.id} has no analysis to learn from`);
  const match = generalize(message);
  const problem = patternProblem(match);
  if (problem)
    throw new RuleRefused(409, `no usable pattern from the incident's message: it ${problem}`);
  const fixedBy =
    outcome?.outcome === 'fixed_by_action' && outcome.action_id ? [outcome.action_id] : [];
  return {
    id: id ?? ruleIdOf(incident.id),
    match,
    ...(incident.integration ? { integration: incident.integration } : {}),
    category: rca.category,
    remedy: rca.remedy,
    title: plain(rca.summary || incident.title, 200),
    root_cause: plain(rca.root_cause, 2000),
    ...(fixedBy.length ? { actions: fixedBy } : {}),
  };
}
