/**
 * Building and uploading a device's firmware (ESPHome's dashboard and command line): the
 * device's configuration that does not validate, and an over-the-air upload the device refuses;
 * and a Zigbee/Thread radio whose firmware is not the kind its integration needs. The words are
 * ESPHome's own (esphome/config.py, esphome/espota2.py), ZHA's and universal-silabs-flasher's.
 */
import type { Outcome, SignatureFamily } from '../types.js';

const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence' | 'manualSteps'> = {
  category: 'invalid_config',
  remedy: 'fix_config_then_reload',
  severity: 'error',
  impact: 'The device keeps its old firmware until the build or upload succeeds.',
  actions: [],
  tests: [
    {
      kind: 'no_new_matching_errors',
      description: 'The next install of the firmware succeeds.',
      timeout_s: 3600,
    },
  ],
};

/** A device's firmware that cannot be built or uploaded. */
export const firmware: SignatureFamily = {
  family: 'firmware',
  signatures: [
    {
      // ESPHome's validation of a device's YAML: it names the component, platform, id or pin.
      id: 'config_invalid',
      match: {
        text: /^Failed config$|\bComponent not found: \S+|\bPlatform not found: '[^'\n]+'|\bCouldn't find ID '[^'\n]+'\. Please check you have defined an ID\b|\brequires a 'platform' key but it was not specified\b|\bPin \S+ is used in multiple places\b/m,
      },
      ...common,
      confidence: 0.85,
      title: 'A device’s ESPHome configuration does not validate',
      rootCause:
        'ESPHome cannot build the device’s firmware because its configuration does not validate (“{detail}”): a component or platform that does not exist (or moved, as `ota:` needing `platform: esphome` since 2024.6), an id used before it is defined, or a pin used twice.',
      manualSteps: [
        'Open the device’s YAML in the ESPHome dashboard and fix the line the error points at; the release notes of the ESPHome version name renamed or moved components.',
        'Validate it, then install it again.',
      ],
    },
    {
      // The over-the-air upload's password (the device's `ota: password:`) does not match.
      id: 'ota_password',
      match: {
        text: /\bError: Authentication invalid\. Is the password correct\?|\bESP requests password, but no password given!/,
      },
      ...common,
      confidence: 0.88,
      title: 'The device refuses the firmware upload’s password',
      rootCause:
        'The device asks for an over-the-air password the upload does not give, or a different one (“{detail}”): its running firmware was built with another `ota:` password than the configuration now holds.',
      manualSteps: [
        'Put the password the running firmware has back in the device’s `ota:` section (or in secrets.yaml), install once, and change it afterwards if needed.',
        'If it is not known any more, install over USB once.',
      ],
    },
    {
      // The device's flash has no room for the new image beside the running one.
      id: 'ota_no_space',
      match: {
        text: /\bError: Couldn't prepare flash memory for update\. Is the binary too big\?|\bError: ESP does not have enough space to store OTA file\b/,
      },
      ...common,
      category: 'resource_exhaustion',
      confidence: 0.88,
      title: 'The new firmware does not fit on the device',
      rootCause:
        'The device has no room for the new firmware beside the one it runs (“{detail}”): the image grew with the components added, or the flash is small (1 MB ESP8266 boards).',
      manualSteps: [
        'Install a minimal firmware first (only wifi, api and ota), then the full one.',
        'Or remove components the device does not need, or install over USB.',
      ],
    },
    {
      // A Silicon Labs stick runs Thread or multiprotocol firmware where ZHA needs Zigbee's (or
      // the reverse), or an image made for another stick is offered to it.
      id: 'radio_firmware_mismatch',
      match: {
        text: /\bIncorrect firmware installed\b|\bRunning image type \S+ does not match firmware image type\b|\bFirmware image was rejected by the device\b|\bdoes not appear to be a valid firmware image\b/,
      },
      ...common,
      impact:
        'The radio does not run what its integration needs: its Zigbee or Thread devices are unavailable until it does.',
      confidence: 0.82,
      title: 'The radio’s firmware is not the kind it needs',
      rootCause:
        'The Zigbee/Thread radio’s firmware does not fit what is asked of it (“{detail}”): the stick runs Thread or multiprotocol firmware where ZHA needs Zigbee (or the reverse), or the image offered was made for another stick.',
      manualSteps: [
        'Install the firmware the integration needs from the stick’s own page (Settings → System → Hardware, or the device’s configuration), or with its maker’s web flasher.',
        'When flashing by hand, take the image made for this exact stick and the kind of firmware (Zigbee, Thread, multiprotocol) you need.',
      ],
    },
  ],
};
