/** What the config family's signatures share: their common outcome and the variants and texts they read. */
import type { Signature, Variant } from '../types.js';

/**
 * A running Home Assistant's own words for an integration it did not find (its setup, its
 * configuration's platforms, the frontend asking for its manifest or translations), unlike
 * the configuration check's (`Platform error sensor.x - …`, `Component error: x - …`).
 */
export const NOT_FOUND_AT_START =
  /Setup failed for (?:custom integration )?'?\w+'?: Integration not found|Platform error: \w+ - Integration '\w+' not found|Unable to get manifest for integration \w+|Failed to load integration for translation: Integration/;

export const common: Omit<
  Signature,
  'id' | 'match' | 'title' | 'rootCause' | 'confidence' | 'manualSteps'
> = {
  category: 'invalid_config',
  remedy: 'fix_config_then_reload',
  severity: 'error',
  impact: 'What the invalid configuration describes is not set up.',
  actions: [],
  tests: [
    {
      kind: 'no_new_matching_errors',
      description: 'The configuration error does not come back after the fix.',
      timeout_s: 900,
    },
  ],
};

/**
 * What an MQTT device or bridge published (a discovery message, a state payload) and Home
 * Assistant rejected: the configuration is the publisher's, not the user's, and a release of
 * the bridge or firmware that sends it is the fix.
 */
export const published: Variant = {
  when: {
    text: /when processing MQTT discovery message|Schema violation after processing payload|processing (?:JSON )?payload [^\n]{0,400} on topic '/,
  },
  set: {
    remedy: 'notify_only',
    rootCause:
      'An MQTT device or bridge published something Home Assistant does not accept (“{detail}”): the configuration is the one it announces or the payload it sends, not one in Home Assistant, so what it describes is not set up or not updated.',
    manualSteps: [
      'Update the device firmware or the bridge that publishes on that topic (Zigbee2MQTT, Tasmota, a converter); the message names the topic and the value it sent.',
      'If the latest release still sends it, report it to its authors with this message; removing the retained discovery topic stops the error until it is sent again.',
    ],
  },
};

export const AUTOMATION_CONTEXT =
  /Error executing script|Error while executing (?:automation|script)|Error in 'action'/;
