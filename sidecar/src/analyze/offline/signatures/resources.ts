/** The host running out of disk, memory, file handles or threads. */
import type { Outcome, SignatureFamily } from '../types.js';

const inAddon = {
  when: { addon: true },
  set: {
    category: 'addon_crash' as const,
    remedy: 'restart_addon' as const,
    actions: [
      {
        action_id: 'restart_addon' as const,
        params: { slug: '$addon' },
        rationale:
          'A restart frees the add-on’s memory now; it comes back unless the cause (a flow, a leak, a too-small limit) is fixed.',
        risk: 'medium' as const,
      },
    ],
    manualSteps: [
      'Read the add-on’s log for what grew before it ran out (a flow or message queue, a large file).',
      'Raise the add-on’s memory limit if it has one, or fix what accumulates.',
    ],
  },
};

// A leak in a custom integration's own code ends only with a release that fixes it; a restart
// just starts the clock again.
const inCustom = {
  when: { custom: true },
  set: {
    remedy: 'update_or_remove_custom_component' as const,
    manualSteps: [
      'Update {integration} (HACS → {integration} → Update): leaks like this are fixed in the integration’s releases.',
      'If no fixed release exists, report the leak to its author with this log, and disable or remove it until then; a restart only frees the resources for a while.',
    ],
  },
};

const restartCore: Pick<Outcome, 'remedy' | 'actions'> = {
  remedy: 'restart_core',
  actions: [
    {
      action_id: 'restart_core',
      params: {},
      rationale:
        'A restart releases the resources now; it does not fix the leak, so it comes back unless its cause is found.',
      risk: 'high',
    },
  ],
};

/**
 * Handles and threads that run out in Home Assistant's process are an integration's leak,
 * and custom integrations are where they usually are: its release is the fix, a restart
 * only relief. When the log shows a core integration leaking, a restart until the fixed
 * release is what the user can do.
 */
const leakFixedByRelease: Pick<Outcome, 'remedy' | 'actions'> = {
  remedy: 'update_or_remove_custom_component',
  actions: restartCore.actions,
};
const inCore = { when: { core: true }, set: { remedy: 'restart_core' as const } };

const findLeak = [
  'Find what grows: Settings → System → Hardware and the add-on pages show memory per process; recently added or updated integrations are the usual suspects — disable them one at a time.',
  'If the machine simply has too little headroom for what runs on it, stop unneeded add-ons or move to bigger hardware.',
];

const common: Omit<
  Outcome,
  'title' | 'rootCause' | 'confidence' | 'remedy' | 'actions' | 'manualSteps'
> = {
  category: 'resource_exhaustion',
  severity: 'critical',
  impact:
    'Operations that need the exhausted resource fail at random places: integrations, the recorder, backups and the UI.',
  tests: [
    {
      kind: 'no_new_matching_errors',
      description: 'The resource errors stop.',
      timeout_s: 3600,
    },
  ],
};

