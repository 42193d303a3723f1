/** The OpenAPI paths of maintenance mode (api/maintenance.ts): start, extend, end, read. */
import { MaintenanceState, MaintenanceSummary } from '@ha-llm-ops/contracts';
import type { PathKit } from './openapi-learning.js';

/** Contracts these paths add to the document's component schemas. */
export const MAINTENANCE_COMPONENTS = { MaintenanceState, MaintenanceSummary };

const minutes = {
  type: 'integer',
  minimum: 1,
  maximum: 1440,
  description: 'How long, in minutes (at most 24 h)',
};

/** The maintenance endpoints' paths. */
export function maintenancePaths(kit: Pick<PathKit, 'ref' | 'json' | 'errors'>): object {
  const { ref, json, errors } = kit;
  const state = json(ref('MaintenanceState'), 'Maintenance now.');
  const body = (properties: object) => ({
    required: true,
    content: {
      'application/json': {
        schema: { type: 'object', additionalProperties: false, required: ['minutes'], properties },
      },
    },
  });
  const notOn = json(ref('Error'), 'Refused: maintenance is not on, or would reach beyond 24 h.');
  return {
    '/api/maintenance': {
      get: {
        summary: 'Maintenance mode: whether it is on, until when, and the last summary',
        responses: { '200': state, '401': errors['401'] },
      },
      put: {
        summary: 'Start maintenance (no incident opens) for a number of minutes',
        description:
          'While it is on, failures that would open an incident are recorded quietly; incidents ' +
          'already open keep updating. Started again while on, it ends `minutes` from now.',
        requestBody: body({
          minutes,
          started_by: { type: 'string', maxLength: 100, nullable: true },
          surface: { type: 'string', enum: ['panel', 'entity', 'action', 'api'], default: 'api' },
        }),
        responses: { '200': state, ...errors },
      },
      delete: {
        summary: 'End maintenance now',
        description:
          'Returns the one summary (also fired as the `llm_ops_maintenance` event): what failed ' +
          'during it and what still fails; what still fails opens incidents now.',
        responses: {
          '200': json(ref('MaintenanceSummary'), 'The summary of the window.'),
          '401': errors['401'],
          '409': notOn,
        },
      },
    },
    '/api/maintenance/extend': {
      post: {
        summary: 'End maintenance later',
        requestBody: body({ minutes }),
        responses: { '200': state, ...errors, '409': notOn },
      },
    },
  };
}
