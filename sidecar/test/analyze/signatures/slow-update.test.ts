/** Real-world wordings of the slow_update family's failures (signatures/slow-update.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../../src/analyze/offline/engine.js';
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('slow_update', [
  c(
    'an add-on that takes long to start',
    input('hassio', [
      line(
        'Timeout while waiting for addon Frigate to start, took more than 120 seconds',
        'WARNING',
        'supervisor.addons.addon',
      ),
    ]),
    'slow_update.addon_start',
    'slow_update',
    'notify_only',
  ),
  c(
    // Home Assistant's wording since 2026, naming the entities still busy with the last update.
    'an update past its interval, in the wording that names the entities still updating',
    input('command_line', [
      line(
        'Updating command_line sensor did not complete within the scheduled update interval 0:01:00 for sensor.nas_cpu_temp, sensor.nas_uptime; these entities are still finishing a previous update, or waiting their turn for one, and will be skipped until they become available. Entities using a synchronous update() method cannot be forcibly interrupted',
        'WARNING',
        'homeassistant.components.sensor',
      ),
    ]),
    'slow_update.update_interval',
    'slow_update',
    'notify_only',
  ),
  c(
    // A stop that hangs is not a device that times out on the network.
    'a shutdown that gave up waiting for the integrations to stop',
    input(null, [
      line(
        'Timed out waiting for integrations to stop, the shutdown will continue',
        'WARNING',
        'homeassistant.core',
      ),
    ]),
    'slow_update.shutdown',
    'slow_update',
    'notify_only',
  ),
  c(
    // Some integrations name the entity (command_line in 2023.6), not the domain and platform.
    'an update past its interval named by the entity',
    input('command_line', [
      line(
        'Updating Command Line Switch Shinobi Monitor took longer than the scheduled update interval 0:01:00',
        'WARNING',
        'homeassistant.components.command_line',
      ),
    ]),
    'slow_update.update_interval',
    'slow_update',
    'notify_only',
  ),
  c(
    // The device the update waits for does not answer: that failure, not the wait, is the cause.
    'a slow update next to the timeout that made it slow',
    input('denonavr', [
      line(
        'Updating denonavr media_player took longer than the scheduled update interval 0:00:10',
        'WARNING',
        'homeassistant.helpers.entity_platform',
      ),
      line(
        'Timeout connecting to 192.168.1.40:80: the receiver did not answer',
        'ERROR',
        'homeassistant.components.denonavr.receiver',
      ),
    ]),
    'network.timeout',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // No default polls every 0.1 s: the user's scan_interval is more than the bridge can answer.
    'an update interval set shorter than an update takes',
    input('hue', [
      line(
        'Updating hue sensor took longer than the scheduled update interval 0:00:00.100000',
        'WARNING',
        'homeassistant.helpers.entity_platform',
      ),
    ]),
    'slow_update.update_interval',
    'slow_update',
    'fix_config_then_reload',
  ),
  c(
    'an entity that updates slowly',
    input('daikin', [
      line(
        'Update of climate.study is taking over 10 seconds',
        'WARNING',
        'homeassistant.helpers.entity',
      ),
    ]),
    'slow_update.entity_update',
    'slow_update',
    'notify_only',
  ),
  c(
    'an entity that updates slowly, its id masked in the paste',
    input('securitas', [
      line(
        'Update of alarm_control_panel.***6014 is taking over 10 seconds',
        'WARNING',
        'homeassistant.helpers.entity',
      ),
    ]),
    'slow_update.entity_update',
    'slow_update',
    'notify_only',
  ),
  c(
    'polling slower than its interval',
    input('samsungtv', [
      line(
        'Updating samsungtv media_player took longer than the scheduled update interval 0:00:10',
        'WARNING',
        'homeassistant.helpers.entity_platform',
      ),
    ]),
    'slow_update.update_interval',
    'slow_update',
    'notify_only',
  ),
  c(
    'a slow setup, past the start-up limit',
    input('sense', [
      line(
        'Setup of platform sense is taking longer than 60 seconds. Startup will proceed without waiting any longer.',
        'ERROR',
        'homeassistant.components.sensor',
      ),
    ]),
    'slow_update.setup',
    'slow_update',
    'notify_only',
  ),
  c(
    'a slow setup noted again and again',
    input('speedtestdotnet', [
      line(
        'Setup of sensor platform speedtestdotnet is taking over 10 seconds.',
        'WARNING',
        'homeassistant.helpers.entity_platform',
        3,
      ),
    ]),
    'slow_update.setup',
    'slow_update',
    'notify_only',
  ),
  c(
    'a slow setup next to the timeout it waited on',
    input('updater', [
      line('Setup of updater is taking over 10 seconds.', 'WARNING', 'homeassistant.setup'),
      line(
        'Timeout fetching Home Assistant update data',
        'ERROR',
        'homeassistant.components.updater',
      ),
    ]),
    'slow_update.setup',
    'slow_update',
    'notify_only',
  ),
  c(
    'a one-off slow state write: momentary load as often as a bug',
    input('pool_pump', [
      line(
        "Updating state for sensor.pump_power (<class 'custom_components.pool_pump.sensor.PumpSensor'>) took 1.2 seconds. Please create a bug report",
        'WARNING',
        'homeassistant.helpers.entity',
      ),
    ]),
    'slow_update.entity_state',
    'slow_update',
    'notify_only',
  ),
  c(
    'entities a platform does not finish adding',
    input('foo_cloud', [
      line(
        'Timed out adding entities for domain sensor with platform foo_cloud after 60s',
        'WARNING',
        'homeassistant.helpers.entity_platform',
      ),
    ]),
    'slow_update.setup',
    'slow_update',
    'notify_only',
  ),
  c(
    'a start that waits on integrations, in the newer words',
    input(null, [
      line(
        "Waiting for integrations to complete setup: {('foo_cloud', '01ABC'): 120.5}",
        'WARNING',
        'homeassistant.bootstrap',
      ),
    ]),
    'slow_update.setup',
    'slow_update',
    'notify_only',
  ),
  c(
    // The start waits on a hub that no longer accepts connections: the hub is the news.
    'a start held up by a setup whose device does not answer',
    input('insteon', [
      line(
        'Waiting on integrations to complete setup: insteon',
        'WARNING',
        'homeassistant.bootstrap',
      ),
      line(
        "Config entry '' for insteon integration not ready yet: Cannot connect to host 192.168.1.30:25105 ssl:default [Connect call failed ('192.168.1.30', 25105)]; Retrying in background",
        'WARNING',
        'homeassistant.config_entries',
      ),
    ]),
    'setup.retry_unreachable',
    'setup_retry',
    'check_network_or_device',
  ),
  c(
    // hass-opnsense's coordinator, in its own words.
    'an integration that skips a poll because the last one still runs',
    input('opnsense', [
      line(
        'Skipping DT update because the previous update is still in progress',
        'WARNING',
        'custom_components.opnsense.coordinator',
      ),
    ]),
    'slow_update.overlapping_update',
    'slow_update',
    'notify_only',
  ),
  c(
    // HomeKit Controller's own words for the same.
    'a HomeKit accessory polled again before the last poll answered',
    input('homekit_controller', [
      line(
        'HomeKit controller update skipped as previous poll still in flight: 00:11:22:33:44:55',
        'WARNING',
        'homeassistant.components.homekit_controller.connection',
      ),
    ]),
    'slow_update.overlapping_update',
    'slow_update',
    'notify_only',
  ),
  c(
    // Bermuda's own words (its logging is rate-limited, hence the count).
    'a Bluetooth tracker skipping a cycle while the last still runs',
    input('bermuda', [
      line(
        'Previous update still running, skipping this cycle. (12 previous messages suppressed)',
        'WARNING',
        'custom_components.bermuda',
      ),
    ]),
    'slow_update.overlapping_update',
    'slow_update',
    'notify_only',
  ),
]);

describe('a setup past 10 seconds, noted once', () => {
  // Home Assistant notes it at every start on slow hardware, and the setup finishes.
  it('is no incident on its own', () => {
    const once = input('waste_collection_schedule', [
      line(
        'Setup of waste_collection_schedule is taking over 10 seconds.',
        'WARNING',
        'homeassistant.setup',
      ),
    ]);
    expect(analyzeOffline(once)).toBeNull();
  });
});
