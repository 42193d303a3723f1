/**
 * The knowledge file (`knowledge.yaml`): the user's own rules for the offline
 * analyzer, pattern → category, remedy and actions. Parsed like the policy (every
 * error names the file and line), re-read when it changes, and extended by
 * "save as a rule" without losing the user's comments. A bad edit never loses
 * rules: the last good ones stay in force and the error is reported.
 */
import {
  ACTION_IDS,
  type ActionId,
  CATEGORIES,
  KNOWLEDGE_RULE_ID,
  MAX_RULE_PATTERN,
  REMEDIES,
} from '@ha-llm-ops/contracts';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as v from 'valibot';
import { isSeq, parseDocument, YAMLSeq } from 'yaml';
import { allowListed } from '../actions/index.js';
import { at, issueOf, lineOf, parseYaml, YamlFileError } from './yaml-file.js';

/** Longest pattern a rule may have. */
export const MAX_PATTERN = MAX_RULE_PATTERN;
/** Most rules a file may hold. */
export const MAX_RULES = 500;

/** A quantified group holding a quantifier, `(a+)+`, can take exponential time: refused. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})\)(?:[+*]|\{\d+,\d*\})/;

/** Why a pattern cannot be a rule's, or null when it can. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN) return `is longer than ${MAX_PATTERN} characters`;
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'i');
  } catch (err) {
    return `is not a valid regular expression (${(err as Error).message})`;
  }
  if (NESTED_QUANTIFIER.test(pattern))
    return 'repeats a group that itself repeats, which can take forever on a long line; write it without the nested repetition';
  if (re.test('')) return 'matches an empty text, so it would match every error';
  return null;
}

const Pattern = v.pipe(
  v.string('must be a text (a regular expression)'),
  v.minLength(1, 'must not be empty'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = patternProblem(dataset.value);
    if (problem) addIssue({ message: problem });
  }),
);

const ActionOfRule = v.pipe(
  v.string(),
  v.check(
    (id) => allowListed(id) !== undefined,
    (issue) =>
      `${JSON.stringify(issue.input)} is not an allow-listed action; known: ${ACTION_IDS.join(', ')}`,
  ),
  v.transform((id) => id as ActionId),
);

/** One rule as written in the file. */
export const KnowledgeRuleSchema = v.strictObject({
  id: v.pipe(
    v.string('must be a text'),
    v.regex(
      KNOWLEDGE_RULE_ID,
      'must be 1–64 lower-case letters, digits, _ or -, starting with a letter or digit',
    ),
  ),
  match: Pattern,
  integration: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z0-9_]+$/, 'must be an integration domain such as hue')),
  ),
  category: v.picklist(CATEGORIES, `must be one of ${CATEGORIES.join(', ')}`),
  remedy: v.picklist(REMEDIES, `must be one of ${REMEDIES.join(', ')}`),
  title: v.optional(v.pipe(v.string(), v.maxLength(200, 'must be at most 200 characters'))),
  root_cause: v.optional(v.pipe(v.string(), v.maxLength(2000, 'must be at most 2000 characters'))),
  actions: v.optional(v.pipe(v.array(ActionOfRule), v.maxLength(3, 'may name at most 3'))),
  confidence: v.optional(
    v.pipe(v.number(), v.minValue(0, 'must be 0 to 1'), v.maxValue(1, 'must be 0 to 1')),
  ),
});
/** A rule as written in the file. */
export type KnowledgeRuleInput = v.InferOutput<typeof KnowledgeRuleSchema>;

const KnowledgeFileSchema = v.strictObject({
  rules: v.optional(
    v.nullable(
      v.pipe(v.array(KnowledgeRuleSchema), v.maxLength(MAX_RULES, `at most ${MAX_RULES}`)),
    ),
  ),
});

/** A rule in force: as written, with its pattern compiled (case-insensitive). */
export interface KnowledgeRule extends KnowledgeRuleInput {
  regex: RegExp;
}

/** A problem in the knowledge file, located in it. */
export class KnowledgeError extends YamlFileError {}

