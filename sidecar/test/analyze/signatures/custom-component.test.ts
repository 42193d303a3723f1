/** Real-world wordings of the custom_component family's failures (signatures/custom-component.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('custom_component', [
  c(
    'a removed core API',
    input('frigate', [
      line(
        "Setup failed for custom integration 'frigate': Unable to import component: cannot import name 'Config' from 'homeassistant.core'",
      ),
    ]),
    'custom_component.removed_core_api',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a custom integration crashing with a TypeError about arguments',
    input('foo', [
      line(
        'Error setting up entry Foo for foo\nTraceback (most recent call last):\n  File "/config/custom_components/foo/__init__.py", line 20, in async_setup_entry\nTypeError: DataUpdateCoordinator.__init__() got an unexpected keyword argument \'update_method\'',
      ),
    ]),
    'custom_component.code_error',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a custom integration assigning to a now frozen entity description',
    input(
      'rd200_ble',
      [
        line(
          [
            'Error while setting up rd200_ble platform for sensor',
            '  File "/config/custom_components/rd200_ble/sensor.py", line 132, in async_setup_entry',
            "dataclasses.FrozenInstanceError: cannot assign to field 'native_unit_of_measurement'",
          ].join('\n'),
        ),
      ],
      { custom: true },
    ),
    'custom_component.code_error',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a library that moved a module under a custom integration (not a missing requirement)',
    input(
      'spotcast',
      [
        line(
          "Setup failed for custom integration 'spotcast': Unable to import component: cannot import name 'LaunchError' from 'pychromecast.error'",
          'ERROR',
          'homeassistant.setup',
        ),
      ],
      { custom: true },
    ),
    'custom_component.code_error',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
]);
