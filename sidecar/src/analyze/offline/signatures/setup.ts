/** Config entries Home Assistant keeps retrying, and setups that fail for reasons no family knows. */
import {
  CALL_MISMATCH,
  CODE_FAULT,
  ENTRY_FAILED,
  NOT_READY,
  SERVER_ERROR,
  UNREACHABLE,
} from '../patterns.js';
import type { Outcome, SignatureFamily } from '../types.js';
import { customRelease } from '../variants.js';

const RETRY_LINE =
  /Config entry '(?<entry_title>[^']*)' for (?<domain>\w+) integration not ready yet(?:: (?<reason>.*?))?[;.]? ?Retrying/;

/** HA's words for an entry whose setup raised an unexpected error (state setup_error). */
const SETUP_ERROR = /Error setting up entry (?:.+ )?for \w+/;
/** A traceback frame inside an integration's setup function. */
const SETUP_FRAME = /^\s*File "[^"]+", line \d+, in async_setup(?:_entry)?$/m;
/** Exceptions that are programming errors: the code itself is wrong, not what it talks to. */
const CODE_ERROR =
  /\b(?:KeyError|AttributeError|TypeError|IndexError|NameError|UnboundLocalError|ZeroDivisionError)\b/;
/**
 * A key missing from the entry's stored data or options: the entry was created by an older
 * release that did not store it, and this release reads it without a default.
 */
const ENTRY_KEY_MISSING =
  /\b(?:config_entry|entry|_entry)\.(?:data|options)\[[^\]\n]+\][^\n]*\n(?:[^\n]*\n){0,12}?KeyError: /;

const retry: Omit<Outcome, 'title' | 'rootCause' | 'confidence'> = {
  category: 'setup_retry',
  remedy: 'check_network_or_device',
  severity: 'warning',
  impact:
    '{integration}’s entities stay unavailable until the device or service answers; other integrations are not affected.',
  actions: [
    {
      action_id: 'reload_config_entry',
      params: { entry_id: '$entry_id' },
      rationale:
        'Only once {host} answers again (powered on, back on the network, or its address corrected): reload to set it up now instead of waiting for the next retry.',
      risk: 'low',
    },
  ],
  tests: [
    {
      kind: 'config_entry_loaded',
      description: 'The {integration} entry is loaded.',
      timeout_s: 900,
    },
    {
      kind: 'entities_available',
      description: 'Its entities are available again.',
      timeout_s: 900,
    },
  ],
  manualSteps: [
    'Check that {host} is powered on and connected (open its address from another device).',
    'If its IP address changed, give it a fixed DHCP lease and correct the address (Settings → Devices & services → {integration} → Reconfigure).',
    'If the device is only switched on now and then, disable the entry while it is off to stop the retries.',
  ],
};

/**
 * The service answers, and rejects the request as malformed or sends what the integration cannot
 * read (a 400 or 404, a field it calls invalid): its API changed, or the integration has a bug.
 * Not the network: retrying sends the same request.
 */
const SERVICE_REJECTS =
  /\b(?:400|404|405|410|422)\b[^\n]{0,40}\b(?:Bad Request|Not Found|Method Not Allowed|Gone|Unprocessable)|\b(?:Bad Request|Not Found) for url\b|\bInvalid (?!(?:auth|credential|password|token|host|address|response from)\w*)[a-z]+[A-Z]\w*|Attempt to decode JSON with unexpected mimetype|\bJSONDecodeError\b/;
const serviceRejects = {
  when: { text: SERVICE_REJECTS },
  set: {
    remedy: 'notify_only' as const,
    actions: [],
    rootCause:
      '{integration} keeps retrying setup because the service answers its request with an error that is no connection problem[[ (“{reason}”)]]: the service changed its API, or {integration} sends or reads something the service no longer accepts. Retrying sends the same request; a release of {integration} that follows the service is needed.',
    manualSteps: [
      'Update {integration} and look at its issue tracker for this error: a change on the service’s side usually affects every user at once.',
      'If no release fixes it yet, wait for one; the entry sets up on its own once it does.',
    ],
  },
};

/** The integration's own words name a remote service as what it could not reach. */
const SERVICE_NAMED =
  /\bcommunicating with (?:the )?(?:\w+ )?(?:API|cloud|server)\b|\bcloud (?:API|server|service)\b/i;

