/** The OpenAPI schema of `GET /api/status`: mode, policy, maintenance, knowledge, the LLM budget. */
import { LLM_STATUS_SCHEMA } from './openapi-llm.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const STATUS_SCHEMA = {
  type: 'object',
  required: [
    'mode',
    'policy',
    'system_log_events',
    'last_analysis_at',
    'counts',
    'time_zone',
    'knowledge',
    'action_labels',
    'llm',
    'maintenance',
  ],
  properties: {
    mode: { type: 'string', enum: ['observe', 'approve', 'auto'] },
    policy: {
      type: 'object',
      required: ['valid', 'error', 'source', 'max_actions_per_hour', 'quiet_hours', 'auto_actions'],
      properties: {
        valid: { type: 'boolean' },
        error: { type: 'string', nullable: true },
        source: { type: 'string' },
        max_actions_per_hour: { type: 'integer' },
        quiet_hours: {
          type: 'object',
          nullable: true,
          required: ['start', 'end'],
          properties: { start: { type: 'string' }, end: { type: 'string' } },
        },
        auto_actions: { type: 'array', items: { type: 'string' } },
      },
    },
    system_log_events: { type: 'boolean' },
    maintenance: ref('MaintenanceState'),
    knowledge: ref('KnowledgeStatus'),
    time_zone: {
      type: 'string',
      nullable: true,
      description: "Home Assistant's time zone (IANA), in which quiet hours are read",
    },
    last_analysis_at: { type: 'string', format: 'date-time', nullable: true },
    action_labels: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'What each allow-listed action is called, for people',
    },
    counts: {
      type: 'object',
      required: ['open', 'awaiting_approval'],
      properties: { open: { type: 'integer' }, awaiting_approval: { type: 'integer' } },
    },
    llm: LLM_STATUS_SCHEMA,
  },
};

/** The OpenAPI schema of `GET /api/summary`: everything the integration shows, in one answer. */
export const SUMMARY_SCHEMA = {
  type: 'object',
  required: [
    'service',
    'version',
    'ha',
    'status',
    'active',
    'last_incident',
    'proposals',
    'outcomes',
  ],
  properties: {
    service: { type: 'string', enum: ['ha-llm-ops'] },
    version: { type: 'string' },
    ha: {
      type: 'object',
      required: ['connected', 'version'],
      properties: {
        connected: { type: 'boolean' },
        version: { type: 'string', nullable: true },
      },
    },
    status: ref('Status'),
    active: {
      type: 'object',
      required: ['items', 'total'],
      description:
        'Incidents not resolved or dismissed, most recently seen first (at most 500), and how many there are',
      properties: {
        items: { type: 'array', items: ref('Incident') },
        total: { type: 'integer' },
      },
    },
    last_incident: {
      ...ref('Incident'),
      nullable: true,
      description: 'The most recently seen incident of any status',
    },
    proposals: {
      type: 'array',
      items: ref('ActionProposal'),
      description: 'Proposals waiting for a decision, oldest first',
    },
    outcomes: ref('OutcomeStats'),
  },
};
