/**
 * An update coordinator's own account of an update: at debug level it says only whether the
 * fetch worked. A failed one is the peer's (or the integration's) failure, told without a reason.
 */
import type { SignatureFamily } from '../types.js';

/** Updates that fail where the log only says so in a debug line. */
export const coordinator: SignatureFamily = {
  family: 'coordinator',
  signatures: [
    {
      id: 'update_failed',
      match: {
        // At DEBUG it counts only in a debug capture (read at WARNING): in a full log the
        // coordinator says why at ERROR, and a signature that knows the reason explains it.
        text: /Finished fetching (?<domain>[\w.]+) data in (?<seconds>[\d.]+) seconds \(success: False\)/,
      },
      category: 'device_unavailable',
      remedy: 'check_network_or_device',
      severity: 'warning',
      // The line says that the update failed, not why.
      confidence: 0.45,
      actions: [],
      variants: [
        {
          // A cloud integration's updates come from its service on the internet.
          when: { cloud: true },
          set: {
            category: 'network_unreachable',
            remedy: 'notify_only',
            rootCause:
              'Fetching the data of {integration} from its service failed (“{detail}”): the service answered with an error or not at all. The debug line says that it failed, not why; such failures usually pass once the service recovers.',
            manualSteps: [
              'Read the lines just before this one (the library’s): they say what the service answered.',
              'Check the service’s status page or the integration’s issue tracker; {integration} recovers on its own once the service answers.',
            ],
          },
        },
      ],
      title: '{integration} fails to fetch its data',
      rootCause:
        'Fetching the data of {integration} failed after {seconds} s (“{detail}”): the device did not answer, or answered with something it could not read. The debug line says that it failed, not why; a device in a bad state often needs a restart.',
      impact: 'The entities of {integration} are stale or unavailable while its updates fail.',
      tests: [
        {
          kind: 'entities_available',
          description: 'The entities of {integration} are available again.',
          timeout_s: 900,
        },
      ],
      manualSteps: [
        'Read the lines just before this one (the library’s): they say what went wrong.',
        'Check that the device answers (its app or web page); if it does not, power it off and on.',
      ],
    },
  ],
};
