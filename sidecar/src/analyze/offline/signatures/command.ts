/**
 * Commands Home Assistant runs for the user: command_line sensors and switches, shell_command
 * actions. The command is the user's, so what fails is its configuration or the script it
 * calls; the words are Home Assistant's own (command_line/utils.py, shell_command).
 */
import type { SignatureFamily } from '../types.js';
import { common } from './config-parts.js';

/** The command line integrations log under their own package. */
const COMMAND_LOGGER = /^homeassistant\.components\.(?:command_line|shell_command)\b/;

/** Commands that are missing, fail or hang. */
export const command: SignatureFamily = {
  family: 'command',
  signatures: [
    {
      id: 'failed',
      match: {
        text: /\bCommand failed \(with return code (?<code>\d+)\): (?<command>[^\n]+)|\bError running command: `(?<command2>[^`\n]+)`, return code: (?<code2>\d+)|\bError trying to exec command: (?<command3>[^\n]+)|\bTimeout for command: (?<command4>[^\n]+)|\bTimed out running command: `(?<command5>[^`\n]+)`/,
        logger: COMMAND_LOGGER,
      },
      ...common,
      confidence: 0.8,
      impact:
        'What the command should deliver (a sensor’s value, a switch’s state, an action’s effect) does not happen.',
      variants: [
        {
          // shell_command's words: an action an automation or script calls.
          when: { text: /\b(?:Error|Timed out) running command: `/ },
          set: {
            category: 'automation_error',
            impact: 'The automation or script that calls the command goes on without its effect.',
          },
        },
        {
          // Not found (127) or not executable (126): a program the Home Assistant container
          // lacks, or a path that is wrong inside it.
          when: {
            text: /\breturn code:? (?:126|127)\b|\(with return code 12[67]\)|Error trying to exec command/,
          },
          set: {
            rootCause:
              'The command[[ “{command}”]] cannot be run (“{detail}”): the program or script is not where the configuration says, is not executable, or exists on the host but not inside Home Assistant’s container.',
          },
        },
        {
          when: { text: /\bTime(?:out|d out) (?:for|running) command\b/ },
          set: {
            rootCause:
              'The command[[ “{command}”]] did not finish in time (“{detail}”): it waits on a host or device that does not answer (an ssh or curl without a timeout), asks for input, or simply runs longer than the integration’s command_timeout.',
            manualSteps: [
              'Run the command by hand where Home Assistant runs it (a shell_command can be called from Developer tools → Actions, which shows its output) to see where it hangs.',
              'Give its network calls a timeout, run long jobs in the background, or raise `command_timeout` for a command_line entity.',
            ],
          },
        },
      ],
      title: 'A command Home Assistant runs for you fails[[: {command}]]',
      rootCause:
        'The command[[ “{command}”]] ended with an error (“{detail}”): the script itself fails, or it runs differently inside Home Assistant’s container (another user, no keys for ssh, other paths) than in your own shell.',
      manualSteps: [
        'Run the command by hand as Home Assistant runs it (inside its container, as its user) and read its error output.',
        'Fix the command or the script in the configuration (absolute paths, ssh keys and known_hosts kept under /config), then reload the command line entities or run the action again.',
      ],
    },
  ],
};
