/**
 * The Tailscale add-on and the tailscale client it runs: settings of the tailnet or the node
 * that stop it from sharing Home Assistant. The words are the add-on's start scripts' and
 * Tailscale's own (cmd/tailscale/cli, ipn/serve.go).
 */
import type { Outcome, SignatureFamily } from '../types.js';

const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence' | 'manualSteps'> = {
  category: 'invalid_config',
  remedy: 'fix_config_then_reload',
  severity: 'error',
  impact:
    'Home Assistant is not reachable through Tailscale the way the add-on is configured to share it.',
  actions: [],
  tests: [
    {
      kind: 'no_new_matching_errors',
      description: 'The Tailscale add-on starts without the error.',
      timeout_s: 900,
    },
  ],
};

/** Tailnet and node settings the Tailscale add-on cannot work with. */
export const tailscale: SignatureFamily = {
  family: 'tailscale',
  signatures: [
    {
      // Serve and Funnel need capabilities granted in the tailnet's admin console: HTTPS
      // certificates, and a policy that gives the node the "funnel" attribute and the port.
      id: 'tailnet_feature_off',
      match: {
        text: /\bTailscale's (?<feature>HTTPS|Funnel) support is disabled\b|\bFunnel not available; (?:"funnel" node attribute not set|HTTPS must be enabled)\b|\bport \d+ is not allowed for funnel\b/,
      },
      ...common,
      confidence: 0.85,
      title: 'Tailscale: the tailnet does not allow what the add-on is set to share',
      rootCause:
        'The add-on is set to share Home Assistant through Tailscale Serve or Funnel, but the tailnet does not grant this node what that needs (“{detail}”): HTTPS certificates are off for the tailnet, or its access policy does not give the node the funnel attribute or that port.',
      manualSteps: [
        'In the Tailscale admin console, enable HTTPS certificates (DNS page), and for Funnel add the "funnel" node attribute for this node in the access controls (the port must be 443, 8443 or 10000).',
        'Or turn sharing off in the add-on’s Configuration; then restart the add-on.',
      ],
    },
    {
      // tailscale up refuses to change a node whose settings were set some other way (by
      // hand, or by an older release of the add-on) unless every setting is given again.
      id: 'settings_changed_elsewhere',
      match: {
        text: /\bchanging settings via 'tailscale up' requires mentioning all\s+non-default flags\b/,
      },
      ...common,
      confidence: 0.8,
      title: 'Tailscale refuses the add-on’s settings: the node was set up differently',
      rootCause:
        'The node’s Tailscale settings differ from what the add-on asks for (“{detail}”): they were set outside the add-on’s options (a tailscale command run by hand, or an older release of the add-on), and tailscale up changes them only if every non-default setting is given again.',
      manualSteps: [
        'Set the add-on’s options (advertised routes, exit node, tags, …) to what the node should have; the message lists the node’s current settings.',
        'If it persists, remove the node in the Tailscale admin console and restart the add-on, so it logs in anew with its own settings.',
      ],
    },
  ],
};
