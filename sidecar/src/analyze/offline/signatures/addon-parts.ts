/**
 * What the add-on (app) signatures share: the outcome of a crash, the restart they propose, and
 * the variants that read why an add-on stops (its options, its image, its CPU, a watchdog that
 * gave up), so that a new signature in addon.ts reuses them.
 */
import type { ActionTemplate, Outcome } from '../types.js';

export const restart: ActionTemplate = {
  action_id: 'restart_addon',
  params: { slug: '$addon' },
  rationale:
    'Restart {addon} after reading its log; if it crashes again right away, fix what its log names first — restarting in a loop does not help.',
  risk: 'medium',
};

/** The watchdog gave up: it restarted the add-on as often as it may, so another restart repeats the loop. */
export const restartsExhausted = {
  when: { text: /Rate limit exceeded, more than \d+ calls|Watchdog cannot restart/i },
  set: {
    remedy: 'notify_only' as const,
    actions: [],
    rootCause:
      'The add-on keeps crashing: the Supervisor’s watchdog restarted it as often as it allows and then gave up (“{detail}”). Restarting it again only repeats the loop; its own log says why it exits.',
    manualSteps: [
      'Read the add-on’s log for the reason it exits each time, and fix that (or report it to the add-on’s maintainer).',
      'Start it again only after that; the watchdog resumes on its own.',
    ],
  },
};

/**
 * One of the add-on's start scripts failed: it fails the same way at every start (a bug of the
 * release, or something on this system it does not handle), so restarting repeats it.
 */
export const startScriptFailed = {
  when: {
    text: /\.sh:? exited [1-9]|unable to start service (?:init-|legacy-cont-init)[\w-]*: command exited [1-9]/i,
  },
  set: {
    remedy: 'notify_only' as const,
    actions: [],
    rootCause:
      'One of the add-on’s start scripts failed (“{detail}”), so the add-on stops before its service runs. It fails the same way at every start until the add-on or what it needs changes; restarting repeats it.',
    manualSteps: [
      'Read the add-on’s log just above that line: the script’s last output says what it tripped on.',
      'Look for a newer release of the add-on (its changelog often names the fix), or report the log to its maintainer.',
    ],
  },
};

/** A start script that failed because another add-on or Home Assistant was not up yet: starting it again once they run helps. */
export const dependencyNotUp = {
  when: {
    text: /Unknown (?:server |MySQL server )?host '?(?:core|local|[0-9a-f]{8})-[\w-]+|Unknown HTTP error occur+ed/i,
  },
  set: {
    remedy: 'restart_addon' as const,
    actions: [restart],
    rootCause:
      'The add-on’s start script failed because a service it needs was not running or not ready (“{detail}”): another add-on such as the database or the broker, or Home Assistant while it was still starting.',
    manualSteps: [
      'Start the add-on it depends on (the host it names, e.g. core-mariadb is the MariaDB add-on), or wait until Home Assistant has fully started.',
      'Then restart this add-on.',
    ],
  },
};

/**
 * The add-on's program cannot load a module or library its image should hold: this release was
 * built or packaged wrongly, and every start stops at the same import.
 */
export const brokenImage = {
  when: {
    text: /ModuleNotFoundError: No module named|ImportError: (?:cannot import name|No module named)|error while loading shared libraries/,
  },
  set: {
    remedy: 'notify_only' as const,
    actions: [],
    rootCause:
      'The add-on’s program cannot load part of itself (“{detail}”): its image lacks a module or library this release needs, so it was built or packaged wrongly. It stops the same way at every start; restarting does not help.',
    manualSteps: [
      'Check the add-on’s issue tracker: a broken release is usually replaced within days, so update the add-on when a new version appears.',
      'Until then, restore the previous version of the add-on from a backup if you need it running.',
    ],
  },
};

/** A program built for a newer CPU than this machine's: no restart or option helps. */
export const unsupportedCpu = {
  when: { text: /Illegal instruction|\bSIGILL\b|\((?:by )?signal 4\)|exited with code 132\b/i },
  set: {
    remedy: 'notify_only' as const,
    actions: [],
    rootCause:
      'The add-on’s program uses CPU instructions this machine does not have (“{detail}”), typically AVX on older or virtual CPUs. It crashes the same way at every start.',
    manualSteps: [
      'Check the add-on’s documentation for its CPU requirements; in a virtual machine, pass the host CPU through (CPU type “host”).',
      'Otherwise use a version or alternative built for this CPU.',
    ],
  },
};

