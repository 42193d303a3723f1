/** `/api/incidents`: list, detail and dismiss. */
import {
  Category,
  INCIDENT_STATUSES,
  SEVERITIES,
  type Explanation,
  type Incident,
  type IncidentDetail,
  type UpstreamReport,
} from '@ha-llm-ops/contracts';
import { Router } from 'express';
import * as v from 'valibot';
import type { IncidentFilter } from '../journal/journal.js';
import { deciderOf } from './actions.js';
import { ApiError, validate } from './validate.js';

/** What the incident endpoints need from the sidecar. */
export interface IncidentService {
  list(filter: IncidentFilter, limit: number, offset: number): { items: Incident[]; total: number };
  /** As `list`, with what each listed incident's Repairs issue says, by incident id. */
  explained(
    filter: IncidentFilter,
    limit: number,
    offset: number,
  ): { items: Incident[]; total: number; explanations: Record<string, Explanation> };
  detail(id: string): IncidentDetail | undefined;
  dismiss(
    id: string,
    opts: { ignoreSimilar: boolean; reason: string | null; decidedBy: string | null },
  ): Incident | undefined;
  /** Analyze again (offline, then the LLM when configured); undefined for an unknown id. */
  reanalyze(id: string): Promise<Incident | undefined>;
  /**
   * A bug report for the integration's issue tracker; null when the incident names no
   * integration, undefined for an unknown id.
   */
  upstreamReport(id: string): Promise<UpstreamReport | null | undefined>;
}

/** A comma-separated list of picklist values. */
const csv = <const T extends readonly string[]>(options: T) =>
  v.pipe(
    v.string(),
    v.transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
    v.array(v.picklist(options, `must be a comma-separated list of ${options.join(', ')}`)),
  );
const count = (max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d+$/, 'must be a whole number'),
    v.transform(Number),
    v.maxValue(max, `must be at most ${max}`),
  );

/** Query of `GET /api/incidents`. */
export const ListIncidentsQuery = v.strictObject({
  status: v.optional(csv(INCIDENT_STATUSES)),
  severity: v.optional(csv(SEVERITIES)),
  integration: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z0-9_]+$/, 'must be an integration domain')),
  ),
  category: v.optional(Category),
  active: v.optional(
    v.pipe(
      v.picklist(['true', 'false'], 'must be true or false'),
      v.transform((s) => s === 'true'),
    ),
  ),
  limit: v.optional(v.pipe(count(500), v.minValue(1, 'must be at least 1')), '50'),
  offset: v.optional(count(1_000_000), '0'),
});

/** Body of `POST /api/incidents/:id/dismiss`. */
export const DismissBody = v.strictObject({
  ignore_similar: v.optional(v.boolean('must be true or false'), false),
  decided_by: v.optional(
    v.nullable(v.pipe(v.string(), v.maxLength(100, 'must be at most 100 characters'))),
    null,
  ),
  reason: v.optional(
    v.nullable(v.pipe(v.string(), v.maxLength(500, 'must be at most 500 characters'))),
    null,
  ),
});

export function incidentRoutes(service: IncidentService): Router {
  const router = Router();

  router.get('/', (req, res) => {
    const q = validate(ListIncidentsQuery, { ...req.query }, 'query');
    const filter: IncidentFilter = {
      ...(q.status && { status: q.status }),
      ...(q.severity && { severity: q.severity }),
      ...(q.integration && { integration: q.integration }),
      ...(q.category && { category: q.category }),
      ...(q.active !== undefined && { active: q.active }),
    };
    const { items, total } = service.list(filter, q.limit, q.offset);
    res.json({ items, total, limit: q.limit, offset: q.offset });
  });

  router.get('/:id', (req, res) => {
    const detail = service.detail(req.params.id);
    if (!detail) throw new ApiError(404, `no incident ${req.params.id}`);
    res.json(detail);
  });

  router.post('/:id/dismiss', (req, res) => {
    const body = validate(DismissBody, req.body ?? {}, 'body');
    const incident = service.dismiss(req.params.id, {
      ignoreSimilar: body.ignore_similar,
      reason: body.reason,
      decidedBy: deciderOf(res, body.decided_by),
    });
    if (!incident) throw new ApiError(404, `no incident ${req.params.id}`);
    res.json({ incident });
  });

  router.post('/:id/reanalyze', async (req, res) => {
    const incident = await service.reanalyze(req.params.id);
    if (!incident) throw new ApiError(404, `no incident ${req.params.id}`);
    res.json({ incident });
  });

  router.get('/:id/upstream-report', async (req, res) => {
    const report = await service.upstreamReport(req.params.id);
    if (report === undefined) throw new ApiError(404, `no incident ${req.params.id}`);
    if (report === null)
      throw new ApiError(409, `incident ${req.params.id} names no integration to report to`);
    res.json(report);
  });

  return router;
}
