/**
 * The user's own rules (the knowledge file) as signatures of the family `local`:
 * a rule whose pattern matches the evidence (and whose integration, when it
 * names one, is the incident's) explains the incident before any built-in
 * signature does. Its actions are only named here, with no parameters: the
 * planner resolves and checks them like any other analysis' actions.
 */
import type { Severity } from '@ha-llm-ops/contracts';
import { ACTIONS } from '../../actions/index.js';
import type { KnowledgeRule } from '../../shared/knowledge.js';
import type { Compiled, Context, Match } from './match.js';
import type { Signature } from './types.js';

/** How sure a rule is when it does not say. */
export const LOCAL_CONFIDENCE = 0.85;

function signatureOf(rule: KnowledgeRule, severity: Severity): Signature {
  return {
    id: rule.id,
    match: {},
    category: rule.category,
    remedy: rule.remedy,
    severity,
    confidence: rule.confidence ?? LOCAL_CONFIDENCE,
    title: rule.title ?? '[[{integration}: ]]{detail}',
    rootCause:
      rule.root_cause ?? `Your knowledge file’s rule “${rule.id}” explains this error: “{detail}”.`,
    impact: '[[{integration} ]]may not work as expected while this error repeats.',
    actions: (rule.actions ?? []).map((id) => ({
      action_id: id,
      params: {},
      rationale: `Your rule “${rule.id}” names this: ${ACTIONS[id].label}.`,
      risk: ACTIONS[id].risk,
    })),
    tests: [
      {
        kind: 'no_new_matching_errors',
        description: 'The error does not occur again.',
        timeout_s: 3600,
      },
    ],
    manualSteps: [],
  };
}

const severityOf = (level: string): Severity =>
  level === 'CRITICAL' ? 'critical' : level === 'WARNING' ? 'warning' : 'error';

/** The first rule (in file order) that explains the evidence, with what it matched. */
export function matchLocal(
  rules: readonly KnowledgeRule[],
  ctx: Context,
): { c: Compiled; match: Match } | null {
  for (const rule of rules) {
    if (rule.integration && rule.integration !== ctx.input.integration) continue;
    for (const e of ctx.evidence) {
      const m = rule.regex.exec(e.text);
      if (!m) continue;
      const groups: Record<string, string> = {};
      for (const [k, val] of Object.entries(m.groups ?? {})) if (val) groups[k] = val.trim();
      const signature = signatureOf(rule, severityOf(e.level.toUpperCase()));
      return {
        c: { family: 'local', signature, patterns: [] },
        match: { refs: new Set([e.ref]), texts: [e.text], groups },
      };
    }
  }
  return null;
}
