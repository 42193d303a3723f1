/** Real-world wordings of the coordinator family's failures (signatures/coordinator.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('coordinator', [
  c(
    // A Yamaha WXA-50 in a bad state: only a power cycle brought it back.
    "a local device's update that failed, told only by the debug line",
    input('yamaha_musiccast', [
      line(
        'Finished fetching yamaha_musiccast data in 5.537 seconds (success: False)',
        'WARNING',
        'homeassistant.components.yamaha_musiccast',
      ),
    ]),
    'coordinator.update_failed',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // easyEnergy's API failed for a day; a release the same day followed its change.
    "a cloud service's update that failed, told only by the debug line",
    input('easyenergy', [
      line(
        'Finished fetching easyenergy data in 0.042 seconds (success: False)',
        'WARNING',
        'homeassistant.components.easyenergy',
      ),
    ]),
    'coordinator.update_failed',
    'network_unreachable',
    'notify_only',
  ),
]);
