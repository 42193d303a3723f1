/** Reverse proxies Home Assistant was not told to trust: every proxied request gets a 400. */
import type { Outcome, SignatureFamily } from '../types.js';

const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence'> = {
  category: 'proxy_misconfig',
  remedy: 'fix_config_then_reload',
  severity: 'error',
  impact:
    'Requests through the reverse proxy (NGINX, Caddy, Traefik, a Cloudflare tunnel) are refused with “400: Bad Request”: remote access through it does not work.',
  actions: [
    {
      action_id: 'restart_core',
      params: {},
      rationale:
        'Only after use_x_forwarded_for and trusted_proxies are set in http: — Home Assistant reads its HTTP settings at startup.',
      risk: 'medium',
      afterUserFix: true,
    },
  ],
  tests: [
    {
      kind: 'no_new_matching_errors',
      description: 'No new reverse-proxy errors after the restart.',
      timeout_s: 900,
    },
  ],
  manualSteps: [
    'In configuration.yaml, under http:, set use_x_forwarded_for: true and add {proxy} (or its network, e.g. 172.30.33.0/24 for add-ons) to trusted_proxies.',
    'Check the configuration (Developer tools → YAML → Check configuration), then restart Home Assistant.',
  ],
};

/** Reverse proxies Home Assistant does not trust. */
export const proxy: SignatureFamily = {
  family: 'proxy',
  signatures: [
    {
      id: 'not_set_up',
      match: {
        text: /A request from a reverse proxy was received from (?<proxy>[^\s,]+),? but your HTTP integration is not set-up for reverse proxies/,
      },
      ...common,
      confidence: 0.95,
      title: 'Home Assistant rejects requests from the reverse proxy at {proxy}',
      rootCause:
        'A reverse proxy at {proxy} forwards requests with an X-Forwarded-For header, but the http: section does not enable use_x_forwarded_for, so Home Assistant refuses them.',
    },
    {
      id: 'untrusted_proxy',
      match: {
        text: /Received X-Forwarded-For header from (?:an )?untrusted proxy (?<proxy>\S+)/,
      },
      ...common,
      confidence: 0.95,
      title: 'The reverse proxy at {proxy} is not in trusted_proxies',
      rootCause:
        'Requests arrive through a proxy at {proxy} with an X-Forwarded-For header, but {proxy} is not listed in trusted_proxies — often because the proxy container got a new address on its Docker network.',
    },
    {
      // The Tailscale add-on tests, before it shares Home Assistant, that a request it
      // forwards is accepted: Home Assistant's log then shows the rejected proxy too.
      id: 'addon_proxy_test_failed',
      match: { text: /\bUnable to connect to Home Assistant as reverse proxy\b/ },
      ...common,
      confidence: 0.85,
      title: 'Home Assistant does not accept requests the Tailscale add-on forwards',
      rootCause:
        'The Tailscale add-on’s test request through its proxy was refused (“{detail}”): the http: section does not enable use_x_forwarded_for or does not list the add-on’s address in trusted_proxies, so the add-on stops instead of sharing a Home Assistant that would answer every request with 400.',
      manualSteps: [
        'In configuration.yaml, under http:, set use_x_forwarded_for: true and add 127.0.0.1 (the add-on runs on the host network) to trusted_proxies, as the add-on’s documentation shows.',
        'Check the configuration, restart Home Assistant, then start the add-on again.',
      ],
    },
    {
      id: 'bad_forwarded_header',
      match: {
        text: /Invalid IP address in X-Forwarded-For|Too many headers for X-Forwarded-(?:For|Proto|Host)|Empty value received in X-Forward|Invalid value received in X-Forwarded|Empty item received in X-Forward(?:ed)?-(?:For|Proto|Host)|Incorrect number of elements in X-Forward(?:ed)?-Proto/i,
      },
      ...common,
      confidence: 0.85,
      title: 'The reverse proxy sends forwarding headers Home Assistant cannot use',
      rootCause:
        'The proxy in front of Home Assistant sends malformed or duplicated X-Forwarded-* headers (“{detail}”), for example when two proxies are chained and both add them.',
      manualSteps: [
        'Make the proxy set X-Forwarded-For / -Proto / -Host once, with valid values; with chained proxies, list every proxy in trusted_proxies.',
        'Check the configuration, then restart Home Assistant.',
      ],
    },
  ],
};
