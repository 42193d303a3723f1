/**
 * Home Assistant Core itself dying: its container's supervision says which signal or exit code
 * ended it, and the Supervisor's watchdog that it restarted Core. Core's own log cannot say it.
 */
import type { Outcome, SignatureFamily } from '../types.js';

/** The Supervisor restarts Core by itself: nothing to run, only to find why. */
const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence' | 'manualSteps'> = {
  category: 'other',
  remedy: 'notify_only',
  severity: 'critical',
  impact:
    'Home Assistant was down until the Supervisor restarted it: automations did not run and devices were not controlled meanwhile; if it dies again at once, it keeps restarting.',
  actions: [],
  tests: [
    {
      kind: 'no_new_matching_errors',
      description: 'Home Assistant does not die again.',
      timeout_s: 3600,
    },
  ],
};

const lastChanges =
  'If it began after an update of Home Assistant or of a custom integration, restore the backup from before it (Settings → System → Backups) or disable that custom integration, and look for a report of the same crash in its issue tracker.';

/** Core's death, by the signal or exit code its supervision reports. */
export const core: SignatureFamily = {
  family: 'core',
  signatures: [
    {
      id: 'killed',
      match: {
        text: /Home Assistant Core finish process received signal 9\b|Watchdog found Home Assistant exited with code 137\b/,
        minLevel: 'INFO',
      },
      ...common,
      category: 'resource_exhaustion',
      confidence: 0.86,
      title: 'Home Assistant was killed (signal 9), most likely for lack of memory',
      rootCause:
        'Home Assistant’s process was killed outright (“{detail}”): on a Home Assistant system that is almost always the kernel freeing memory when the machine runs out of it.',
      manualSteps: [
        'Look at the host’s log (Settings → System → Logs → Host) for “Out of memory: Killed process” at the same time.',
        'Find what grows: recently added integrations or add-ons, a large recorder database, a runaway automation; stop unneeded add-ons or move to bigger hardware.',
      ],
    },
    {
      id: 'illegal_instruction',
      match: {
        text: /Home Assistant Core finish process received signal 4\b|Watchdog found Home Assistant exited with code 132\b/,
        minLevel: 'INFO',
      },
      ...common,
      confidence: 0.88,
      title: 'Home Assistant crashed: an illegal CPU instruction (signal 4)',
      rootCause:
        'Home Assistant died of an illegal instruction (“{detail}”): a compiled library in this version uses CPU instructions this machine does not have, typically on older or virtual CPUs. It crashes the same way at every start.',
      manualSteps: [
        'In a virtual machine, pass the host CPU through (CPU type “host”).',
        lastChanges,
      ],
    },
    {
      id: 'segfault',
      match: {
        text: /Home Assistant Core finish process received signal 11\b|Watchdog found Home Assistant exited with code 139\b|\bFatal Python error: Segmentation fault/,
        minLevel: 'INFO',
      },
      ...common,
      confidence: 0.86,
      title: 'Home Assistant crashed: a segmentation fault (signal 11)',
      rootCause:
        'Home Assistant died in compiled code (“{detail}”): a crash inside a native library, such as a Bluetooth, image or database driver, or a custom integration’s dependency; Python code alone cannot cause it.',
      manualSteps: [
        lastChanges,
        'Otherwise disable custom integrations one at a time until it stops, and report the crash with the lines around it.',
      ],
    },
    {
      id: 'crashed',
      match: {
        text: /Home Assistant Core finish process (?:received signal (?!15\b)\d+|exit code (?!0\b|100\b|256\b)\d+)|Watchdog found Home Assistant (?:failed|unhealthy|exited with code \d+)|\bFatal Python error\b/,
        minLevel: 'INFO',
      },
      ...common,
      confidence: 0.84,
      title: 'Home Assistant crashed and was restarted',
      rootCause:
        'Home Assistant’s process ended unexpectedly (“{detail}”) and the Supervisor restarted it. Its own log stops just before; the lines right before the crash name what it was doing.',
      manualSteps: [
        'Read the full log of the previous run (Settings → System → Logs → Home Assistant Core; “Load full logs”) for the last lines before the crash.',
        lastChanges,
      ],
    },
    {
      // The Supervisor started Core and never got an answer from its API in time.
      id: 'start_hung',
      match: { text: /\bNo Home Assistant Core response, assuming a fatal startup error\b/ },
      ...common,
      confidence: 0.8,
      title: 'Home Assistant did not finish starting',
      rootCause:
        'The Supervisor started Home Assistant and got no answer from it in time (“{detail}”): its start hangs, usually on an integration or a database migration that does not finish, or it crashes while starting.',
      manualSteps: [
        'Read Home Assistant’s own log of that start (Settings → System → Logs → Home Assistant Core): the last lines name what it waited for.',
        lastChanges,
      ],
    },
    {
      // A Core update whose new version did not start: the Supervisor installed the old one again.
      id: 'update_rolled_back',
      match: { text: /\bHomeAssistant update failed -> rollback!/ },
      ...common,
      confidence: 0.88,
      title: 'A Home Assistant update failed and was rolled back',
      rootCause:
        'The new version of Home Assistant did not start properly after the update, so the Supervisor installed the previous version again (“{detail}”). Most often a custom integration or part of the configuration does not work with the new version.',
      impact:
        'Home Assistant runs the previous version; the update is offered again, and fails the same way until the cause is fixed.',
      manualSteps: [
        'Read home-assistant-rollback.log in the configuration folder: the Supervisor saved the failed start’s log there.',
        'Update or disable the custom integration it names, or fix the configuration, then update again.',
      ],
    },
  ],
};
