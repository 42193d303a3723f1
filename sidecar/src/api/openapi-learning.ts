/**
 * The OpenAPI paths of what the sidecar learns from this home (api/learning.ts):
 * false alarms, what is kept quiet, and how incidents ended.
 */
import { OutcomeStats, Suppression } from '@ha-llm-ops/contracts';

/** Contracts these paths add to the document's component schemas. */
export const LEARNING_COMPONENTS = { Suppression, OutcomeStats };

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
  const suppressions = json(
    {
      type: 'object',
      required: ['items'],
      properties: { items: { type: 'array', items: ref('Suppression') } },
    },
    'What is kept quiet now, newest first.',
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
          '200': json(
            { type: 'object', required: ['incident'], properties: { incident: ref('Incident') } },
            'The incident, closed as a false alarm.',
          ),
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
