/**
 * What the network signatures share: the outcome of a peer that does not answer, the reload
 * they propose once it does, the variants that read where the peer is, and the variants that
 * read why a name does not resolve, so that a new signature in network.ts reuses them.
 */
import { ADDON_HOST } from '../extract.js';
import {
  cameBack,
  ofCloudService,
  ofNamedService,
  onThisMachine,
  overInternet,
  schemeAsHost,
  toldToReload,
} from '../peers.js';
import type { ActionTemplate, Outcome, Variant } from '../types.js';

/**
 * A multicast DNS (.local) name that no device answered: the resolver's final "no such
 * name", not a timeout of the DNS server (that is the network's, and is read as such).
 */
const MDNS_NOT_ANSWERED =
  /[\w-]\.local\b[^\n]*?(?:Name does not resolve|Name or service not known|\[Errno -2\]|nodename nor servname provided)/i;

const reloadOnceBack: ActionTemplate = {
  action_id: 'reload_config_entry',
  params: { entry_id: '$entry_id' },
  rationale:
    'Only once {host} answers again: reload {integration} to reconnect now instead of waiting for its next retry.',
  risk: 'low',
};

export const tests: Outcome['tests'] = [
  {
    kind: 'entities_available',
    description: 'The entities of {integration} are available again.',
    timeout_s: 900,
  },
  {
    kind: 'no_new_matching_errors',
    description: 'No new connection errors from {integration}.',
    timeout_s: 1800,
  },
];

export const device: Omit<Outcome, 'title' | 'rootCause' | 'confidence'> = {
  category: 'device_unavailable',
  remedy: 'check_network_or_device',
  severity: 'error',
  impact: 'The entities of {integration} are unavailable or stale until {host} answers again.',
  actions: [reloadOnceBack],
  tests,
  manualSteps: [
    'Check that {host} is powered on, connected and answers (open its address or app from another device).',
    'If its IP address changed, give it a fixed DHCP lease and correct the address in the entry (Reconfigure).',
    'Reloading or restarting Home Assistant does not bring a device back; {integration} reconnects once it answers.',
  ],
};

/** What the peer of a failed connection is (the internet, this machine, a field holding a URL), read the same way by every signature that names one. */
export const PEER_VARIANTS = [
  overInternet,
  ofCloudService,
  ofNamedService,
  onThisMachine,
  toldToReload,
  cameBack,
  schemeAsHost,
];

/** Why a host name does not resolve, read from the resolver's words and the name itself. */
export const DNS_VARIANTS: Variant[] = [
  {
    // A .local name is answered over multicast DNS by the device itself: when the lookup
    // ends with "does not resolve", no device answered — it is off, asleep or gone.
    when: { text: MDNS_NOT_ANSWERED },
    set: {
      ...device,
      confidence: 0.7,
      title: '{host} does not answer its .local name',
      rootCause:
        '{host} is a multicast DNS name, which only the device itself answers, and no answer came (“{dns}”): the device is off, asleep (printers and TVs save power this way), out of Wi-Fi range, or on another network segment than Home Assistant.',
    },
  },
  {
    // A temporary failure: the DNS server did not answer, the name may well exist.
    when: {
      text: /Temporary failure in name resolution|\bEAI_AGAIN\b|\[Errno -3\]|\bTry again\b|Timeout while (?:resolving|contacting DNS)|DNS server returned general failure|SERVFAIL|Name has no usable address|No address associated with hostname|\blookup \S+ on \S+: (?:read|dial) udp\b/i,
    },
    set: {
      remedy: 'check_network_or_device',
      actions: [],
      rootCause:
        'Resolving[[ {host}]] failed for now (“{dns}”): the DNS server (or, for .local names, multicast DNS) did not answer in time, so {integration} cannot connect. The name itself is usually fine: the network or the DNS server is the problem.',
      manualSteps: [
        'Check that the DNS server Home Assistant uses answers (Settings → System → Network; on Supervisor installs, ha dns info), and restart the router or DNS server (Pi-hole, AdGuard) if it hangs.',
        'For .local names, check that multicast is not blocked between Home Assistant and the device (Wi-Fi isolation, VLANs), or use its IP address.',
        '{integration} recovers on its own once names resolve again.',
      ],
    },
  },
  {
    when: { publicHost: true },
    set: {
      remedy: 'check_network_or_device',
      actions: [],
      rootCause:
        'Home Assistant cannot resolve {host}, a public host name (“{dns}”): its DNS server does not answer or the host has no internet connection, so {integration} cannot reach its service.',
      manualSteps: [
        'Check that Home Assistant has a working internet connection and DNS (Settings → System → Network; on Supervisor installs, ha dns info).',
        'Restart or fix the router or DNS server (Pi-hole, AdGuard) if it is down.',
        '{integration} recovers on its own once names resolve again.',
      ],
    },
  },
  {
    when: { text: ADDON_HOST },
    set: {
      remedy: 'check_network_or_device',
      actions: [],
      rootCause:
        '{integration} connects to an add-on by its host name, and that name does not resolve (“{dns}”): add-on host names exist only while the add-on runs, so the add-on is stopped or crashed.',
      manualSteps: [
        'Start the add-on (Settings → Add-ons) and read its log for why it stopped; turn on its Watchdog.',
        '{integration} reconnects once the add-on runs again.',
      ],
    },
  },
  {
    // A port written into the host field is looked up as part of the name.
    when: {
      text: /(?:getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|Could not resolve host(?:name)?:?|\blookup) '?[A-Za-z][\w.-]*:\d{2,5}\b/,
    },
    set: {
      category: 'invalid_config',
      remedy: 'fix_config_then_reload',
      actions: [],
      rootCause:
        'The host name[[ {host}]] includes a port, so it is looked up as a name and cannot resolve (“{dns}”).',
      manualSteps: [
        'Put only the host name in the host field, and the port in its own field.',
        'Then restart or reload {integration}.',
      ],
    },
  },
];
