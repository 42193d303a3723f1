/**
 * Real wordings of Home Assistant Core dying (signatures/core.ts): the lines its container's
 * supervision and the Supervisor's watchdog write (home-assistant/core#101027,
 * home-assistant/supervisor#7070, the Supervisor's homeassistant/core.py).
 */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

const core = (text: string, level = 'INFO') =>
  input('homeassistant', [line(text, level)], { kind: 'log_record', subject: 'core:log' });

recognises('core', [
  c(
    'a start the Supervisor waited for in vain',
    input('hassio', [
      line(
        'No Home Assistant Core response, assuming a fatal startup error',
        'ERROR',
        'supervisor.homeassistant.core',
      ),
    ]),
    'core.start_hung',
    'other',
    'notify_only',
  ),
  c(
    'an update the Supervisor rolled back',
    input('hassio', [
      line('HomeAssistant update failed -> rollback!', 'CRITICAL', 'supervisor.homeassistant.core'),
    ]),
    'core.update_rolled_back',
    'other',
    'notify_only',
  ),
  c(
    'an illegal instruction after an update (#101027)',
    core('[22:17:54] INFO: Home Assistant Core finish process received signal 4'),
    'core.illegal_instruction',
    'other',
    'notify_only',
  ),
  c(
    'the watchdog restarting Core after exit code 132 (supervisor#7070)',
    core('Watchdog found Home Assistant exited with code 132, restarting...', 'ERROR'),
    'core.illegal_instruction',
    'other',
    'notify_only',
  ),
  c(
    'killed for memory',
    core('[03:12:01] INFO: Home Assistant Core finish process received signal 9'),
    'core.killed',
    'resource_exhaustion',
    'notify_only',
  ),
  c(
    'a segmentation fault',
    core('Fatal Python error: Segmentation fault', 'UNKNOWN'),
    'core.segfault',
    'other',
    'notify_only',
  ),
  c(
    'the watchdog restarting a failed Core',
    core('Watchdog found Home Assistant failed, restarting...', 'ERROR'),
    'core.crashed',
    'other',
    'notify_only',
  ),
]);
