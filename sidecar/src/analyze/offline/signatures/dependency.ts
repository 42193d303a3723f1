/** Python requirements that could not be installed, so the integration cannot load. */
import { DNS_FAILED, NETWORK_UNREACHABLE } from '../patterns.js';
import type { Outcome, SignatureFamily } from '../types.js';

const REQUIREMENT_FAILED =
  /Requirements for (?<domain>\w+) not found: \[['"]?(?<package>[^\]'"]+)|Unable to install package (?<package2>[^\s:]+)|Could not find a version that satisfies the requirement (?<package3>\S+)|No matching distribution found for (?<package4>\S+)|Failed building wheel for (?<package5>\S+)|Could not build wheels for (?<package6>\S+)|subprocess-exited-with-error|ResolutionImpossible|conflicting dependencies|Error installing requirements|Failed to install requirement/i;

const PYPI_UNREACHABLE = new RegExp(
  `Failed to establish a new connection|Max retries exceeded|ConnectTimeout|Read timed out|ProxyError|connection broken by|${DNS_FAILED.source.replace(/\(\?<\w+>/g, '(')}|${NETWORK_UNREACHABLE.source}`,
  'i',
);

const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence' | 'remedy' | 'manualSteps'> = {
  category: 'dependency_install',
  severity: 'error',
  impact: '{integration} does not load; its entities are unavailable.',
  actions: [],
  tests: [
    {
      kind: 'config_entry_loaded',
      description: '{integration} loads after the change.',
      timeout_s: 900,
    },
    {
      kind: 'no_new_matching_errors',
      description: 'No new requirement errors for {integration}.',
      timeout_s: 1800,
    },
  ],
};

const customFix = {
  when: { custom: true },
  set: {
    remedy: 'update_or_remove_custom_component' as const,
    rootCause:
      'The custom integration {integration} declares a requirement ({package}) that cannot be installed on this Home Assistant: the version does not exist, does not build for this Python or CPU, or conflicts with Home Assistant’s own pinned packages (“{detail}”). Retrying or restarting installs nothing new; a fixed release of {integration} is needed.',
    manualSteps: [
      'Update {integration} and check its issue tracker for this requirement error.',
      'If no fixed release exists, remove it until one does (its failing requirement blocks its setup).',
    ],
  },
};

/** Python requirements that cannot be installed. */
export const dependency: SignatureFamily = {
  family: 'dependency',
  signatures: [
    {
      id: 'blocked_by_constraints',
      match: { text: /==1000000000\.0\.0|package_constraints\.txt/, with: [REQUIREMENT_FAILED] },
      ...common,
      confidence: 0.9,
      remedy: 'update_or_remove_custom_component',
      title: '{integration} requires {package}, which Home Assistant blocks',
      rootCause:
        '{integration} requires {package}, a package Home Assistant deliberately blocks (pinned to an impossible version in package_constraints.txt) because it breaks Home Assistant — for example a PyPI package that shadows a built-in Python module. It can never install; only a release of {integration} without that requirement works.',
      manualSteps: [
        'Update {integration} to a release whose manifest no longer lists {package}, or remove the integration.',
        'Retrying, restarting or fixing the network does not help: the block is intentional.',
      ],
    },
    {
      id: 'index_unreachable',
      match: { text: REQUIREMENT_FAILED, with: [PYPI_UNREACHABLE] },
      ...common,
      confidence: 0.88,
      remedy: 'check_network_or_device',
      title: '{integration} could not download {package}: no connection to the package index',
      rootCause:
        'Installing {package} for {integration} failed because pip could not reach the package index (“{detail}”). Requirements are installed when an integration is first set up, so without internet access (or with broken DNS or a proxy in the way) it cannot start.',
      actions: [
        {
          action_id: 'restart_core',
          params: {},
          rationale:
            'Only once the host reaches pypi.org again: requirements are installed during startup, so a restart retries the installation.',
          risk: 'medium',
        },
      ],
      manualSteps: [
        'Check the host’s internet connection and DNS (Settings → System → Network).',
        'Then restart Home Assistant so the requirement is installed.',
      ],
    },
    {
      // A pin that contradicts another pin (often Home Assistant's own): a release of
      // whoever pins wrongly fixes it, and that is most often a custom integration.
      id: 'version_conflict',
      match: {
        text: /No solution found when resolving dependencies|ResolutionImpossible|conflicting dependencies|requirements are unsatisfiable|Cannot install [^\n]* because these package versions have conflicting dependencies/i,
      },
      ...common,
      confidence: 0.84,
      remedy: 'update_or_remove_custom_component',
      variants: [
        {
          when: { core: true },
          set: {
            remedy: 'notify_only' as const,
            rootCause:
              'Installing the requirements of {integration} failed because two pinned versions contradict each other (“{detail}”); a Home Assistant release with consistent pins fixes it.',
          },
        },
      ],
      title: 'The requirements of {integration} conflict with other packages',
      rootCause:
        'Installing {package} for {integration} failed because its pinned version contradicts another pinned package, usually one Home Assistant itself pins (“{detail}”). Retrying or restarting installs nothing new: the integration that pins the conflicting version needs a release that follows Home Assistant’s pins.',
      manualSteps: [
        'Update the custom integration that names this requirement, and check its issue tracker for the conflict.',
        'If no fixed release exists, remove it until one does; a custom integration pinning an old version blocks itself (and sometimes others).',
      ],
    },
    {
      id: 'install_failed',
      match: { text: REQUIREMENT_FAILED },
      ...common,
      confidence: 0.82,
      remedy: 'notify_only',
      variants: [customFix],
      title: 'Installing the requirements of {integration} failed',
      rootCause:
        '{integration} needs {package}, and installing it failed (“{detail}”): no build of it exists for this Python version or CPU, or it conflicts with another pinned package.',
      manualSteps: [
        'Read the full pip error for the reason (no wheel for this platform, or a version conflict).',
        'Update Home Assistant; if the latest release still fails, report it with the pip error.',
      ],
    },
    {
      id: 'module_missing',
      match: { text: /No module named '(?!homeassistant\b)(?<package>\w+)'/ },
      ...common,
      confidence: 0.7,
      remedy: 'notify_only',
      variants: [customFix],
      title: '{integration} cannot import {package}',
      rootCause:
        'The Python package {package} that {integration} imports is not installed (“{detail}”): its requirement failed to install earlier, or the integration does not declare it.',
      manualSteps: [
        'Look earlier in the log for a failed installation of {package} and fix that first (usually the network).',
        'Restart Home Assistant to retry installing requirements.',
      ],
    },
  ],
};
