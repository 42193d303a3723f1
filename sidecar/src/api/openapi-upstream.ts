/** The OpenAPI path of an incident's bug report for its integration's tracker (report/upstream.ts). */
import { DebugCapture, UpstreamReport } from '@ha-llm-ops/contracts';
import type { PathKit } from './openapi-learning.js';

/** Contracts this path adds to the document's component schemas. */
export const UPSTREAM_COMPONENTS = { DebugCapture, UpstreamReport };

/** The upstream report's path. */
export function upstreamPaths(kit: Pick<PathKit, 'ref' | 'json' | 'errors' | 'idParam'>) {
  const { ref, json, errors } = kit;
  return {
    '/api/incidents/{id}/upstream-report': {
      get: {
        summary: 'A bug report of the incident for its integration’s issue tracker',
        description:
          'Built from the redacted evidence (signals and captured debug lines), the analysis, and the ' +
          'Home Assistant and integration versions; redacted once more. The tracker is the ' +
          'integration manifest’s `issue_tracker` (Home Assistant core’s for built-in integrations). ' +
          'For a GitHub tracker, `new_issue_url` opens a new issue with title and body filled in ' +
          '(the body shortened to fit a link when needed: `truncated`) and `search_url` searches ' +
          'its issues for duplicates first. Nothing is sent anywhere.',
        parameters: [kit.idParam],
        responses: {
          '200': json(ref('UpstreamReport'), 'The report.'),
          '401': errors['401'],
          '404': json(ref('Error'), 'No such incident.'),
          '409': json(ref('Error'), 'The incident names no integration.'),
        },
      },
    },
  };
}
