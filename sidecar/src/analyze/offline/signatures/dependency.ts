/** Python requirements that could not be installed, so the integration cannot load. */
import { AGAINST_CORE_PIN } from '../libraries.js';
import { DNS_FAILED, NETWORK_UNREACHABLE } from '../patterns.js';
import type { Outcome, SignatureFamily } from '../types.js';

const REQUIREMENT_FAILED =
  /Requirements for (?<domain>\w+) not found: \[['"]?(?<package>[^\]'"]+)|Unable to install package (?<package2>[^\s:]+)|Could not find a version that satisfies the requirement (?<package3>\S+)|No matching distribution found for (?<package4>\S+)|Failed building wheel for (?<package5>\S+)|Could not build wheels for (?<package6>\S+)|subprocess-exited-with-error|ResolutionImpossible|conflicting dependencies|Error installing requirements|Failed to install requirement/i;

/** What pip says when it ran and failed; without it, the installation may only not have happened yet. */
const PIP_DETAIL =
  /Could not find a version|No matching distribution|Failed building wheel|Could not build wheels|subprocess-exited-with-error|ResolutionImpossible|conflicting dependencies|No solution found|unsatisfiable|No module named/i;

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

/**
 * Home Assistant installs its own integrations' requirements together with its pins before
 * every release: a conflicting version is asked for by a custom integration, a copy under
 * one of its names or another that uses the same library.
 */
const copyOfCore = (what: string) => ({
  when: { core: true },
  set: {
    rootCause: `${what}. Home Assistant’s own {integration} is installed with these pins before every release, so what asks for it is a custom integration: a copy of {integration} under its name (an old or forked version), or another one that uses the same library.`,
    manualSteps: [
      'Find the custom integration in custom_components that requires it (a folder named {integration}, or one that uses the same library): update it, or remove it.',
      'Then restart Home Assistant.',
    ],
  },
});

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
      // The index answered, with a server error: the outage is on its side.
      id: 'index_outage',
      match: {
        text: /(?:HTTP status server error \(5\d\d|\b5\d\d Server Error)[^\n]*(?:wheels\.home-assistant\.io|pypi|\/simple\/|-index\/)/i,
      },
      ...common,
      confidence: 0.88,
      remedy: 'notify_only',
      title: 'The package index is down, so requirements cannot be installed',
      rootCause:
        'Installing requirements failed because the package index answered with a server error (“{detail}”): the outage is on its side (Home Assistant’s wheels index or PyPI), not in this installation. Integrations whose requirements are not installed yet cannot start until it is back.',
      manualSteps: [
        'Wait until the index is reachable again (Home Assistant’s status page or community forum usually report outages).',
        'Then restart Home Assistant so the missing requirements are installed.',
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
      // Home Assistant pins some packages for every integration (package_constraints.txt):
      // a custom integration pinning another version can never install.
      id: 'against_core_pin',
      match: { text: AGAINST_CORE_PIN, with: [REQUIREMENT_FAILED] },
      ...common,
      confidence: 0.86,
      remedy: 'update_or_remove_custom_component',
      variants: [
        copyOfCore(
          '{integration} requires {package}, another version than the one Home Assistant pins for every integration',
        ),
      ],
      title: '{integration} requires {package}, which conflicts with Home Assistant’s own version',
      rootCause:
        '{integration} pins {package}, but Home Assistant pins a different version of that package for every integration (package_constraints.txt), so it can never be installed next to it. Retrying or restarting installs nothing new; a release of {integration} that follows Home Assistant’s version is needed.',
      manualSteps: [
        'Update {integration} and check its issue tracker for this requirement.',
        'If no fixed release exists, remove it (or stay on the previous Home Assistant release) until one does.',
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
        copyOfCore(
          'Installing the requirements of {integration} failed because two pinned versions contradict each other (“{detail}”)',
        ),
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
      // Nothing says why: after an update the package index or the wheels mirror often
      // lags behind the release that needs it, and the next start installs it.
      id: 'not_installed_yet',
      match: {
        text: /Requirements for (?<domain>\w+) not found: \[['"]?(?<package>[^\]'"]+)/,
        unless: PIP_DETAIL,
      },
      ...common,
      confidence: 0.83,
      remedy: 'restart_core',
      actions: [
        {
          action_id: 'restart_core',
          params: {},
          rationale:
            'Requirements are installed while Home Assistant starts: a restart retries installing {package}.',
          risk: 'medium',
        },
      ],
      title: 'The requirement {package} of {integration} is not installed',
      rootCause:
        '{integration} could not be set up because its requirement {package} was not installed, and the log does not say why. Most often the installation failed for a passing reason right after an update (the package index or wheel mirror had not caught up, a network hiccup), and the next start installs it.',
      manualSteps: [
        'Restart Home Assistant once more so it retries installing {package}.',
        'If it fails again, look just before this line for pip’s error (a version conflict or no build for this system) and check the issue tracker of {integration}.',
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
      // HACS installs a custom integration from an archive its release carries: a release
      // published without it (its build failed, or the archive is named otherwise) has nothing
      // to download.
      id: 'release_asset_missing',
      match: {
        text: /No assets found for release\b|Got status code 404 when trying to download \S+\/releases\/download\//,
      },
      ...common,
      confidence: 0.8,
      remedy: 'update_or_remove_custom_component',
      actions: [],
      title: 'HACS finds nothing to download for this release',
      rootCause:
        'HACS finds no archive to download for the release it was asked to install (“{detail}”): the release was published without the file HACS installs (its build failed, or the file is named otherwise). Nothing is wrong on this system; the installed version stays as it was.',
      manualSteps: [
        'Install the previous release instead (HACS → the integration → ⋮ → Redownload, pick the version), or wait for a fixed release.',
        'If none comes within days, report the missing file on the integration’s issue tracker.',
      ],
    },
    {
      // Home Assistant Core installed with pip, on a Python it no longer (or not yet) runs on.
      id: 'python_unsupported',
      match: {
        // (Its notice that a Python version is deprecated is information, not this.)
        text: /\brequires Python '[<>=!~]=?[\d.]+' but the running Python is [\d.]+/,
        minLevel: 'INFO',
      },
      ...common,
      confidence: 0.85,
      remedy: 'fix_config_then_reload',
      title: 'Home Assistant runs on a Python version it does not support',
      rootCause:
        'Home Assistant says the Python it runs on is not one it supports (“{detail}”): a Home Assistant Core installation (a virtual environment) keeps the Python it was created with, and new releases require newer ones.',
      impact:
        'Home Assistant cannot be updated, or stops starting, until it runs on a supported Python.',
      manualSteps: [
        'Install a supported Python version and create the virtual environment anew with it, then install Home Assistant into it.',
        'Or move to an installation that brings its own Python (Home Assistant OS or the container).',
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
