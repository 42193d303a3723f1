/** Real-world wordings of the slow_update family's failures (signatures/slow-update.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('slow_update', [
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
    'a slow setup',
    input('speedtestdotnet', [
      line(
        'Setup of sensor platform speedtestdotnet is taking over 10 seconds.',
        'WARNING',
        'homeassistant.helpers.entity_platform',
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
]);
