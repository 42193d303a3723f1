/** Real-world wordings of the log_flood family's failures (signatures/log-flood.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('log_flood', [
  c(
    // A debug line the custom integration logged as an error, 244 times in half an hour.
    "a custom integration's line that comes every few seconds",
    input('solar_sunsynk', [
      {
        ...line('Region 2', 'UNKNOWN', 'custom_components.solar_sunsynk.sunsynkapi', 244),
        perDay: 12_700,
      },
    ]),
    'log_flood.frequent_line',
    'log_flood',
    'update_or_remove_custom_component',
  ),
  c(
    'a warning that comes every ten seconds',
    input('miele', [
      {
        ...line('Connection was closed, restarting', 'WARNING', 'pymiele.pymiele', 6),
        perDay: 8640,
      },
    ]),
    'log_flood.frequent_line',
    'log_flood',
    'notify_only',
  ),
  c(
    'Home Assistant’s own warning about a module logging too often',
    input('zha', [
      line(
        'Module homeassistant.components.zha.core.cluster_handlers is logging too frequently. 200 messages since last count',
        'WARNING',
        'homeassistant.util.logging',
      ),
    ]),
    'log_flood.too_frequent',
    'log_flood',
    'notify_only',
  ),
  c(
    'a custom integration logging too often',
    input(
      'places',
      [
        line(
          'Module custom_components.places.sensor is logging too frequently. 200 messages since last count',
          'WARNING',
          'homeassistant.util.logging',
        ),
      ],
      { custom: true },
    ),
    'log_flood.too_frequent',
    'log_flood',
    'update_or_remove_custom_component',
  ),
  c(
    'one warning repeated thousands of times',
    input('tuya', [
      line(
        'Device bf0a1c2d3e4f5a6b7c8d status payload has no dps field',
        'WARNING',
        'homeassistant.components.tuya',
        4812,
      ),
    ]),
    'log_flood.repeated_line',
    'log_flood',
    'notify_only',
  ),
]);