/** A setup that waits for a service on the internet: the vendor's side, and it retries itself. */
const cloudRetry = {
  remedy: 'notify_only' as const,
  actions: [],
  rootCause:
    'Setting up {integration}[[ (“{entry}”)]] failed because its service on the internet did not answer as it should[[: “{reason}”]]. Home Assistant retries with a growing delay and sets the entry up once the service answers; an outage or maintenance on the vendor’s side is the usual cause.',
  manualSteps: [
    'Check the service’s status page or the integration’s issue tracker; such outages hit every user at once.',
    'If other cloud services fail too, check the internet connection of the Home Assistant host; otherwise nothing needs changing here.',
  ],
};

/** Setup retries, and setup failures no other family explains. */
export const setup: SignatureFamily = {
  family: 'setup',
  signatures: [
    {
      id: 'retry_unreachable',
      match: [
        { text: [RETRY_LINE, NOT_READY], minLevel: 'INFO', with: [UNREACHABLE] },
        { entryState: ['setup_retry'], with: [UNREACHABLE] },
      ],
      ...retry,
      confidence: 0.78,
      variants: [
        {
          // Its peer is a service on the internet (a cloud integration, or its own words say
          // “API”, “cloud”, “server”): the vendor's side, mostly, and the retries go on by
          // themselves until it answers.
          when: { cloud: true },
          set: cloudRetry,
        },
        { when: { text: SERVICE_NAMED }, set: cloudRetry },
      ],
      title: '{integration} cannot reach {host} and keeps retrying setup',
      rootCause:
        'Setting up {integration}[[ (“{entry}”)]] failed because {host} did not answer[[: “{reason}”]]. Home Assistant marks the entry “retrying setup” and tries again with a growing delay — expected while a device is off, asleep, unplugged or has a new address.',
    },
    {
      id: 'retry',
      match: [
        { text: [RETRY_LINE, NOT_READY], minLevel: 'INFO' },
        { entryState: ['setup_retry'] },
        // A server that speaks another version: integrations retry that setup, in whatever words.
        { text: /\bInvalid server version\b|\bserver version is incompatible\b/i },
      ],
      ...retry,
      confidence: 0.65,
      variants: [
        {
          // Integration and server (an add-on, a firmware) speak different versions.
          when: {
            // A device or firmware that is not supported stays so however often setup retries.
            text: /version (?:is )?incompatible|incompatible (?:server |firmware )?version|requires? (?:at least|a newer)|supports at least|api schema \d+|\b(?:system|device|firmware|model|api) (?:version )?(?:is )?not supported\b|\bunsupported (?:firmware|device|model|api)\b/i,
          },
          set: {
            remedy: 'notify_only',
            actions: [],
            rootCause:
              '{integration} keeps retrying because the server or firmware it talks to speaks another version than it needs[[ (“{reason}”)]]. Retrying or reloading does not change that: the older side (an add-on, a firmware, a server) must be updated, or its release awaited.',
            manualSteps: [
              'Update the side that is older: the add-on or server {integration} connects to, or the device’s firmware.',
              'If no such release exists yet, wait for it; {integration} sets up on its own once versions match.',
            ],
          },
        },
        {
          // Home Assistant tells the integration's authors they raised the retry too late.
          when: {
            text: /ConfigEntryNotReady in forwarded platform|Instead raise ConfigEntryNotReady/,
          },
          set: {
            remedy: 'notify_only',
            actions: [],
            rootCause:
              '{integration} asks for a retry from one of its platforms, where Home Assistant does not allow it (“{detail}”). This is a bug in {integration}.',
            manualSteps: ['Update {integration}; if no release fixes it, report it with this log.'],
          },
        },
        {
          when: {
            custom: true,
            text: /ConfigEntryNotReady in forwarded platform|Instead raise ConfigEntryNotReady/,
          },
          set: { remedy: 'update_or_remove_custom_component' },
        },
        {
          // The reason is a bug in the integration's code (an index past a list's end, a
          // variable never set): every retry runs the same code against the same answer.
          when: { text: CODE_FAULT },
          set: {
            remedy: 'notify_only',
            actions: [],
            rootCause:
              '{integration} keeps retrying setup because its own code fails[[ (“{reason}”)]]: a programming error, often met when the device, its firmware or the service starts answering differently. Retrying runs the same code; a release of {integration} that handles it is needed.',
            manualSteps: [
              'Update {integration}; look at its issue tracker for this error (a firmware or service change usually hits many users at once).',
              'If no release fixes it yet, report it there with this log (turn on its debug logging first).',
            ],
          },
        },
        {
          when: { custom: true, text: CODE_FAULT },
          set: { remedy: 'update_or_remove_custom_component' },
        },
        serviceRejects,
        {
          // A service on the internet answers with a server error: it is up but failing (an
          // outage, a bad deploy on its side). Nothing on this network needs checking.
          when: {
            publicHost: true,
            text: SERVER_ERROR,
          },
          set: {
            remedy: 'notify_only',
            actions: [],
            rootCause:
              '{integration} keeps retrying setup because the service it talks to ({host}) answers with a server error[[ (“{reason}”)]]: the service is reachable but failing on its side (an outage, maintenance or a bad update there). The entry sets up on its own once the service recovers.',
            manualSteps: [
              'Check the service’s status page or the integration’s issue tracker: such failures hit every user at once and are fixed by the vendor.',
              'Nothing needs changing here; Home Assistant keeps retrying and sets the entry up once the service answers normally.',
            ],
          },
        },
        {
          when: { custom: true, text: SERVICE_REJECTS },
          set: { remedy: 'update_or_remove_custom_component' },
        },
        {
          // The reason is a call that does not fit what it calls: the integration's code and a
          // library or Home Assistant changed apart. Every retry runs the same code.
          when: { text: CALL_MISMATCH },
          set: {
            remedy: 'notify_only',
            actions: [],
            confidence: 0.7,
            rootCause:
              '{integration} keeps retrying setup because its code calls a function in a way that function no longer accepts (“{detail}”): it was written for another version of a library or of Home Assistant than the one installed. Retrying runs the same code; a release that fits is needed.',
            manualSteps: [
              'Update {integration}; its issue tracker usually has this error within days of the library or Home Assistant release that caused it.',
              'If no fixed release exists, go back to the previous release of whichever side was updated last.',
            ],
          },
        },
        {
          // Not Home Assistant's own integration: the custom integration's release is behind.
          // (Still a retrying setup: that is what Home Assistant shows, and what users report.)
          when: { core: false, text: CALL_MISMATCH },
          set: {
            remedy: 'update_or_remove_custom_component',
          },
        },
      ],
      title: '{integration} is not ready and keeps retrying setup',
      rootCause:
        'Setting up {integration}[[ (“{entry}”)]] failed with a temporary error[[: “{reason}”]]; Home Assistant retries on its own with a growing delay. Usually the device or service it talks to cannot be reached yet.',
    },
    {
      // The integration let a connection error escape setup instead of asking to be
      // retried: the entry stays failed even after the peer answers again.
      id: 'failed_unreachable',
      match: [
        { text: SETUP_ERROR, with: [UNREACHABLE], unless: NOT_READY },
        { text: SETUP_FRAME, minLevel: 'ERROR', with: [UNREACHABLE], unless: NOT_READY },
      ],
      ...retry,
      confidence: 0.82,
      severity: 'error',
      remedy: 'notify_only',
      variants: [customRelease],
      title: '{integration} failed to set up because {host} did not answer, and will not retry',
      rootCause:
        'Setting up {integration}[[ (“{entry}”)]] failed because {host} could not be reached[[ (“{detail}”)]], and {integration} reported it as an unexpected error instead of asking Home Assistant to retry. Unlike a retrying entry it stays failed after the device or service answers again, until it is reloaded. That {integration} does not retry is a bug worth reporting.',
      impact:
        '{integration} is not loaded; its entities stay unavailable until the entry is reloaded.',
      manualSteps: [
        'Check that {host} answers again (powered on, on the network, its address unchanged).',
        'Then reload the entry (Settings → Devices & services → {integration} → ⋮ → Reload).',
        'Report to {integration} that a connection error during setup is not retried; for a custom integration, update it.',
      ],
    },
    {
      // The address stored in the entry now answers as another device (its MAC address or
      // name differs): DHCP gave the address to another device, often swapping two of a kind.
      id: 'other_device_at_address',
      match: {
        text: /\bMacAddressMismatchError\b|\bMAC address mismatch\b|\bUnexpected device found at (?<host>\S+?);|\bBadNameAPIError\b|\bserver sent a different name\b/i,
      },
      ...retry,
      confidence: 0.8,
      actions: [],
      title: 'Another device answers at the address of {integration}[[ ({host})]]',
      rootCause:
        'The address {integration} has stored for its device now answers as another device (“{detail}”): the router gave the address to another device, often two devices of the same kind swapping addresses. {integration} refuses to talk to the wrong device, so the entry keeps failing.',
      impact:
        'The device of {integration} is unavailable until its entry points at its current address.',
      manualSteps: [
        'Find the device’s current IP address in your router (by its MAC address) and give it a fixed DHCP lease.',
        'Correct the address in the entry (Settings → Devices & services → {integration} → Reconfigure) or let Home Assistant rediscover the device, then reload the entry.',
      ],
    },
    {
      // Home Assistant's own bookkeeping says the entry is set up twice: a restart clears it.
      id: 'already_set_up',
      match: { text: /Config entry has already been set ?up/i },
      ...retry,
      severity: 'error',
      remedy: 'restart_core',
      actions: [],
      confidence: 0.75,
      title: '{integration} was set up twice',
      rootCause:
        'Home Assistant tried to set up an entry of {integration} that was already set up (“{detail}”). Its state is out of step; a restart sets it up once.',
      manualSteps: [
        'Restart Home Assistant.',
        'If it comes back after every restart, report it to {integration} with this log.',
      ],
    },
    {
      id: 'failed',
      match: [
        {
          text: /Error setting up entry (?:.+ )?for \w+|Setup failed for (?:custom integration )?'?\w+'?|Error during setup of component \w+|Error while setting up \w+ platform for \w+|Unable to set up dependencies of/,
        },
        // An exception that escaped an integration's setup function (the traceback's frame
        // says so) is a failed setup even when the integration logged it in its own words:
        // Home Assistant does not retry it.
        { text: SETUP_FRAME, minLevel: 'ERROR' },
        // The integrations page's "Failed to set up: <reason>", in the user's language.
        { text: ENTRY_FAILED },
        { entryState: ['setup_error'] },
      ],
      // What happened is certain (the integration did not set up), why is not: the category
      // says the first, the low confidence the second.
      category: 'setup_retry',
      remedy: 'notify_only',
      severity: 'error',
      confidence: 0.4,
      variants: [
        // A programming error in a custom integration's code is its bug, whatever else is
        // wrong. In one of Home Assistant's own, the user sees a failed setup that only a
        // release fixes: the category stays what they see.
        { when: { text: CODE_ERROR, custom: true }, set: { category: 'other', confidence: 0.3 } },
        {
          // A custom integration's release that reads what its older releases never stored:
          // it does not fit the entry it finds, whatever its other code does.
          when: { text: ENTRY_KEY_MISSING, custom: true },
          set: {
            category: 'incompatible_custom_component',
            confidence: 0.5,
            rootCause:
              'Setting up {integration} fails because its code reads a value the config entry does not hold[[ ({exception})]][[ in {location}]]: the entry was created by an older release that did not store it, and this release neither adds it nor has a default. Every setup reads the same entry.',
            manualSteps: [
              'Update {integration}: such releases are usually followed by one that migrates old entries.',
              'If none does, delete the entry and add the integration again, so that it is stored the way this release expects.',
            ],
          },
        },
        customRelease,
      ],
      title: '{integration} failed to set up[[: {exception}]]',
      rootCause:
        'Setting up {integration} raised an unexpected error[[ ({exception})]][[ in {location}]]. No known failure signature matches it: most likely a bug in the integration, or a device or service answering in a way it does not expect.',
      impact: '{integration} is not loaded; its entities are unavailable.',
      actions: [
        {
          action_id: 'set_integration_log_level',
          params: { integration: '$integration', level: 'debug' },
          rationale:
            'Turn on debug logging for {integration} to capture the next setup attempt; the previous level is restored afterwards.',
          risk: 'low',
        },
      ],
      tests: [{ kind: 'config_entry_loaded', description: '{integration} loads.', timeout_s: 900 }],
      manualSteps: [
        'Search the issue tracker of {integration} for the exception.',
        'If it started after an update, read the release notes; for a custom integration, update it.',
      ],
    },
  ],
};
