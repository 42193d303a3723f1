/**
 * The OpenAPI 3.0 document of the sidecar's HTTP API. Component schemas come
 * from the shared contracts, so the document cannot drift from the code; a copy
 * is kept in docs/openapi.json (a test checks it is current).
 */
import {
  ActionExecution,
  ANSWERS,
  ActionProposal,
  CATEGORIES,
  EvidenceBundle,
  ExecutionResult,
  ProposeActionRequest,
  Health,
  Incident,
  INCIDENT_STATUSES,
  NotProposed,
  RcaResult,
  SEVERITIES,
  Signal,
  UpdateAttribution,
} from '@ha-llm-ops/contracts';
import { toJsonSchema, toJsonSchemaDefs } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { LEARNING_COMPONENTS, learningPaths } from './openapi-learning.js';
import { actionPaths } from './openapi-actions.js';
import { UPSTREAM_COMPONENTS, upstreamPaths } from './openapi-upstream.js';
import { MAINTENANCE_COMPONENTS, maintenancePaths } from './openapi-maintenance.js';

const COMPONENTS: Record<string, GenericSchema> = {
  Health,
  Incident,
  Signal,
  EvidenceBundle,
  RcaResult,
  ActionProposal,
  NotProposed,
  ProposeActionRequest,
  ActionExecution,
  ExecutionResult,
  UpdateAttribution,
  ...LEARNING_COMPONENTS,
  ...UPSTREAM_COMPONENTS,
  ...MAINTENANCE_COMPONENTS,
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = {
  '400': json(ref('Error'), 'Invalid query or body; `field` names the offending field.'),
  '401': json(ref('Error'), 'Missing or invalid API token.'),
};
const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Incident id',
};
const listParam = (name: string, values: readonly string[], description: string) => ({
  name,
  in: 'query',
  required: false,
  description: `${description}; comma-separated: ${values.join(', ')}`,
  schema: { type: 'string' },
});

/** The OpenAPI document for this sidecar version. */
export function openApiDocument(version: string): Record<string, unknown> {
  const target = { target: 'openapi-3.0', errorMode: 'ignore' } as const;
  const schemas: Record<string, unknown> = Object.fromEntries(
    Object.entries(COMPONENTS).map(([name, schema]) => [name, toJsonSchema(schema, target)]),
  );
  const referring: Record<string, unknown> = toJsonSchemaDefs(
    { ...COMPONENTS, ...ANSWERS },
    { ...target, overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}` },
  );
  for (const name of Object.keys(ANSWERS)) schemas[name] = referring[name];
  const decisionBody = (withReason: boolean) => ({
    required: false,
    content: {
      'application/json': {
        schema: {
          type: 'object',
          additionalProperties: false,
          properties: {
            decided_by: { type: 'string', maxLength: 100, nullable: true },
            ...(withReason ? { reason: { type: 'string', maxLength: 500, nullable: true } } : {}),
          },
        },
      },
    },
  });
  return {
    openapi: '3.0.3',
    info: {
      title: 'HA LLM Ops sidecar API',
      version,
      description:
        'Incidents found in a Home Assistant, their analysis and guarded fixes. Every endpoint except ' +
        '`/api/health` and `/api/openapi.json` needs the API token as `Authorization: Bearer <token>`.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas,
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/health': {
        get: {
          summary: 'Liveness and the link to Home Assistant',
          description:
            'Open without a token (for the Supervisor watchdog); a wrong token is rejected.',
          security: [],
          responses: {
            '200': json(ref('Health'), 'The sidecar is running.'),
            '401': errors['401'],
          },
        },
      },
      '/api/openapi.json': {
        get: {
          summary: 'This document',
          security: [],
          responses: { '200': { description: 'OpenAPI 3.0' } },
        },
      },
      '/api/incidents': {
        get: {
          summary: 'List incidents, most recently seen first',
          parameters: [
            listParam('status', INCIDENT_STATUSES, 'Only these statuses'),
            listParam('severity', SEVERITIES, 'Only these severities'),
            {
              name: 'integration',
              in: 'query',
              schema: { type: 'string' },
              description: 'Integration domain',
            },
            { name: 'category', in: 'query', schema: { type: 'string', enum: [...CATEGORIES] } },
            {
              name: 'active',
              in: 'query',
              schema: { type: 'string', enum: ['true', 'false'] },
              description: 'true: only incidents not resolved or dismissed',
            },
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
          ],
          responses: {
            '200': json(ref('IncidentPage'), 'A page of incidents.'),
            ...errors,
          },
        },
      },
      '/api/incidents/{id}': {
        get: {
          summary: 'One incident with its signals, evidence bundle and analysis',
          parameters: [idParam],
          responses: {
            '200': json(ref('IncidentDetail'), 'The incident.'),
            '401': errors['401'],
            '404': json(ref('Error'), 'No such incident.'),
          },
        },
      },
      '/api/incidents/{id}/reanalyze': {
        post: {
          summary: 'Analyze an incident again and plan its actions',
          parameters: [idParam],
          responses: {
            '200': json(ref('IncidentAnswer'), 'The incident after analysis.'),
            '401': errors['401'],
            '404': json(ref('Error'), 'No such incident.'),
          },
        },
      },
      '/api/summary': {
        get: {
          summary: 'Everything the integration shows, in one answer',
          description:
            'The sidecar, its status, the active incidents, the last incident, the proposals waiting and ' +
            'how incidents ended: what the Home Assistant integration fetches on every refresh, kept ready.',
          responses: { '200': json(ref('Summary'), 'The summary.'), '401': errors['401'] },
        },
      },
      '/api/status': {
        get: {
          summary: 'Mode, policy summary and counts',
          responses: { '200': json(ref('Status'), 'The status.'), '401': errors['401'] },
        },
      },
      '/api/mode': {
        put: {
          summary: 'Switch between observe, approve and auto',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['mode'],
                  additionalProperties: false,
                  properties: { mode: { type: 'string', enum: ['observe', 'approve', 'auto'] } },
                },
              },
            },
          },
          responses: {
            '200': json(ref('ModeAnswer'), 'The mode now in force.'),
            ...errors,
            '409': json(
              ref('Error'),
              'The policy file is invalid: the sidecar stays in observe mode.',
            ),
          },
        },
      },
      ...actionPaths({ ref, json, errors, idParam, decisionBody }),
      '/api/incidents/{id}/dismiss': {
        post: {
          summary: 'Dismiss an incident',
          description:
            'With `ignore_similar`, failures with the same fingerprints never open an incident again ' +
            '(across restarts and re-creation).',
          parameters: [idParam],
          requestBody: {
            required: false,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    ignore_similar: { type: 'boolean', default: false },
                    decided_by: { type: 'string', maxLength: 100, nullable: true },
                    reason: { type: 'string', maxLength: 500, nullable: true },
                  },
                },
              },
            },
          },
          responses: {
            '200': json(ref('IncidentAnswer'), 'The dismissed incident.'),
            ...errors,
            '404': json(ref('Error'), 'No such incident.'),
          },
        },
      },
      ...learningPaths({ ref, json, errors, idParam, decisionBody }),
      ...upstreamPaths({ ref, json, errors, idParam }),
      ...maintenancePaths({ ref, json, errors }),
    },
  };
}