/** Disk, memory, file handles or threads running out. */
export const resources: SignatureFamily = {
  family: 'resources',
  signatures: [
    {
      id: 'disk_full',
      match: [
        {
          text: /No space left on (?:device|disk)|\bOperating system error number 28\b|\bENOSPC\b|\[Errno 28\]|database or disk is full|The table '[^'\n]+' is full|(?:disk|storage|filesystem|partition) (?:is )?(?:almost )?full|not enough (?:free )?(?:disk )?space|free (?:disk )?space (?:is )?(?:low|below|too low)|insufficient (?:disk )?space|out of disk space|\bis out of (?:storage )?space\b|\blow on disk space\b/i,
        },
        { kind: ['supervisor_issue', 'repair_issue'], text: /\bfree_space\b/ },
      ],
      ...common,
      confidence: 0.93,
      remedy: 'free_disk_or_repair_db',
      actions: [],
      title: 'The disk of Home Assistant is full',
      rootCause:
        'Writing failed because the disk has no free space left (“{detail}”). Backups, the recorder database, logs and media are what usually fill it.',
      impact:
        'The recorder, backups, updates and saving settings fail; files written during the shortage (database, .storage) can be left damaged.',
      manualSteps: [
        'Free disk space: delete old backups (Settings → System → Backups) or move them off the device, and remove large media and log files.',
        'Shrink the recorder database: lower purge_keep_days and run recorder.purge with repack: true.',
        'Check what grew under Settings → System → Storage; afterwards restart once so everything that failed to write starts clean.',
      ],
    },
    {
      // The Supervisor pulls an image and Docker then has no such image: the layers could
      // not be stored. Nearly always a full data disk or failing storage (an SD card that
      // holds less than it claims); now and then the registry refused the download.
      id: 'image_not_stored',
      match: {
        text: /Can't install (?<image>\S+?):? (?:-> )?404 Client Error[^\n]*No such image/i,
        logger: /^supervisor\b/,
      },
      ...common,
      severity: 'error',
      confidence: 0.55,
      remedy: 'free_disk_or_repair_db',
      actions: [],
      title: 'The Supervisor could not store the image {image}',
      rootCause:
        'The Supervisor downloaded {image}, but Docker then has no such image (“{detail}”): the download could not be stored, nearly always because the data disk is full or its storage fails (an SD card that holds less than it claims, or wears out). Less often the registry refused the download.',
      impact:
        'The install or update of {image} fails and is retried; what it would install or update stays as it was.',
      manualSteps: [
        'Check the free space under Settings → System → Storage (or `ha host info`), and free space: old backups, media, the recorder database.',
        'If there is space, suspect the storage: check the SD card or disk for errors, or move to an SSD.',
        'If neither, retry the update later: the registry may have refused downloads for a while.',
      ],
    },
    {
      id: 'out_of_memory',
      match: {
        // Case matters: "to avoid running out of memory" is a warning of what could happen.
        text: /\bMemoryError\b|Cannot allocate memory|\[Errno 12\]|\bOut of memory\b|\b[Oo]om[- ]kill|OOM killer|Killed process \d+|JavaScript heap out of memory|Reached heap limit|[Mm]emory allocation failed|std::bad_alloc|(?:fatal error|runtime): out of memory/,
        // The allocator refusing the kernel's page size is not memory running out (host.page_size).
        unless: /<jemalloc>: Unsupported system page size/,
      },
      ...common,
      ...restartCore,
      confidence: 0.88,
      variants: [inCustom, inAddon],
      title: '[[{integration}: ]]the system ran out of memory',
      rootCause:
        'A process could not get more memory (“{detail}”): something grows without bound (a leak in an integration or add-on, a runaway automation or flow), or the machine has too little RAM for what runs on it.',
      manualSteps: findLeak,
    },
    {
      // GCC's words when the kernel kills the compiler (SIGKILL: the OOM killer, nearly always).
      // A firmware build (the ESPHome builder) runs several at once; fewer at a time fit.
      id: 'build_killed',
      match: {
        text: /Killed signal terminated program \w+|internal compiler error: Killed \(program \w+\)/,
      },
      ...common,
      severity: 'error',
      confidence: 0.86,
      remedy: 'fix_config_then_reload',
      actions: [],
      title: 'A build ran out of memory: the compiler was killed',
      rootCause:
        'The kernel killed a compiler that a build started (“{detail}”): compiling needs more memory than is free, usually because several files compile at once on a machine with little RAM.',
      impact:
        'The firmware or package being built is not produced; devices keep their old firmware.',
      manualSteps: [
        'Let fewer files compile at once: in ESPHome, set compile_process_limit: 1 under esphome: in the device’s YAML.',
        'Stop add-ons you do not need while building, or add swap; or build on a computer with more memory.',
      ],
    },
    {
      id: 'open_files',
      match: {
        text: /Too many open files|\bEMFILE\b|\[Errno 24\]|\bsystem socket count has been exceeded\b/i,
      },
      ...common,
      ...leakFixedByRelease,
      confidence: 0.88,
      variants: [inCore, inCustom, inAddon],
      title: 'Home Assistant ran out of file handles',
      rootCause:
        'The process hit its limit of open files and sockets (“{detail}”): an integration opens connections or files and does not close them — typically camera streams, HTTP sessions or serial devices.',
      manualSteps: [
        'Note which integration logged errors first; disable recently added or updated integrations (custom ones first) one at a time until the errors stop.',
        'Update that integration: leaks are fixed in its releases. If no fixed release exists, report the leak to its author with this log.',
        'A restart frees the handles for a while, until the leak fills them again.',
      ],
    },
    {
      id: 'threads',
      match: {
        text: /can't start new thread|can't create new thread|Resource temporarily unavailable[^\n]{0,40}thread/i,
      },
      ...common,
      ...leakFixedByRelease,
      confidence: 0.85,
      variants: [inCore, inCustom, inAddon],
      title: 'Home Assistant cannot start new threads',
      rootCause:
        'The process hit the system’s thread limit (“{detail}”): an integration starts threads and does not stop them.',
      manualSteps: findLeak,
    },
    {
      // Home Assistant closes a frontend's connection that lets thousands of messages pile up:
      // the browser or tablet cannot keep up, or something floods it with state changes.
      id: 'client_backlog',
      match: {
        text: /\bClient unable to keep up with pending messages\b|\bClient exceeded max pending messages\b/,
      },
      category: 'resource_exhaustion',
      remedy: 'notify_only',
      severity: 'warning',
      confidence: 0.75,
      actions: [],
      tests: [
        {
          kind: 'no_new_matching_errors',
          description: 'No frontend connection is closed for a backlog any more.',
          timeout_s: 3600,
        },
      ],
      title: 'A dashboard cannot keep up with Home Assistant’s messages',
      rootCause:
        'Home Assistant closed a frontend’s connection because thousands of messages waited for it (“{detail}”): the device showing the dashboard (often an old tablet) is too slow for what it shows, or something changes states far too often (a log or state flood, a runaway automation), or Home Assistant itself is overloaded.',
      impact: 'That dashboard disconnects and reconnects; it shows stale values meanwhile.',
      manualSteps: [
        'Look for what changes states very often (Settings → System → Logs, the logbook): a runaway automation or a chatty integration; fix or throttle it.',
        'On a slow tablet, show fewer entities and history graphs on its dashboard.',
        'If Home Assistant’s CPU is high (Settings → System → Hardware), find what loads it before anything else.',
      ],
    },
  ],
};