/** An add-on that does not run on this system at all: no option changes that. */
export const unsupportedSystem = {
  when: {
    text: /\b(?:is )?not supported|\bunsupported (?:system|architecture|machine|CPU|platform|OS)|requires? (?:a |an )?(?:64-bit|aarch64|amd64|x86-64|newer CPU)/i,
  },
  set: {
    remedy: 'notify_only' as const,
    actions: [],
    rootCause:
      'The add-on does not support this system (“{detail}”): its architecture, CPU or operating system. No option or restart changes that.',
    manualSteps: [
      'Check the add-on’s documentation for the systems it supports, and use an alternative that runs here.',
    ],
  },
};

/**
 * An add-on that dies of its own configuration: restarting only repeats the crash. (Not a start
 * script of its own it may not execute: that is a bug of its image.)
 */
export const ownConfig = {
  when: {
    text: /(?:invalid|missing|unknown|required) (?:option|configuration|config|value)|configuration (?:error|is invalid)|is not a valid|Address (?:already )?in use|port is already allocated|EADDRINUSE|(?<!\.sh: )Permission denied|\b(?:in|using|set) the '\w+' option\b/i,
  },
  set: {
    remedy: 'fix_config_then_reload' as const,
    rootCause:
      'The add-on stops because of its own configuration or environment (“{detail}”): an invalid option, a port another service already uses, or a path it cannot access. Restarting repeats the crash until that is fixed.',
    manualSteps: [
      'Open the add-on’s Configuration tab and fix the option its log names (or change the port).',
      'Then start it again and watch its log.',
    ],
  },
};

/**
 * A start script that names a setting it lacks or cannot use: bashio's "A required add-on
 * configuration option is missing!", "Please set a value for the 'x' option." and its check
 * of a password against known leaks, Samba's "Setting a username and password is required!",
 * a workspace path "not allowed", two options that exclude each other, an init command of the
 * options that fails. The setting is the cause, so this is a configuration problem, not a crash.
 */
export const settingUnusable = {
  when: {
    text: /\b(?:option|setting|configuration|config|path|directory|workspace|username|password|login|device|model|entry)\b[^\n]*?\b(?:is |are )?(?:required|missing|incomplete|not set|does not exists?|is not allowed)\b|\bPlease set (?:a value for|an? )|\bYou need to set ?up\b|\bNo [\w ]{1,40}? (?:set|configured)!?$|\bInvalid [\w-]+ (?:entry|option|value)\b|\b(?:HTTPS|Funnel|[A-Z]\w+'s \w+) support is disabled\b|\byour configured password is considered\b|\bFailed executing init command\b|\b(?:unable to|cannot|could not|failed to) mount\b|\bmount error\(\d+\)|\bincorrect user ?name\b|\bplease check [^\n]{0,40}\bconfiguration\b|\bcan't [^\n]+ and at the same time\b/im,
  },
  set: {
    category: 'invalid_config' as const,
    remedy: 'fix_config_then_reload' as const,
    rootCause:
      'The add-on’s start script stops because a setting it needs is missing or not usable (“{detail}”). It stops the same way at every start until the setting is filled in or corrected.',
    manualSteps: [
      'Open the add-on’s Configuration tab, fill in or correct the setting the message names (its Documentation tab says what it expects), save, and start the add-on again.',
    ],
  },
};

/**
 * A start script that could not install what it was told to (packages, plugins, an npm
 * module): mostly a name in its options that its package source does not have, or no
 * network while it starts.
 */
export const installFailed = {
  when: {
    text: /\bFailed (?:installing|to install)\b|\bFailed updating [\w ]*packages? indexe?s?\b/i,
  },
  set: {
    category: 'dependency_install' as const,
    remedy: 'fix_config_then_reload' as const,
    rootCause:
      'The add-on’s start script could not install something its options ask for (“{detail}”): a package, plugin or module name its source does not have (a typo, or one renamed or removed), or no network to fetch it while it starts.',
    manualSteps: [
      'Check the package or plugin names in the add-on’s Configuration tab against its documentation; remove or correct the one the message names.',
      'If the names are right, check the host’s internet access and start the add-on again.',
    ],
  },
};

export const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence'> = {
  category: 'addon_crash',
  remedy: 'restart_addon',
  severity: 'error',
  impact:
    'Whatever the add-on provides (a broker, a database, Zigbee, a dashboard) is gone until it runs again.',
  actions: [restart],
  tests: [
    { kind: 'addon_started', description: '{addon} is running again.', timeout_s: 300 },
    { kind: 'no_new_matching_errors', description: 'It does not crash again.', timeout_s: 1800 },
  ],
  manualSteps: [
    'Read the add-on’s log (Settings → Add-ons → {addon} → Log): the lines before the exit say why it stopped.',
    'Restart it; turn on its Watchdog so the Supervisor restarts it after a crash.',
    'If it crashes again right away, fix what the log names (configuration, a device that is missing, disk space) first.',
  ],
};
