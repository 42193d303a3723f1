/**
 * The knowledge file over HTTP: `GET /api/knowledge` (the rules in force and the
 * file's problem, if any) and `POST /api/incidents/:id/rule` ("save as a rule":
 * a rule learned from a resolved incident, appended to the file).
 */
import { KNOWLEDGE_RULE_ID, type KnowledgeReport, type KnowledgeRule } from '@ha-llm-ops/contracts';
import { Router } from 'express';
import * as v from 'valibot';
import { ApiError, validate } from './validate.js';

/** What the knowledge endpoints need from the sidecar. */
export interface KnowledgeService {
  knowledge(): KnowledgeReport;
  /**
   * Learn a rule from a resolved incident and append it to the file; undefined for
   * an unknown incident, an ApiError(409) when it teaches none or the id is taken.
   */
  saveRule(incidentId: string, id: string | undefined): KnowledgeRule | undefined;
}

/** Body of `POST /api/incidents/:id/rule`: the rule's id, else one made from the incident's. */
export const SaveRuleBody = v.strictObject({
  id: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        KNOWLEDGE_RULE_ID,
        'must be 1–64 lower-case letters, digits, _ or -, starting with a letter or digit',
      ),
    ),
  ),
});

export function knowledgeRoutes(service: KnowledgeService): Router {
  const router = Router();
  router.get('/knowledge', (_req, res) => {
    res.json(service.knowledge());
  });
  router.post('/incidents/:id/rule', (req, res) => {
    const body = validate(SaveRuleBody, req.body ?? {}, 'body');
    const rule = service.saveRule(req.params.id, body.id);
    if (!rule) throw new ApiError(404, `no incident ${req.params.id}`);
    res.status(201).json({ rule });
  });
  return router;
}
