/** Devices and services that answer too slowly: a performance warning, not a breakage. */
import { UNREACHABLE } from '../patterns.js';
import type { Outcome, SignatureFamily, Variant } from '../types.js';

const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence'> = {
  category: 'slow_update',
  remedy: 'notify_only',
  severity: 'warning',
  impact:
    'Values lag behind and entities may briefly show unavailable when an update times out; the rest of Home Assistant keeps working.',
  actions: [],
  tests: [
    {
      kind: 'no_new_matching_errors',
      description: 'No new slow-update warnings from {integration}.',
      timeout_s: 3600,
    },
  ],
  manualSteps: [
    'Check the device: Wi-Fi signal, firmware, and whether it answers quickly to another client.',
    'Update Home Assistant: fixes for slow polling usually come with the integration’s library.',
    'If the integration allows it, poll less often (System options → disable polling, then refresh with your own automation).',
    'Restarting or reloading does not make the device answer faster.',
  ],
};

/**
 * The device or service the update waits for does not answer at all: that, not the wait, is
 * what to explain, so a signature that knows the failure outranks the slowness.
 */
const waitsForUnreachable: Variant = { when: { text: UNREACHABLE }, set: { confidence: 0.6 } };

/**
 * An update interval under ten seconds: no default polls that often (a user's `scan_interval`,
 * or an integration's option), and a device or cloud that needs longer never keeps up with it.
 */
const tooShortInterval: Variant = {
  when: { text: /scheduled (?:update|scan) interval 0:00:0\d(?:\.\d+)?\b/ },
  set: {
    remedy: 'fix_config_then_reload',
    rootCause:
      '{integration} is set to update every {interval}, and one update takes longer than that, so updates are skipped: an interval this short is more than the device or service can answer.',
    manualSteps: [
      'Raise the update interval of {integration} (its `scan_interval` in configuration.yaml, or its options) well above the time an update takes, e.g. 30 seconds.',
      'Then reload {integration} or restart Home Assistant.',
    ],
  },
};

/** Home Assistant's notice of a setup past 10 seconds (since 2024 also per config entry). */
const SETUP_OVER_10S =
  /Setup of (?:(?<kind>\w+) platform |platform )?'?(?<domain>\w+)'?(?: integration)? is taking over (?<seconds>10) seconds|Setup of config entry '[^']*' for (?<domain2>\w+) integration is taking over (?<seconds2>10) seconds/;
/** A setup past a longer limit, or one that held up the whole start. */
const SLOW_SETUP =
  /Setup of (?:(?<kind>\w+) platform |platform )?'?(?<domain>\w+)'?(?: integration)? is taking (?:over (?!10 )|longer than )(?<seconds>\d+) seconds|Setup of config entry '[^']*' for (?<domain2>\w+) integration is taking (?:over (?!10 )|longer than )(?<seconds2>\d+)|Waiting (?:on|for) integrations to complete setup|Timed out adding entities for domain \w+ with platform (?<domain3>\w+)|Setup timed out for (?:stage|bootstrap)|Something is blocking Home Assistant from wrapping up the start ?up phase/;

