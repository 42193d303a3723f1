/**
 * Where the peer of a failed connection is, and what else the log says about it: the
 * variants every signature of the network family shares. An internet service is the
 * vendor's or the network's, a service on this machine is an add-on's; an integration
 * that asks for a reload, a coordinator that recovered, or a URL typed into a host field
 * change the remedy whatever the failure's words.
 */
import { RECOVERED } from './patterns.js';
import type { Variant } from './types.js';

/** The same failure towards an internet service is the network's (or the service's) problem. */
export const overInternet = {
  when: { publicHost: true },
  set: {
    category: 'network_unreachable' as const,
    actions: [],
    rootCause:
      '{integration} cannot reach its service at {host} (“{detail}”): the internet connection of the Home Assistant host, its DNS or firewall, or the service itself is down.',
    manualSteps: [
      'Check the internet connection of the Home Assistant host (Settings → System → Network) and the router.',
      'Check the service’s status page; {integration} recovers on its own once it is reachable.',
    ],
  },
};

/** A cloud integration's peer is its service on the internet, whether or not the log names it. */
export const ofCloudService = { when: { cloud: true }, set: overInternet.set };

/**
 * The integration's own words name a remote service as the peer (“while communicating with
 * API”, an API gateway's “Endpoint request timed out”): not a device on the home's network.
 */
export const ofNamedService = {
  when: {
    text: /\bcommunicating with (?:the )?(?:\w+ )?(?:API|cloud|server)\b|\bEndpoint request timed out\b|\bcloud (?:API|server|service)\b/i,
  },
  set: overInternet.set,
};

/**
 * A peer on the Home Assistant machine itself (127.0.0.1, localhost, an add-on's host name)
 * is a service there, mostly an add-on (a dashboard, a broker, a database) that is stopped or
 * crashed, not a device on the network. It may also be a daemon the user runs beside Home
 * Assistant, hence the moderate confidence.
 */
export const onThisMachine = {
  when: { localService: true },
  set: {
    category: 'addon_crash' as const,
    remedy: 'restart_addon' as const,
    confidence: 0.62,
    actions: [],
    title: 'The local service at {host} does not answer',
    rootCause:
      '{integration} cannot reach {host} (“{detail}”), a service on the Home Assistant machine itself: the add-on (or local program) that provides it is stopped, crashed or still starting.',
    impact: 'What {integration} gets from that service is unavailable until it runs again.',
    manualSteps: [
      'Check that the add-on serving {host} runs (Settings → Add-ons), read its log for why it stopped, and turn on Start on boot and Watchdog.',
      'If it is a program on the host instead, start it and check that it listens on that port.',
      '{integration} reconnects once the service answers.',
    ],
  },
};

/**
 * The integration's own message says a reload brings it back ("please reload the
 * integration"): it does not reconnect by itself once its peer is back, and its authors
 * know it.
 */
export const toldToReload = {
  when: { text: /\b(?:please )?reload (?:the|this) integration\b/i },
  set: {
    remedy: 'reload_config_entry' as const,
    actions: [
      {
        action_id: 'reload_config_entry' as const,
        params: { entry_id: '$entry_id' },
        rationale:
          '{integration} says itself that it needs a reload to reconnect; do it once {host} answers again.',
        risk: 'low' as const,
      },
    ],
  },
};

/**
 * Home Assistant's update coordinator logged that fetching works again: the peer came back
 * by itself, and nothing needs doing unless it keeps dropping.
 */
export const cameBack = {
  when: { text: RECOVERED },
  set: {
    remedy: 'notify_only' as const,
    severity: 'warning' as const,
    actions: [],
    manualSteps: [
      'Nothing to do now: {integration} reached {host} again by itself.',
      'If it keeps dropping, check the power, Wi-Fi signal or load of {host}.',
    ],
  },
};

/**
 * A URL typed into a host field: the client then connects to a host named "https" (or
 * "http") on that scheme's port, which no network can reach.
 */
export const schemeAsHost = {
  when: { text: /\b(?:connect to host|host=?'?) ?https?:(?:443|80)\b|\bhost='https?'/ },
  set: {
    category: 'invalid_config' as const,
    remedy: 'fix_config_then_reload' as const,
    confidence: 0.8,
    actions: [],
    title: 'The address of {integration} is written as a URL',
    rootCause:
      'The host field of {integration} holds a URL (with http:// or https://), so it connects to a host called “https” or “http”, which does not exist (“{detail}”).',
    manualSteps: [
      'Reconfigure {integration} (Settings → Devices & services → ⋮ → Reconfigure) with only the host name or IP address, without http:// or https:// and without a path.',
    ],
  },
};

/**
 * A service on the internet that answers too slowly is the vendor's problem: the home's
 * connection works (a name that does not resolve or a missing route would say otherwise),
 * and the integration catches up once the service is fast again.
 */
export function slowService(v: Variant): Variant {
  return {
    when: v.when,
    set: {
      ...v.set,
      remedy: 'notify_only',
      rootCause:
        '{integration}’s service[[ at {host}]] on the internet did not answer in time (“{detail}”): it is slow or partly down. The connection of this home works, or the error would be a name or route that fails.',
      manualSteps: [
        'Check the service’s status page or the integration’s issue tracker; {integration} catches up on its own once the service answers in time.',
        'If only this home sees it for long, check the internet connection of the Home Assistant host.',
      ],
    },
  };
}
