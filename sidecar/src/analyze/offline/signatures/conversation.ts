/**
 * A conversation agent (an LLM integration) that could not get an answer: Assist says so
 * to the user ("Sorry, I had a problem talking to …") with the service's own error after it.
 */
import type { SignatureFamily } from '../types.js';
import { customRelease } from '../variants.js';

/** Errors of conversation agents talking to their model service. */
export const conversation: SignatureFamily = {
  family: 'conversation',
  signatures: [
    {
      id: 'agent_error',
      match: { text: /\bSorry, I had a problem talking to (?<service>[^:\n]{2,60}):/ },
      category: 'other',
      remedy: 'notify_only',
      severity: 'warning',
      // The sentence says where it failed, not why; the service's error after it varies.
      confidence: 0.5,
      variants: [
        {
          // The chosen model cannot do what the agent asks of it: another model, or the
          // agent's options (controlling Home Assistant, the entities exposed), fix it.
          when: {
            text: /does not support tools|\bcontext (?:length|window)\b|maximum context|too many tokens|reduce the length/i,
          },
          set: {
            remedy: 'fix_config_then_reload',
            confidence: 0.6,
            manualSteps: [
              'Open the conversation agent’s options: choose a model that supports what it is asked (tools, when it may control Home Assistant), or turn that off.',
              'Expose fewer entities to Assist (Settings → Voice assistants → Expose): each one is sent to the model with every request.',
            ],
          },
        },
        customRelease,
      ],
      title: '{integration} could not get an answer from {service}',
      rootCause:
        'Assist’s conversation agent[[ {integration}]] asked {service} and got an error back (“{detail}”): the service turned the request away, so the user heard an apology instead of an answer.',
      impact: 'Voice and chat requests handled by this agent fail until the service accepts them.',
      actions: [],
      tests: [
        {
          kind: 'manual',
          description: 'A question to Assist with this agent gets an answer.',
        },
      ],
      manualSteps: [
        'Read the service’s error after “problem talking to”: a model name that no longer exists, an API key or quota, or a request the model cannot handle.',
        'Update Home Assistant (or the integration): retired models and changed APIs are followed by its releases.',
      ],
    },
  ],
};