/** Parse and validate knowledge text; throws KnowledgeError naming the line. */
export function parseKnowledge(text: string, file = 'knowledge.yaml'): KnowledgeRule[] {
  const { doc, counter, data } = parseYaml(text, file, (f, l, d) => new KnowledgeError(f, l, d));
  const result = v.safeParse(KnowledgeFileSchema, data);
  if (!result.success) {
    const { path, detail } = issueOf(result.issues[0]);
    throw new KnowledgeError(file, lineOf(doc, counter, path), at(path, detail));
  }
  const rules = result.output.rules ?? [];
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (seen.has(rule.id)) {
      const path = ['rules', i, 'id'];
      throw new KnowledgeError(
        file,
        lineOf(doc, counter, path),
        at(path, `duplicate rule id ${JSON.stringify(rule.id)}`),
      );
    }
    seen.add(rule.id);
  });
  return rules.map((rule) => ({ ...rule, regex: new RegExp(rule.match, 'i') }));
}

/** The knowledge in force, and what is wrong with the file if anything. */
export interface KnowledgeView {
  file: string;
  rules: readonly KnowledgeRule[];
  /** The file's problem (the last good rules stay in force meanwhile), or null. */
  error: string | null;
}

/** A rule cannot be added (the file is invalid, the id is taken): status says which. */
export class RuleRefused extends Error {
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The knowledge file, re-read whenever its modification time or size changes
 * (checked before each use: one stat call). A missing file means no rules.
 */
export class KnowledgeBase {
  private rules: readonly KnowledgeRule[] = [];
  private error: string | null = null;
  private stamp: string | null = null;

  constructor(
    readonly file: string,
    private readonly log: { info(m: string): void; error(m: string): void },
  ) {
    this.refresh(); // read (and report on) the file at start, not at the first analysis
  }

  /** The rules in force, re-read first if the file changed. */
  current(): KnowledgeView {
    this.refresh();
    return { file: this.file, rules: this.rules, error: this.error };
  }

  private refresh(): void {
    let stamp: string;
    try {
      const s = statSync(this.file);
      stamp = `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      stamp = 'missing';
    }
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    if (stamp === 'missing') {
      if (this.rules.length) this.log.info(`knowledge file ${this.file} is gone: no local rules`);
      this.rules = [];
      this.error = null;
      return;
    }
    try {
      this.rules = parseKnowledge(readFileSync(this.file, 'utf8'), this.file);
      this.error = null;
      this.log.info(`knowledge file ${this.file}: ${this.rules.length} rule(s)`);
    } catch (err) {
      const message =
        err instanceof YamlFileError ? err.message : `${this.file}: cannot read: ${String(err)}`;
      // Logged once per bad edit: the stamp changes only when the file does.
      this.error = message;
      this.log.error(
        `the knowledge file is invalid; the ${this.rules.length} rule(s) read before stay in force: ${message}`,
      );
    }
  }

  /**
   * Append a rule to the file, keeping everything else in it (comments, order,
   * formatting) as the user wrote it; returns the rule as now in force.
   */
  add(rule: KnowledgeRuleInput): KnowledgeRule {
    const { error, rules } = this.current();
    if (error)
      throw new RuleRefused(409, `the knowledge file must be fixed before adding to it: ${error}`);
    if (rules.some((r) => r.id === rule.id))
      throw new RuleRefused(409, `the knowledge file already has a rule with id ${rule.id}`);
    const checked = v.safeParse(KnowledgeRuleSchema, rule);
    if (!checked.success) {
      const { path, detail } = issueOf(checked.issues[0]);
      throw new RuleRefused(409, `the rule is not valid: ${at(path, detail)}`);
    }
    let text = '';
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const doc = parseDocument(
      text || '# Local rules of the offline analyzer (docs/knowledge-file.md)\n',
    );
    const node = doc.createNode(stripUndefined(checked.output));
    const list = doc.get('rules', true);
    if (isSeq(list)) list.add(node);
    else if (list == null || doc.get('rules') == null) {
      const seq = new YAMLSeq();
      seq.add(node);
      doc.set('rules', seq);
    } else throw new RuleRefused(409, `${this.file}: rules is not a list`);
    const out = doc.toString();
    parseKnowledge(out, this.file); // never write what would not read back
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, out, 'utf8');
    renameSync(tmp, this.file);
    const added = this.current().rules.find((r) => r.id === rule.id);
    if (!added) throw new Error(`${this.file}: the new rule ${rule.id} did not read back`);
    return added;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as Partial<T>;
}

/** The rule as the API shows it (without the compiled pattern). */
export function publicRule({ regex: _r, ...rule }: KnowledgeRule): KnowledgeRuleInput {
  return rule;
}
