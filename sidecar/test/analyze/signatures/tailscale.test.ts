/** Real-world wordings of the tailscale family's failures (signatures/tailscale.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('tailscale', [
  c(
    // The add-on's share-homeassistant script, as a user pasted it without the time.
    'the tailnet does not allow Funnel for this node',
    input(null, [line("FATAL: Tailscale's Funnel support is disabled", 'UNKNOWN')]),
    'tailscale.tailnet_feature_off',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // Tailscale's own CLI (cmd/tailscale/cli/funnel.go).
    'the tailscale client refusing Funnel without the node attribute',
    input('hassio', [
      line(
        'Funnel not available; "funnel" node attribute not set. See https://tailscale.com/s/no-funnel.',
        'UNKNOWN',
      ),
    ]),
    'tailscale.tailnet_feature_off',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // tailscale up (cmd/tailscale/cli/up.go), wrapped as the add-on's log shows it.
    'tailscale up refusing settings made outside the add-on',
    input(null, [
      line(
        "Error: changing settings via 'tailscale up' requires mentioning all\nnon-default flags. To proceed, either re-run your command with --reset or\nuse the command below to explicitly mention the current value of\nall non-default settings:",
        'UNKNOWN',
      ),
    ]),
    'tailscale.settings_changed_elsewhere',
    'invalid_config',
    'fix_config_then_reload',
  ),
]);
