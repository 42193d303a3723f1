/** Real-world wordings of the automation family's failures (signatures/automation.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../../src/analyze/offline/engine.js';
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('automation', [
  c(
    'an automation its blueprint cannot generate',
    input(null, [
      line(
        'Failed to generate automation from blueprint: Missing input light_target, motion_entity',
        'ERROR',
        'homeassistant.components.automation',
      ),
    ]),
    'automation.invalid_config',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'a script that calls itself',
    input(null, [
      line(
        'Notify all: Disallowed recursion detected, script.notify_all tried to start script.notify_all which is already running in the current execution path; Traceback (most recent call last):',
        'WARNING',
        'homeassistant.components.script.notify_all',
      ),
    ]),
    'automation.failed',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'an action setting an option a helper does not have',
    input('input_select', [
      line(
        'Invalid option: Away (possible options: Comfort, Eco, Off)',
        'WARNING',
        'homeassistant.components.input_select',
      ),
    ]),
    'automation.invalid_action_data',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'a condition of a type that does not exist',
    input(null, [
      line(
        "Invalid condition: Invalid condition \"stat\" specified {'condition': 'stat', 'entity_id': ['binary_sensor.front_door'], 'state': 'on'}",
        'WARNING',
        'homeassistant.components.automation',
      ),
    ]),
    'automation.invalid_config',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'a delay template that renders no duration',
    input(null, [
      line(
        "Kitchen motion lights: Error rendering Kitchen motion lights delay template: offset {{ states('input_number.delay') }} should be format 'HH:MM', 'HH:MM:SS' or 'HH:MM:SS.F'",
        'ERROR',
        'homeassistant.components.automation.kitchen_motion_lights',
      ),
    ]),
    'automation.template',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    // The service helper's wording since 2024, pasted without its logger.
    'an action on entities that are missing, in the wording since 2024',
    input(null, [
      line(
        'Referenced entities light.tv_bias_light are missing or not currently available',
        'WARNING',
      ),
    ]),
    'automation.missing_reference',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'a condition naming an entity that does not exist',
    input(null, [
      line(
        "Kitchen motion lights: Error in 'condition' evaluation: In 'state': In 'state' condition: unknown entity binary_sensor.front_door",
        'WARNING',
        'homeassistant.components.automation.kitchen_motion_lights',
      ),
    ]),
    'automation.condition_failed',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    // A soundbar's state compared as a number: the automation compares the wrong thing.
    'a numeric condition on an entity whose state is no number',
    input(null, [
      line(
        "Error in 'if[0]' evaluation: In 'numeric_state': In 'numeric_state' condition: entity media_player.master_bedroom_soundbar state 'playing' cannot be processed as a number",
        'WARNING',
        'homeassistant.helpers.script',
      ),
    ]),
    'automation.condition_failed',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'a numeric condition on an entity that was unavailable',
    input(null, [
      line(
        "Error in 'choose[0]' evaluation: In 'numeric_state' condition: entity sensor.kitchen_temperature state 'unavailable' cannot be processed as a number",
        'WARNING',
        'homeassistant.helpers.script',
      ),
    ]),
    'automation.condition_failed',
    'automation_error',
    'check_network_or_device',
  ),
  c(
    // Keymaster 2024.9: the repair Home Assistant raised for a script the integration had not created.
    'the Repairs issue of an automation calling an action that does not exist',
    input(null, [
      line(
        'The automation "keymaster_kitchendoor User Notifications" (automation.keymaster_kitchendoor_user_notifications) has an unknown action: script.keymaster_kitchendoor_manual_notify.',
        'UNKNOWN',
      ),
    ]),
    'automation.missing_target',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    // An NSPanel blueprint release with a malformed condition, as the editor showed it.
    "a schema error inside an automation's actions",
    input(null, [
      line(
        `Error:Expected a dictionary @ data['actions'][2]['choose'][1]['sequence'][1]['choose'][1]['conditions'][0]. Got '{{ nspanel_event.type in == "action_call" }}'.`,
        'UNKNOWN',
      ),
    ]),
    'automation.invalid_config',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    // The trace's error, without the log's "Error executing script".
    'a failed run read from the trace, with data the action does not accept',
    input(
      'automation',
      [
        line(
          "Automation automation.porch failed: value must be one of ['off', 'on'] at 'mode'",
          'ERROR',
        ),
      ],
      { subject: 'automation.porch', kind: 'automation_error' },
    ),
    'automation.invalid_action_data',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'an automation calling a missing script',
    input(
      'automation',
      [
        line(
          'Porch: Error executing script. Service not found for call_service at pos 1: Unable to find service script.porch_blink',
          'ERROR',
          'homeassistant.components.automation.porch',
        ),
      ],
      { subject: 'automation.porch' },
    ),
    'automation.missing_target',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'a template that fails in a step pasted from the trace',
    input(null, [
      line(
        "Stopped because an error was encountered\nExecuted: March 3, 2025 at 7:02:11 AM\nError: UndefinedError: 'dict object' has no attribute 'to_state'\nResult:\nchoice: 1",
        'UNKNOWN',
      ),
    ]),
    'automation.template',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'an automation whose config is invalid',
    input('automation', [
      line(
        "Automation with alias 'Night lights' could not be validated and has been disabled: extra keys not allowed @ data['action'][0]['servce']",
        'ERROR',
        'homeassistant.components.automation',
      ),
    ]),
    'automation.invalid_config',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    // Pasted alone: only automations have a trigger, and a data template is an action's data.
    'a bare line of an action whose data template reads the trigger',
    input(null, [
      line("Error rendering data template: UndefinedError: 'trigger' is undefined", 'UNKNOWN'),
    ]),
    'automation.template',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    "Home Assistant's service helper finding an action's targets gone",
    input(null, [
      line(
        'Unable to find referenced entities automation.copy_frontdoor_name_garagedoor_9, automation.copy_frontdoor_mon_garagedoor_9',
        'WARNING',
        'homeassistant.helpers.service',
      ),
    ]),
    'automation.missing_reference',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    "a step failing on an error the script engine did not expect: Home Assistant's bug, not the automation's",
    input('automation', [
      line(
        'Turn on lights: Error executing script. Unexpected error for call_service at pos 2: service_name\nTraceback (most recent call last):\n  File "/usr/src/homeassistant/homeassistant/helpers/script.py", line 442, in _async_call_service_step\n    and params["service_name"] == "trigger"\nKeyError: service_name',
        'ERROR',
        'homeassistant.components.automation.turn_on_lights',
      ),
    ]),
    'automation.failed',
    'automation_error',
    'notify_only',
  ),
  c(
    'an automation using device triggers a custom integration dropped',
    input('tuya_local', [
      line("Integration 'tuya_local' does not support device automation triggers.", 'UNKNOWN'),
    ]),
    'automation.device_automation_unsupported',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'an automation using device actions a core integration does not have',
    input('sun', [line("Integration 'sun' does not support device automation actions.", 'ERROR')]),
    'automation.device_automation_unsupported',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'an automation failing on a template',
    input('automation', [
      line(
        "Error evaluating condition in 'Xyz':\n  In 'template' condition: UndefinedError: 'None' has no attribute 'attributes'",
        'WARNING',
        'homeassistant.components.automation.xyz',
      ),
    ]),
    'automation.template',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'a script passing invalid data',
    input('script', [
      line(
        "Wake up: Error executing script. Invalid data for call_service at pos 2: expected int for dictionary value @ data['brightness']",
        'ERROR',
        'homeassistant.components.script.wake_up',
      ),
    ]),
    'automation.invalid_action_data',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'a runaway automation',
    input(
      'automation',
      [
        line(
          'Hallway: Maximum number of runs exceeded',
          'WARNING',
          'homeassistant.components.automation.hallway',
          40,
        ),
      ],
      { subject: 'automation.hallway' },
    ),
    'automation.runaway',
    'automation_error',
    'fix_config_then_reload',
  ),
]);

describe('reloading automations', () => {
  it('is proposed to follow the user’s fix, never to run by itself', () => {
    const finding = analyzeOffline(
      input(
        'automation',
        [
          line(
            "Porch: Error executing script. Invalid data for call_service at pos 1: value must be one of ['off', 'on'] at 'mode'",
            'ERROR',
            'homeassistant.components.automation.porch',
          ),
        ],
        { subject: 'automation.porch' },
      ),
    );
    expect(finding?.rca.candidate_actions).toEqual([
      expect.objectContaining({ action_id: 'reload_automations', after_user_fix: true }),
    ]);
  });
});
