/** Real-world wordings of the command family's failures (signatures/command.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('command', [
  c(
    // command_line/utils.py: the command ran and failed.
    'a command line sensor whose command fails',
    input('command_line', [
      line(
        "Command failed (with return code 255): ssh pi@192.168.1.50 'cat /sys/class/thermal/thermal_zone0/temp'",
        'ERROR',
        'homeassistant.components.command_line',
      ),
    ]),
    'command.failed',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // command_line/utils.py: the program is not in the container.
    'a command line sensor whose program cannot be run',
    input('command_line', [
      line(
        'Error trying to exec command: /config/scripts/check.sh',
        'ERROR',
        'homeassistant.components.command_line',
      ),
    ]),
    'command.failed',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // shell_command: an action an automation calls.
    'a shell command an automation calls that fails',
    input('shell_command', [
      line(
        'Error running command: `python3 /config/scripts/backup.py`, return code: 1',
        'ERROR',
        'homeassistant.components.shell_command',
      ),
    ]),
    'command.failed',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'a shell command that does not finish in time',
    input('shell_command', [
      line(
        'Timed out running command: `/config/scripts/long_job.sh`, after: 60 seconds',
        'ERROR',
        'homeassistant.components.shell_command',
      ),
    ]),
    'command.failed',
    'automation_error',
    'fix_config_then_reload',
  ),
]);
