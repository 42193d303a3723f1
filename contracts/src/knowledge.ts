/**
 * The knowledge file's rules as the API shows them (`GET /api/knowledge`, "save as a
 * rule"). The sidecar reads the file with its own checks (each error names the line),
 * whose result is one of these.
 */
import * as v from 'valibot';
import { ActionId, Category, Remedy } from './vocabulary.js';

/** A rule's id: 1–64 lower-case letters, digits, _ or -, starting with a letter or digit. */
export const KNOWLEDGE_RULE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** Longest pattern a rule may have. */
export const MAX_RULE_PATTERN = 500;

/** One rule: a pattern over log lines, and what it means. */
export const KnowledgeRule = v.object({
  id: v.pipe(v.string(), v.regex(KNOWLEDGE_RULE_ID)),
  match: v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(MAX_RULE_PATTERN),
    v.description('A case-insensitive regular expression over log lines'),
  ),
  integration: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[a-z0-9_]+$/),
      v.description('Only incidents of this integration'),
    ),
  ),
  category: Category,
  remedy: Remedy,
  title: v.optional(v.pipe(v.string(), v.maxLength(200))),
  root_cause: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  actions: v.optional(v.pipe(v.array(ActionId), v.maxLength(3))),
  confidence: v.optional(
    v.pipe(v.number(), v.minValue(0), v.maxValue(1), v.description('Default 0.85')),
  ),
});
export type KnowledgeRule = v.InferOutput<typeof KnowledgeRule>;

/** The knowledge file: how many rules are in force, and its problem (the last good rules stay). */
export const KnowledgeStatus = v.object({
  file: v.string(),
  rules: v.pipe(v.number(), v.integer(), v.description('Rules in force')),
  error: v.pipe(
    v.nullable(v.string()),
    v.description("The file's problem, naming its line; the last good rules stay in force"),
  ),
});
export type KnowledgeStatus = v.InferOutput<typeof KnowledgeStatus>;

/** `GET /api/knowledge`: the rules in force, and the file's problem or null. */
export const KnowledgeReport = v.object({
  file: v.string(),
  rules: v.array(KnowledgeRule),
  error: v.nullable(v.string()),
});
export type KnowledgeReport = v.InferOutput<typeof KnowledgeReport>;
