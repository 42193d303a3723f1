/**
 * The OpenAPI paths of what the sidecar learns from this home (api/learning.ts,
 * api/knowledge.ts): false alarms, what is kept quiet, how incidents ended, and
 * the knowledge file's rules.
 */
import {
  KNOWLEDGE_RULE_ID,
  KnowledgeRule,
  KnowledgeStatus,
  LearnedQuiet,
  OutcomeStats,
  Suppression,
} from '@ha-llm-ops/contracts';

/** Contracts these paths add to the document's component schemas. */
export const LEARNING_COMPONENTS = {
  Suppression,
  OutcomeStats,
  LearnedQuiet,
  KnowledgeRule,
  KnowledgeStatus,
};

/** The pieces of the main document these paths are written with. */
export interface PathKit {
  ref(name: string): object;
  json(schema: object, description: string): object;
  errors: Record<string, object>;
  idParam: object;
  decisionBody(withReason: boolean): object;
}

/** The learning endpoints' paths. */
export function learningPaths(kit: PathKit): Record<string, object> {
  const { ref, json, errors } = kit;
  const suppressions = json(ref('SuppressionList'), 'What is kept quiet now, newest first.');
  const learned = json(
    ref('LearnedQuietList'),
    'What is learned quiet now, most recently recovered first.',
  );
  return {
    '/api/incidents/{id}/false-alarm': {
      post: {
        summary: 'Mark an incident a false alarm',
        description:
          'Closes the incident (dismissed, outcome `false_alarm`). The same failure (every fingerprint ' +
          'the incident holds: integration, config entry and message template) still opens an ' +
          'incident for 90 days, but at severity info (below the Repairs threshold). ' +
          'Closed incidents may be marked too.',
        parameters: [kit.idParam],
        requestBody: kit.decisionBody(true),
        responses: {
          '200': json(ref('IncidentAnswer'), 'The incident, closed as a false alarm.'),
          ...errors,
          '404': json(ref('Error'), 'No such incident.'),
        },
      },
    },
    '/api/suppressions': {
      get: {
        summary: 'Failures kept quiet: ignored, or false alarms',
        responses: { '200': suppressions, '401': errors['401'] },
      },
    },
    '/api/suppressions/{incident_id}': {
      delete: {
        summary: 'Undo ignoring, or a false alarm',
        description:
          'The same failure is reported as usual again. A withdrawn false alarm no longer counts ' +
          'as one (the incident stays closed, outcome `ignored`).',
        parameters: [
          {
            name: 'incident_id',
            in: 'path',
            required: true,
            schema: { type: 'string' },
            description: 'The incident it was decided on',
          },
        ],
        responses: {
          '200': suppressions,
          '401': errors['401'],
          '404': json(ref('Error'), 'Nothing is kept quiet for that incident.'),
        },
      },
    },
    '/api/learned-quiet': {
      get: {
        summary: 'Outages learned to be a schedule (learned quiet)',
        description:
          'Subjects (a device’s entities, an entity, a config entry) that went unavailable and ' +
          'recovered by themselves, each within 12 hours, on at least 3 different days of the ' +
          'last 30, starting within an hour of the same time of day on Home Assistant’s clock. ' +
          'A new outage starting inside one of the `windows` opens no incident (it is recorded, ' +
          'and opens one after all if it lasts over 12 hours); outside them it alarms as usual.',
        responses: { '200': learned, '401': errors['401'] },
      },
      delete: {
        summary: 'Forget everything learned quiet',
        description: 'Every outage alarms as usual again, until schedules are learned anew.',
        responses: { '200': learned, '401': errors['401'] },
      },
    },
    '/api/learned-quiet/{id}': {
      delete: {
        summary: 'Forget what was learned of one subject',
        description:
          'Its self-recoveries are forgotten: its next outage alarms as usual, and its schedule ' +
          'is learned anew.',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: { type: 'string' },
            description: 'The learned item’s id (`<source>:<key>`)',
          },
        ],
        responses: {
          '200': learned,
          '401': errors['401'],
          '404': json(ref('Error'), 'Nothing was learned of that subject.'),
        },
      },
    },
    '/api/knowledge': {
      get: {
        summary: 'The knowledge file: the rules in force, and what is wrong with the file',
        description:
          'The offline analyzer tries these rules before its built-in signatures. The file is ' +
          're-read when it changes; while it is invalid, `error` names the file and line and the ' +
          'last good rules stay in force.',
        responses: {
          '200': json(ref('KnowledgeReport'), 'The rules in force.'),
          '401': errors['401'],
        },
      },
    },
    '/api/incidents/{id}/rule': {
      post: {
        summary: 'Save a resolved incident as a rule of the knowledge file',
        description:
          'Builds a rule from the incident: a pattern from its message (numbers, hex ids, ' +
          'addresses and quoted values generalized, the rest escaped), its integration, its ' +
          "analysis' category, remedy, summary and root cause, and the action that fixed it when " +
          'one did and was verified; appends it to the file, keeping its comments.',
        parameters: [kit.idParam],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  id: {
                    type: 'string',
                    pattern: KNOWLEDGE_RULE_ID.source,
                    description: 'The rule id; default `from-<incident id>`',
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': json(ref('RuleAnswer'), 'The rule, as now in force.'),
          ...errors,
          '404': json(ref('Error'), 'No such incident.'),
          '409': json(
            ref('Error'),
            'The incident is not resolved or has no analysis, the id is taken, or the file is invalid.',
          ),
        },
      },
    },
    '/api/outcomes': {
      get: {
        summary: 'How incidents ended, and the false-alarm rate overall and per signature',
        responses: {
          '200': json(ref('OutcomeStats'), 'Figures over the closed incidents kept.'),
          '401': errors['401'],
        },
      },
    },
  };
}
