/**
 * Issues of the Supervisor's resolution center. The collector names each
 * `Supervisor reports <type> in <context> (<reference>)`; the Supervisor often offers a fix of
 * its own, which LLM Ops proposes to apply when it is a safe kind (apply_suggestion checks).
 */
import type { ActionTemplate, Outcome, SignatureFamily } from '../types.js';

const KIND = ['supervisor_issue'] as const;
const ISSUE = /^Supervisor reports (?<issue_type>[a-z0-9_]+) in (?<issue_context>[a-z_]+)/;

const suggested: ActionTemplate = {
  action_id: 'apply_suggestion',
  params: {},
  rationale:
    'The Supervisor suggests this fix for its own issue; it runs it itself and the issue goes when it worked.',
  risk: 'medium',
};

const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence' | 'category' | 'remedy'> = {
  severity: 'warning',
  impact: 'As the Supervisor describes it in Settings → System → Repairs.',
  actions: [suggested],
  tests: [],
  manualSteps: [
    'Open Settings → System → Repairs: the Supervisor’s issue is listed there with its own explanation and, where it has one, its fix.',
  ],
};

/** The resolution center's issues. */
export const supervisor: SignatureFamily = {
  family: 'supervisor',
  signatures: [
    {
      // A Supervisor job refused to run because a condition it checks first does not hold.
      id: 'job_blocked',
      match: {
        text: /['‘’]?(?<job>[A-Z]\w*\.\w+)['‘’]? blocked from execution, (?<reason>[^\n]+)/,
      },
      ...common,
      actions: [],
      category: 'other',
      remedy: 'notify_only',
      confidence: 0.6,
      variants: [
        {
          when: { text: /blocked from execution, no (?:host )?internet connection/ },
          set: {
            category: 'network_unreachable',
            remedy: 'check_network_or_device',
            confidence: 0.75,
            rootCause:
              'The Supervisor did not run {job} because it finds no internet connection from the host (“{detail}”): its connectivity check failed, so installs and updates wait. The DNS server, the router or a firewall blocking the check is the usual cause.',
            manualSteps: [
              'Check the host’s network and DNS (Settings → System → Network; `ha network info`), and that the router lets it reach the internet.',
              'Then try again; the Supervisor checks the connection again by itself.',
            ],
          },
        },
      ],
      title: 'The Supervisor did not run {job}: {reason}',
      rootCause:
        'The Supervisor refused to run {job} because a condition it checks first does not hold (“{detail}”): while a backup or an update runs the system is frozen, and an unhealthy or unsupported system blocks some jobs. It runs again once that is over.',
      manualSteps: [
        'Wait for what the reason names (a backup or update in progress) to finish, then try again.',
        'If it names an unhealthy or unsupported system, Settings → System → Repairs says why.',
      ],
    },
    {
      id: 'addon_boot_fail',
      match: { kind: KIND, text: /^Supervisor reports boot_fail in addon/, minLevel: 'INFO' },
      ...common,
      category: 'addon_crash',
      remedy: 'restart_addon',
      severity: 'error',
      confidence: 0.85,
      title: 'The app {addon} failed to start at boot',
      rootCause:
        'The Supervisor could not start the app {addon} when the system booted (“{detail}”); it stays stopped until started again.',
      impact: 'What the app provides (a broker, a database, a bridge) is missing until it runs.',
      actions: [
        suggested,
        {
          action_id: 'restart_addon',
          params: { slug: '$addon' },
          rationale: 'Start the app again; read its log first if it fails at once.',
          risk: 'medium',
        },
      ],
      tests: [{ kind: 'addon_started', description: 'The app runs again.', timeout_s: 120 }],
    },
    {
      id: 'network',
      match: {
        kind: KIND,
        text: /^Supervisor reports (?<issue_type>dns_server_failed|dns_server_ipv6_error|ipv4_connection_problem|network_interface_ipv4)\b/,
        minLevel: 'INFO',
      },
      ...common,
      category: 'network_unreachable',
      remedy: 'check_network_or_device',
      confidence: 0.8,
      title: 'The Supervisor reports a network problem ({issue_type})',
      rootCause:
        'The Supervisor found a problem with the system’s network or DNS (“{detail}”): updates, app installs and cloud services can fail until it is fixed.',
      manualSteps: [
        'Check Settings → System → Network (DNS servers, IPv4/IPv6) and that the router answers DNS.',
        ...common.manualSteps,
      ],
    },
    {
      id: 'docker_ratelimit',
      match: { kind: KIND, text: /^Supervisor reports docker_ratelimit\b/, minLevel: 'INFO' },
      ...common,
      category: 'rate_limited',
      remedy: 'notify_only',
      actions: [],
      confidence: 0.85,
      title: 'Docker Hub limits the system’s image downloads',
      rootCause:
        'Docker Hub answered that this address pulled too many images (“{detail}”); installs and updates wait until the limit resets (hours).',
    },
    {
      id: 'issue',
      match: { kind: KIND, text: ISSUE, minLevel: 'INFO' },
      ...common,
      category: 'other',
      remedy: 'notify_only',
      confidence: 0.7,
      title: 'The Supervisor reports {issue_type} ({issue_context})',
      rootCause:
        'The Supervisor’s resolution center reports “{detail}”. Where it offers a safe fix (start, restart, reload, a backup), LLM Ops proposes to apply it.',
    },
    {
      // A network storage (Settings → System → Storage) the host cannot mount: the share is
      // unreachable, its credentials or version are refused, or it has no room left.
      id: 'mount_failed',
      match: {
        text: /\b(?:Mounting|Reloading|Restarting) (?<mount>\S+) did not succeed\b|\bCould not reload mount (?<mount2>\S+) due to\b|\bMount (?<mount3>\S+) failed to mount, mounting read-only fallback\b|\bFailed to activate mount (?<mount4>\S+)\b/,
      },
      ...common,
      actions: [],
      category: 'device_unavailable',
      remedy: 'check_network_or_device',
      severity: 'error',
      confidence: 0.76,
      title: 'The network storage {mount} cannot be mounted',
      rootCause:
        'The host could not mount the network storage {mount} (“{detail}”): the NAS or share does not answer at its address, it refuses the user, password or protocol version, or the share is full.',
      impact:
        'Backups, media or shares that use {mount} fail until it mounts; add-ons reading from it see an empty or read-only folder.',
      manualSteps: [
        'Check that the NAS answers at the address configured and that the share exists (open it from another computer with the same user).',
        'Check the credentials and, for CIFS/SMB, the protocol version (an old NAS may need SMB 1.0 or 2.0 set explicitly under Settings → System → Storage).',
        'Check the free space of the share itself, not only of the NAS.',
        'The host’s log (Settings → System → Logs → Host) shows the mount command’s own error.',
      ],
    },
  ],
};
