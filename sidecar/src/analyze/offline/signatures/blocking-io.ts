/** Integrations that block or misuse Home Assistant's event loop: a code fix, never a restart. */
import { ACTION_FAILED } from '../patterns.js';
import type { Outcome, SignatureFamily } from '../types.js';

const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence' | 'severity'> = {
  category: 'blocking_io',
  remedy: 'notify_only',
  impact:
    'Home Assistant keeps running, but everything else waits while the call blocks: the UI stutters, and other integrations can time out.',
  actions: [],
  tests: [
    {
      kind: 'manual',
      description: 'After the update, the warning does not come back after a restart.',
    },
  ],
  manualSteps: [
    'Update Home Assistant: blocking calls in core integrations are fixed in later releases.',
    'If the latest release still shows it, report it using the link in the warning.',
    'Restarting or reloading does not fix it; the warning alone does not break anything.',
  ],
};

const custom = {
  when: { custom: true },
  set: {
    remedy: 'update_or_remove_custom_component' as const,
    manualSteps: [
      'Update {integration} (HACS → {integration} → Update, or install its latest release).',
      'If no fixed release exists, report it to the author using the link in the warning, or remove the integration until it is fixed.',
      'Restarting or reloading does not fix it; the warning alone does not break anything.',
    ],
  },
};

/** Blocking calls in, and wrong-thread calls into, the event loop. */
export const blockingIo: SignatureFamily = {
  family: 'blocking_io',
  signatures: [
    {
      id: 'blocking_call',
      match: {
        text: [
          /(?:Detected|Caught) blocking call to (?<call>[\w.]+)(?![\w.])[^\n]*? inside the event loop(?: by (?:custom )?integration '(?<culprit>\w+)')?/,
          /(?:Detected|Caught) (?:blocking call|I\/O) inside the event loop/i,
          /\bdoing blocking calls? at\b/,
          // Home Assistant before 2024.6 raised it instead of reporting it.
          /Blocking calls must be done in the executor or a separate thread/,
        ],
      },
      ...common,
      severity: 'warning',
      confidence: 0.9,
      variants: [custom],
      title: '{integration} blocks the event loop with {call}',
      rootCause:
        '{integration} makes a blocking call ({call}) inside Home Assistant’s event loop[[ at {location}]]. While it runs nothing else in Home Assistant can; Home Assistant detects and reports this since 2024.6, and the fix belongs in the integration’s code.',
    },
    {
      id: 'wrong_thread',
      match: {
        text: /from a thread other than the event loop|calls?\s+[\w.]+\s+from a thread\b|non-thread-safe operation/i,
      },
      ...common,
      severity: 'error',
      confidence: 0.85,
      variants: [
        custom,
        {
          // Since 2024.5 Home Assistant refuses the call instead of warning: the action fails,
          // and a custom integration written before that does not work with this version.
          when: { custom: true, text: new RegExp(`${ACTION_FAILED.source}|\\bRuntimeError\\b`) },
          set: { category: 'incompatible_custom_component' },
        },
      ],
      title: '{integration} calls Home Assistant from the wrong thread',
      rootCause:
        '{integration} calls an event-loop-only function from another thread (“{detail}”), which can crash Home Assistant or corrupt its state. The fix belongs in the integration’s code.',
      impact:
        'Random crashes, entities that stop updating, or corrupted state while it keeps happening.',
    },
  ],
};
