/**
 * A logger flooding the log: Home Assistant's own warning that a module logs too often, or one
 * line repeated very many times. The flood costs disk, I/O and the readability of the log; the
 * cause is the code that logs, so quieting the logger for a while is relief, not the fix.
 */
import type { ActionTemplate, Outcome, SignatureFamily, Variant } from '../types.js';

/** Repeats of one line that make a flood even without Home Assistant's own warning. */
export const FLOOD_REPEATS = 1000;

const quiet: ActionTemplate = {
  action_id: 'quiet_logger',
  // The logger and level come from the incident's evidence when the action is resolved.
  params: {},
  rationale:
    'Raising the level of the flooding logger stops its lines filling the log and the disk for a while; it is set back to its level by itself, and errors still get through.',
  risk: 'low',
};

const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence'> = {
  category: 'log_flood',
  remedy: 'notify_only',
  severity: 'warning',
  impact:
    'The log fills with the same lines: it grows on disk, costs I/O on small hardware, rotates other messages out and hides the ones that matter.',
  actions: [quiet],
  tests: [
    {
      kind: 'no_new_matching_errors',
      description: 'The flood stops.',
      timeout_s: 600,
    },
  ],
  manualSteps: [
    'Read one of the repeated lines: it usually says what the integration retries or cannot parse; fix that (the device, the network, the configuration).',
    'Update [[{integration}, ]]the integration that logs: floods are usually fixed by its authors once reported.',
    'If the lines carry nothing you need, keep the logger quieter for good in configuration.yaml (`logger:` → `logs:`).',
  ],
};

/** A custom integration's flood: its author fixes what it logs. */
const customFlood: Variant = {
  when: { custom: true },
  set: {
    remedy: 'update_or_remove_custom_component',
    manualSteps: [
      'Update the custom integration[[ {integration}]]: floods are usually fixed by its author once reported; report it with one of the repeated lines if not.',
      'If the lines carry nothing you need, keep the logger quieter for good in configuration.yaml (`logger:` → `logs:`).',
    ],
  },
};

/** One logger writing far more than a log can hold. */
export const logFlood: SignatureFamily = {
  family: 'log_flood',
  signatures: [
    {
      id: 'too_frequent',
      match: {
        text: /Module (?<logger>[A-Za-z_][\w.]*) is logging too frequently\. (?<messages>\d+) messages since last count/,
      },
      ...common,
      confidence: 0.9,
      title: '{logger} floods the log',
      rootCause:
        'Home Assistant counted {messages} messages from {logger} within five minutes (“{detail}”): [[{integration} ]]logs the same problem or status over and over, far more than anyone can read.',
      variants: [customFlood],
    },
    {
      id: 'repeated_line',
      // Any line repeated this often; a signature that knows the line's meaning is more confident.
      match: { text: /\S/, minCount: FLOOD_REPEATS },
      ...common,
      confidence: 0.55,
      variants: [customFlood],
      title: '[[{integration}: ]]one line floods the log',
      rootCause:
        'The same line was logged over a thousand times (“{detail}”): [[{integration} ]]reports one problem or status over and over instead of once.',
    },
    {
      id: 'frequent_line',
      // A log holds a sample, not a day: a warning it shows coming every few seconds is
      // logged thousands of times a day, though the sample holds a handful.
      // Not an exception with its traceback: repeated at every update, the error is the news,
      // and a signature that knows it (or the error itself) explains it better than the noise.
      match: {
        text: /^(?![\s\S]*Traceback \(most recent call last\):)[\s\S]*\S/,
        minPerDay: FLOOD_REPEATS,
      },
      ...common,
      // Below any signature that knows the line: a pace read from a sample is a weaker clue.
      confidence: 0.35,
      variants: [customFlood],
      title: '[[{integration}: ]]one line floods the log',
      rootCause:
        'The same line comes about every {every} (“{detail}”): at that pace it is logged over a thousand times a day. [[{integration} ]]reports one problem or status over and over instead of once.',
    },
  ],
};
