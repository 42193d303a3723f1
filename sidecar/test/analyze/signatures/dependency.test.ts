/** Real-world wordings of the dependency family's failures (signatures/dependency.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('dependency', [
  c(
    'a requirement Home Assistant blocks',
    input('anniversaries', [
      line(
        'Unable to install package uuid: ERROR: Could not find a version that satisfies the requirement uuid==1000000000.0.0 (from -c /usr/src/homeassistant/homeassistant/package_constraints.txt (line 51))',
      ),
    ]),
    'dependency.blocked_by_constraints',
    'dependency_install',
    'update_or_remove_custom_component',
  ),
  c(
    'a requirement without network',
    input('met', [
      line(
        "Setup failed for 'met': Requirements for met not found: ['PyMetno==0.12.0'].\nFailed to establish a new connection: [Errno -3] Try again",
      ),
    ]),
    'dependency.index_unreachable',
    'dependency_install',
    'check_network_or_device',
  ),
  c(
    'a custom requirement that does not build',
    input('mitemp_bt', [
      line(
        "Setup failed for custom integration 'mitemp_bt': Requirements for mitemp_bt not found: ['bluepy==1.3.0'].",
      ),
      line('Unable to install package bluepy==1.3.0: error: Failed building wheel for bluepy'),
    ]),
    'dependency.install_failed',
    'dependency_install',
    'update_or_remove_custom_component',
  ),
  c(
    'a core requirement that does not build',
    input(
      'bluetooth',
      [
        line(
          "Setup failed for 'bluetooth': Requirements for bluetooth not found: ['bleak-esphome'].",
        ),
        line(
          'Unable to install package bleak-esphome: No matching distribution found for bleak-esphome',
        ),
      ],
      { custom: false },
    ),
    'dependency.install_failed',
    'dependency_install',
    'notify_only',
  ),
  c(
    'a requirement not installed, with no reason given: the next start retries it',
    input('wyzeapi', [
      line(
        "Setup failed for custom integration 'wyzeapi': Requirements for wyzeapi not found: ['wyzeapy==0.5.13'].",
      ),
    ]),
    'dependency.not_installed_yet',
    'dependency_install',
    'restart_core',
  ),
  c(
    'a custom integration pinning another version of a package Home Assistant pins',
    input('oilfox', [
      line(
        "Setup failed for custom integration 'oilfox': Requirements for oilfox not found: ['aiohttp==3.9.3'].",
      ),
    ]),
    'dependency.against_core_pin',
    'dependency_install',
    'update_or_remove_custom_component',
  ),
  c(
    // ShellyForHass installs under the core domain shelly and pinned paho-mqtt 1.5.1.
    "a copy under a core integration's name pinning another version of a package Home Assistant pins",
    input('shelly', [
      line("Setup failed for shelly: Requirements for shelly not found: ['paho-mqtt==1.5.1']."),
    ]),
    'dependency.against_core_pin',
    'dependency_install',
    'update_or_remove_custom_component',
  ),
  c(
    // The IDM heat pump release action failed, so v0.9.0-beta.2 had no archive for HACS.
    'a release HACS finds no archive to download for',
    input('hacs', [
      line(
        'Download failed - Got status code 404 when trying to download https://github.com/kodebach/hacs-idm-heatpump/releases/download/v0.9.0-beta.2/idm_heatpump.zip',
        'ERROR',
        'custom_components.hacs',
      ),
    ]),
    'dependency.release_asset_missing',
    'dependency_install',
    'update_or_remove_custom_component',
  ),
  c(
    // A Core venv on Python 3.5.2 asked to install a release that needs 3.5.3.
    'Home Assistant Core on a Python it does not run on',
    input(null, [
      line("homeassistant requires Python '>=3.5.3' but the running Python is 3.5.2", 'UNKNOWN'),
    ]),
    'dependency.python_unsupported',
    'dependency_install',
    'fix_config_then_reload',
  ),
  c(
    'the package index answering with a server error',
    input(null, [
      line(
        'Caused by: HTTP status server error (503 Service Unavailable) for url (https://wheels.home-assistant.io/musllinux-index/pydabpumps/)',
      ),
    ]),
    'dependency.index_outage',
    'dependency_install',
    'notify_only',
  ),
]);