/** Updates and setups that take longer than Home Assistant allows. */
export const slowUpdate: SignatureFamily = {
  family: 'slow_update',
  signatures: [
    {
      id: 'entity_update',
      // The entity's id as written, or as a user masked it in a paste (`sensor.***6014_humidity`).
      match: { text: /Update of (?<entity>[a-z_]+\.\S+) is taking over (?<seconds>\d+) seconds/ },
      ...common,
      confidence: 0.85,
      variants: [waitsForUnreachable],
      title: 'Updates of {entity}[[ ({integration})]] take over {seconds} seconds',
      rootCause:
        'Updating {entity}[[ and other entities of {integration}]] repeatedly takes longer than {seconds} s: the device or service answers slowly — weak Wi-Fi, an overloaded device, a slow cloud API, or a library that makes many requests per update.',
    },
    {
      id: 'update_interval',
      match: {
        text: /Updating (?<domain>\w+) (?<platform>\w+) took longer than the scheduled update interval (?<interval>[\d:.]+)|Updating (?:device list from )?(?<domain2>\w+) took longer than the scheduled (?:update|scan) interval (?<interval2>[\d:.]+)|Updating (?<entity>[^\n]+?) took longer than the scheduled (?:update|scan) interval (?<interval3>[\d:.]+)|Updating (?<domain3>\w+) (?<platform2>\w+) did not complete within the scheduled update interval (?<interval4>[\d:.]+)/,
      },
      ...common,
      confidence: 0.85,
      variants: [waitsForUnreachable, tooShortInterval],
      title: '{integration} takes longer than its update interval ({interval})',
      rootCause:
        'Polling {integration} takes longer than its update interval ({interval}), so updates are skipped: the device or service answers slowly or the integration polls too much per update.',
    },
    {
      // An integration's own coordinator skipping a poll because the last one has not
      // finished (hass-opnsense): the same symptom in its own words.
      id: 'overlapping_update',
      match: {
        // Or HomeKit controller's own: "update skipped as previous poll still in flight".
        text: /\bSkipping (?:\w+ )?update because the previous update is still in progress\b|\bupdate skipped as previous poll still in flight\b|\bPrevious update still running, skipping\b/,
      },
      ...common,
      confidence: 0.75,
      variants: [waitsForUnreachable],
      title: '{integration} skips updates: the previous one has not finished',
      rootCause:
        'An update of {integration} was skipped because the one before it still runs (“{detail}”): polling takes longer than the interval, because the device or service answers slowly or the integration asks for a lot per update.',
    },
    {
      id: 'entity_state',
      match: {
        text: /Updating state for (?<entity>[\w.]+) \([^)]*\) took (?<seconds>[\d.]+) seconds/,
      },
      ...common,
      confidence: 0.8,
      title: 'Updating {entity}[[ ({integration})]] is slow',
      rootCause:
        'Writing the state of {entity} took {seconds} s, which Home Assistant reports as slow (“{detail}”): the integration’s code does slow work (I/O, heavy computation) while updating the entity. The entity still updates, late.',
    },
    {
      // Home Assistant stopping: a stage that waits for its integrations gives up after a while
      // and the shutdown goes on. It names the tasks still running, and so whose stop hangs.
      id: 'shutdown',
      match: {
        text: /Timed out waiting for (?:shutdown jobs|integrations to stop|final writes|close event)[^\n]*?, the shutdown will continue|Shutdown stage '[^'\n]+': still running: /,
      },
      ...common,
      // Above the timeout it mentions: the stop is what hangs, not a device on the network.
      confidence: 0.74,
      title: 'Home Assistant’s shutdown waits for a part that does not stop[[ ({integration})]]',
      rootCause:
        'Home Assistant gave up waiting for part of its shutdown (“{detail}”): an integration (or the recorder writing its last data) did not stop in time, so it was cut off. The restart takes longer, and what it had not saved may be lost.',
      impact:
        'Restarts and shutdowns take longer; data the stuck part had not written (recorder history, a device’s last state) may be lost.',
      manualSteps: [
        'Look for the task the log names as still running: its module names the integration whose stop hangs.',
        'Update that integration; if it is a custom one, report the hang to its author.',
        'If the recorder is named, check the database (its size, the disk’s speed and free space).',
      ],
    },
    {
      // The Supervisor waits a while for an add-on's container to report it started.
      id: 'addon_start',
      match: {
        text: /\bTimeout while waiting for addon (?<addon>[^\n]+?) to start, took more than (?<seconds>\d+) seconds/,
      },
      ...common,
      confidence: 0.7,
      title: 'The add-on {addon} starts slowly',
      rootCause:
        'The add-on {addon} took more than {seconds} s to report that it started (“{detail}”): it does a lot at start (a database, a model, a large cache) or the host is busy. The Supervisor stops waiting; the add-on may still come up.',
      impact:
        'Whatever depends on {addon} waits for it; if it never comes up, its Log tab says why.',
      manualSteps: [
        'Open the add-on’s Log tab: if it finishes starting, nothing needs doing; if it stops or loops, its last lines say why.',
        'If the host is busy at start, delay the add-on or others (fewer add-ons at boot, or start it from an automation).',
      ],
    },
    {
      id: 'setup',
      // Home Assistant notes every setup past 10 s, at every start on slow hardware: once, and
      // alone, that notice is noise (the setup finishes). Repeated, past a longer limit, or
      // next to an error or timeout, it is the slow setup to explain.
      match: [
        { text: SLOW_SETUP },
        { text: SETUP_OVER_10S, minCount: 2 },
        { text: SETUP_OVER_10S, with: [/\b(?:Timeout|timed out|Error|failed)\b/i] },
      ],
      ...common,
      confidence: 0.8,
      // The device it waits for does not answer: that, not the wait, is what to explain.
      variants: [{ when: { text: UNREACHABLE }, set: { confidence: 0.7 } }],
      title: 'Setting up {integration} is slow',
      rootCause:
        'Setting up {integration} takes longer than {seconds} s (“{detail}”): it waits for a slow device or cloud service, or does a lot of work at startup. Startup finishes later, and if it never completes, Home Assistant continues without it.',
      impact: 'Home Assistant starts more slowly; {integration}’s entities appear late.',
    },
  ],
};
