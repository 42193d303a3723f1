/** ESPHome's own words for a device's firmware it cannot build or upload (signatures/firmware.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('firmware', [
  c(
    'an ESPHome configuration whose ota: needs a platform since 2024.6',
    input(null, [
      line("'ota' requires a 'platform' key but it was not specified.", 'UNKNOWN', null),
    ]),
    'firmware.config_invalid',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'an ESPHome configuration naming an id it does not define',
    input(null, [
      line(
        "Couldn't find ID 'my_sensor'. Please check you have defined an ID with that name in your configuration.",
        'UNKNOWN',
        null,
      ),
    ]),
    'firmware.config_invalid',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    "a device refusing the upload's password",
    input(null, [
      line('ERROR Error: Authentication invalid. Is the password correct?', 'UNKNOWN', null),
    ]),
    'firmware.ota_password',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a firmware too big for the room the device has',
    input(null, [
      line(
        'ERROR Error: ESP does not have enough space to store OTA file. Please try flashing a minimal firmware (remove everything except ota)',
        'UNKNOWN',
        null,
      ),
    ]),
    'firmware.ota_no_space',
    'resource_exhaustion',
    'fix_config_then_reload',
  ),
  c(
    // ZHA finds Thread or multiprotocol firmware on a Silicon Labs stick.
    'a Zigbee stick running the wrong kind of firmware',
    input('zha', [
      line(
        'Error setting up entry Home Assistant Connect ZBT-1 for zha: Incorrect firmware installed',
        'ERROR',
        'homeassistant.config_entries',
      ),
    ]),
    'firmware.radio_firmware_mismatch',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // universal-silabs-flasher refuses to cross-flash without being told to.
    'a firmware image of another kind than the stick runs',
    input('hassio', [
      line(
        'Error: Running image type FirmwareImageType.OPENTHREAD_RCP does not match firmware image type FirmwareImageType.ZIGBEE_NCP. If you intend to cross-flash, run with `--allow-cross-flashing`.',
        'UNKNOWN',
      ),
    ]),
    'firmware.radio_firmware_mismatch',
    'invalid_config',
    'fix_config_then_reload',
  ),
]);
