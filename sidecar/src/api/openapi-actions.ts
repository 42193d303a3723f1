/** The OpenAPI paths of the proposals and their decisions (`/api/actions/…`). */
import type { PathKit } from './openapi-learning.js';

/** The action endpoints' paths. */
export function actionPaths(kit: PathKit): Record<string, object> {
  const { ref, json, errors, decisionBody } = kit;
  const proposalParam = {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string' },
    description: 'Proposal id',
  };
  const proposalResponse = json(ref('ProposalAnswer'), 'The proposal after the decision.');
  const conflict = json(
    ref('Error'),
    'Refused: not pending (approved twice, rejected, expired), the policy, a cooldown or the hourly budget; `error` says which.',
  );

  return {
    '/api/actions/pending': {
      get: {
        summary: 'Proposals waiting for a decision',
        responses: {
          '200': json({ type: 'array', items: ref('ActionProposal') }, 'Pending proposals.'),
          '401': errors['401'],
        },
      },
    },
    '/api/actions/propose': {
      post: {
        summary: 'Propose an allow-listed action for an incident',
        description:
          'Parameters are resolved against live state and must belong to the incident; the policy is checked.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('ProposeActionRequest') } },
        },
        responses: {
          '201': json(ref('ProposalAnswer'), 'The new (or the existing identical) proposal.'),
          ...errors,
          '404': json(ref('Error'), 'No such incident.'),
          '409': json(
            ref('Error'),
            'The policy or the mode refuses it, or the incident is closed.',
          ),
          '503': json(ref('Error'), 'Home Assistant is not connected.'),
        },
      },
    },
    '/api/actions/{id}': {
      get: {
        summary: 'A proposal with its execution steps and result',
        parameters: [proposalParam],
        responses: {
          '200': json(ref('ProposalDetail'), 'The proposal.'),
          '401': errors['401'],
          '404': json(ref('Error'), 'No such proposal.'),
        },
      },
    },
    '/api/actions/{id}/approve': {
      post: {
        summary:
          'Approve a pending proposal; it runs in the background (backup, apply, verify, rollback)',
        parameters: [proposalParam],
        requestBody: decisionBody(false),
        responses: {
          '200': proposalResponse,
          ...errors,
          '404': json(ref('Error'), 'No such proposal.'),
          '409': conflict,
          '503': json(ref('Error'), 'Home Assistant is not connected.'),
        },
      },
    },
    '/api/actions/{id}/reject': {
      post: {
        summary: 'Reject a pending proposal',
        parameters: [proposalParam],
        requestBody: decisionBody(true),
        responses: {
          '200': proposalResponse,
          ...errors,
          '404': json(ref('Error'), 'No such proposal.'),
          '409': conflict,
        },
      },
    },
  };
}
