/**
 * Music Assistant's server (the add-on, or its own container): providers (Spotify, Sonos, a
 * music folder, …) it cannot load. Its log has Home Assistant's line format, and the words are
 * its own (music_assistant/server.py and its providers).
 */
import type { Outcome, SignatureFamily } from '../types.js';

const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence'> = {
  category: 'setup_retry',
  remedy: 'check_network_or_device',
  severity: 'warning',
  impact:
    'The music, radio or players of that provider are missing from Music Assistant until it loads; the other providers work.',
  actions: [],
  tests: [
    {
      kind: 'no_new_matching_errors',
      description: 'The provider loads at the next attempt.',
      timeout_s: 3600,
    },
  ],
  manualSteps: [
    'Open Music Assistant → Settings → Providers: the provider shows the same error; check the device, share or service it needs is reachable.',
    'Music Assistant retries by itself; reload the provider there once the cause is fixed.',
  ],
};

/** Providers Music Assistant cannot load. */
export const music: SignatureFamily = {
  family: 'music',
  signatures: [
    {
      // The wrapper around every provider's failure; the reason after it decides. A reason
      // another signature knows (a login Spotify rejects) outranks this one.
      id: 'provider_not_loaded',
      match: {
        text: /\bError loading provider\(instance\) (?<provider>[a-z][\w]*?)(?:--\w+)?: (?<reason>[^\n]+?)(?: \(will be retried later\))?$/m,
        minLevel: 'WARNING',
      },
      ...common,
      confidence: 0.6,
      variants: [
        {
          // A setting of the provider: a folder that is not there, a share it cannot mount.
          when: {
            text: /\bConfiguration is invalid\b|\bdoes not exist\b|\bmount failed\b|\bmount error\(\d+\)/i,
          },
          set: {
            category: 'invalid_config',
            remedy: 'fix_config_then_reload',
            manualSteps: [
              'Open Music Assistant → Settings → Providers → {provider} and correct what the message names (the folder path, the share, its user name and password).',
              'Save: Music Assistant loads the provider again.',
            ],
          },
        },
        {
          // Its server ports: another program (a second Music Assistant, Logitech Media
          // Server) holds them on the host network.
          when: { text: /\bports? already (?:taken|in use)\b|\baddress (?:already )?in use\b/i },
          set: {
            remedy: 'fix_config_then_reload',
            manualSteps: [
              'Stop what else listens on the provider’s ports on this host (another Music Assistant, Logitech Media Server, a Squeezebox server add-on), or change the ports in the provider’s settings.',
              'Then reload the provider in Music Assistant → Settings → Providers.',
            ],
          },
        },
      ],
      title: 'Music Assistant cannot load its {provider} provider',
      rootCause:
        'Music Assistant failed to load the {provider} provider (“{reason}”) and retries later: the service, device or share it needs did not answer in time or refused it.',
    },
  ],
};
