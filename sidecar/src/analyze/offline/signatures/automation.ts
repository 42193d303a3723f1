/** Automations and scripts that fail or run away: fix them, stop a runaway one meanwhile. */
import { AUTOMATION_LOGGER } from '../patterns.js';
import type { ActionTemplate, Outcome, SignatureFamily } from '../types.js';

const SCRIPT_ERROR =
  /Error executing script|Error while executing (?:automation|script)|Error in '\w+' part|Error running (?:automation|script)/;
const MISSING =
  /Unable to find (?:service|action) (?<service>[\w.]+)|(?:Service|Action) (?<service2>[a-z_]+\.[\w]+) not found|Service not found for call_service|Script not found|Unable to find referenced (?:entities|devices|areas)|Referenced (?:entities|devices|areas) .* (?:are|is) missing|Entity (?:ID )?(?<entity2>[a-z_]+\.\w+) (?:not found|does not exist)/i;
const TEMPLATE =
  /\bTemplateError\b|\bUndefinedError\b|Error rendering (?:template|data template)|Error rendering [^\n]{1,80} template: |Template variable (?:error|warning)|rendered invalid|is undefined when rendering/;
const INVALID_DATA =
  /Invalid data for call_service|expected \w+ for dictionary value|extra keys not allowed|required key not provided|not a valid value|value must be one of|must contain at least one of/i;

/** A step of an automation's or script's trace as the UI shows it (Traces → Step details). */
const TRACE_STEP = /^Executed: [^\d\n]*\d[^]*^(?:Error|Result):/m;

const reloadAfterFix: ActionTemplate = {
  action_id: 'reload_automations',
  params: {},
  rationale:
    'After the automation is fixed in YAML, reload automations (the UI editor reloads on save).',
  risk: 'low',
  afterUserFix: true,
};
const stopRunaway: ActionTemplate = {
  action_id: 'disable_automation',
  params: { entity_id: '$automation' },
  rationale:
    'Stop {automation} from running away now; turn it back on once its trigger or mode is fixed (rolling back turns it on again).',
  risk: 'low',
};

const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence'> = {
  category: 'automation_error',
  remedy: 'fix_config_then_reload',
  severity: 'error',
  impact:
    'The actions after the failing step do not run, so whatever {automation} should do does not happen.',
  actions: [reloadAfterFix],
  tests: [
    {
      kind: 'automation_runs_clean',
      description: 'The next run of {automation} finishes without an error.',
      timeout_s: 86_400,
    },
  ],
  manualSteps: [
    'Open the trace of {automation} (Settings → Automations & scenes → … → Traces) to see the failing step.',
    'Fix that step, save, and run the automation once to check it.',
  ],
};

/** Automations and scripts that fail, are invalid or run away. */
export const automation: SignatureFamily = {
  family: 'automation',
  signatures: [
    {
      id: 'runaway',
      match: [
        { text: /Maximum number of runs exceeded/, minCount: 5 },
        { text: SCRIPT_ERROR, minCount: 50 },
      ],
      ...common,
      severity: 'warning',
      confidence: 0.87,
      actions: [stopRunaway, reloadAfterFix],
      title: '{automation} is running away',
      rootCause:
        '{automation} is triggered far more often than it can finish (“{detail}”, {count} times): it probably triggers itself through the entities it changes, or its trigger fires on every attribute change.',
      impact:
        'Runs pile up or are dropped, the devices it controls flap, and the log and recorder fill up.',
      manualSteps: [
        'Look at the trace of {automation}: which trigger fires, and does an action change the entity it triggers on?',
        'Narrow the trigger (to:/from: states, a condition), or pick the right mode (single/restart/queued with max) and max_exceeded: silent.',
      ],
    },
    {
      id: 'invalid_config',
      match: {
        text: [
          /Automation with alias '(?<alias>[^']+)' (?:could not be validated|failed to set ?up)|Automation '(?<alias2>[^']+)' failed to set ?up|Invalid config for '?(?:automation|script)'?|Blueprint '[^']*' generated invalid automation|Script with (?:alias|object id) '(?<alias3>[^']+)' (?:could not be validated|failed to setup|has invalid object id)|Invalid condition "[^"\n]*" specified|\bError setting up trigger\b|\bFailed to generate (?:automation|script) from blueprint\b|\bBlueprint '[^'\n]*' (?:generated invalid|failed to generate) (?:automation|script)/i,
          // A schema error whose path starts in an automation's or script's own parts, as the
          // editor shows it without naming the automation.
          /@ data\['(?:actions?|triggers?|conditions?|sequence)'\]\[\d+\]/,
        ],
      },
      ...common,
      confidence: 0.88,
      title: 'Automation[[ “{alias}”]] has an invalid configuration',
      rootCause:
        'An automation or script does not pass validation, so it is not set up at all: “{detail}”.',
      impact: 'The automation does not exist until its configuration is fixed; it never triggers.',
      manualSteps: [
        'Open the automation in the editor (or automations.yaml) and fix the option the message names.',
        'Save (the editor reloads automations) and check that it shows up as enabled.',
      ],
    },
    {
      id: 'missing_target',
      match: [
        // Home Assistant's own Repairs issue for it, as pasted from Settings → Repairs.
        {
          text: /The automation "[^"\n]*" \((?<automation>automation\.\w+)\) has an unknown action: `?(?<service>[a-z_]+\.\w+)/,
        },
        { text: MISSING, logger: AUTOMATION_LOGGER },
        { text: SCRIPT_ERROR, with: [MISSING] },
        { text: MISSING, with: [TRACE_STEP] },
      ],
      ...common,
      confidence: 0.86,
      title: '{automation} calls {service}, which does not exist',
      rootCause:
        '{automation} calls {service}, but no such action, script or entity exists right now: it was renamed or removed, the integration providing it is not loaded, or a script that an integration generates has not been (re)created yet.',
      manualSteps: [
        'Open the trace of {automation} to see the failing step.',
        'If {service} belongs to an integration, check that the integration is loaded (Settings → Devices & services); reloading that integration recreates what it generates.',
        'Otherwise change the step to an existing action or entity, save, and run it once.',
      ],
    },
    {
      // Home Assistant's service helper, for a call whose targets are gone. The caller is
      // almost always an automation or a script (also one an integration generated), but the
      // line does not say which, hence less sure than a line of the automation's own.
      id: 'missing_reference',
      match: [
        {
          text: /Unable to find referenced (?:entities|devices|areas) (?<target>[a-z_]+\.\w+)/,
          logger: /^homeassistant\.helpers\.service$/,
        },
        // Its wording since 2024 (`Referenced devices abc, entities light.x are missing …`):
        // only the service helper writes it, so a pasted line without its logger is as sure.
        {
          text: /\bReferenced (?:areas|devices|entities|floors|labels) (?<target2>[^\s,]+)(?![^\s,])[^\n]*? (?:are|is) missing or not currently available/,
        },
      ],
      ...common,
      severity: 'warning',
      confidence: 0.7,
      title: 'An action targets {target}, which does not exist',
      rootCause:
        'An action was called on {target} (and maybe more), which does not exist (“{detail}”): an automation or script still names an entity, device or area that was renamed or removed, or that an integration generates and has not (re)created.',
      impact:
        'The action does nothing for the missing targets, so what the automation or script should do there does not happen.',
      manualSteps: [
        'Search your automations and scripts for {target} (Settings → Entities shows whether it still exists, maybe under a new name).',
        'Point the step at the existing entity, or remove it; if an integration generates the target, regenerate or reload that integration.',
      ],
    },
    {
      // The script engine could not decide a condition (of an automation, a script, a choose,
      // an if, a wait) or a numeric state trigger: the run stops there as if it were false.
      id: 'condition_failed',
      match: {
        text: /\bError in '[^'\n]+' (?:evaluation|trigger): [^\n]*\bIn '\w+' condition: |^In '\w+' condition: |\bValue cannot be processed as a number: /m,
      },
      ...common,
      severity: 'warning',
      confidence: 0.72,
      variants: [
        {
          // What it names does not exist: renamed or removed.
          when: {
            text: /\bunknown (?:'\w+' )?(?:entity|zone)\b|\bno (?:entity|zone) specified\b|attribute '[^'\n]+' \(of entity [^)\n]+\) does not exist/i,
          },
          set: {
            confidence: 0.8,
            title: 'A condition of {automation} names something that does not exist',
            rootCause:
              'A condition of {automation} names an entity, zone or attribute that does not exist (“{detail}”): it was renamed or removed, or the integration that provides it is not loaded. The run stops there as if the condition were false.',
            manualSteps: [
              'Find the condition in {automation} (its trace shows the step) and point it at the entity or zone as it is named now (Settings → Entities).',
              'Save and run the automation once.',
            ],
          },
        },
        {
          // The entity was there but had no value at that moment.
          when: { text: /state '(?:unavailable|unknown)' cannot be processed as a number/ },
          set: {
            remedy: 'check_network_or_device',
            actions: [],
            confidence: 0.66,
            title: 'A condition of {automation} met an unavailable entity',
            rootCause:
              'A numeric condition of {automation} compared an entity that was unavailable or unknown at that moment (“{detail}”), so the run stopped there as if the condition were false: the device behind the entity was offline, or had not reported since Home Assistant started.',
            manualSteps: [
              'Check the device behind the entity the message names: whether it is online and reports.',
              'If it is often briefly unavailable, add a condition that checks it is available before comparing its value.',
            ],
          },
        },
      ],
      title: 'A condition of {automation} cannot be checked',
      rootCause:
        'A condition of {automation} could not be evaluated (“{detail}”), so the run stopped there as if it were false: it compares a value that is not a number, or a template in it fails.',
      manualSteps: [
        'Open the trace of {automation} to see the condition and the value it got.',
        'Compare a numeric entity (or convert the value with a template), or guard the condition against values that are not numbers; save and run it once.',
      ],
    },
    {
      // Home Assistant's device automation helper: the automation uses a device trigger,
      // condition or action of an integration that provides none (any more).
      id: 'device_automation_unsupported',
      match: {
        text: /Integration '(?<domain>\w+)' does not support device automation (?<kind>triggers|conditions|actions)/,
      },
      ...common,
      // A custom integration may shadow a core one of the same domain: which one dropped them is not always clear.
      confidence: 0.75,
      variants: [
        {
          // A custom integration that dropped them in a release: its update, or rewriting the automations.
          when: { custom: true },
          set: {
            category: 'incompatible_custom_component',
            remedy: 'update_or_remove_custom_component',
            manualSteps: [
              'Check the release notes of {domain}: update it if a newer release brings the device {kind} back, or rewrite the automations with the entities’ state triggers and actions.',
            ],
          },
        },
      ],
      title: 'An automation uses device {kind} that {domain} does not provide',
      rootCause:
        'An automation uses a device {kind} of {domain}, but {domain} provides none (“{detail}”): the integration removed them, or the automation was copied from another setup.',
      manualSteps: [
        'Open the automations that use devices of {domain} and replace the device {kind} with state triggers, conditions or entity actions.',
      ],
    },
    {
      id: 'template',
      match: [
        { text: TEMPLATE, logger: AUTOMATION_LOGGER },
        { text: SCRIPT_ERROR, with: [TEMPLATE] },
        // A failed step pasted from the automation's trace.
        { text: TEMPLATE, with: [TRACE_STEP] },
        // Only automations have trigger variables; a data template is an action's data.
        {
          text: /when rendering '[^'\n]*\btrigger\.|\bUndefinedError: 'trigger' is undefined|Error rendering data template/,
        },
      ],
      ...common,
      confidence: 0.85,
      title: '{automation} fails on a template',
      rootCause:
        'A template in {automation} renders an error or an unusable value (“{detail}”), usually a trigger variable or entity that is missing in this run.',
      manualSteps: [
        'Test the template in Developer tools → Template with the values from the trace.',
        'Guard missing values (| default, | float(0), a condition before the step), save and run it once.',
      ],
    },
    {
      id: 'invalid_action_data',
      match: [
        { text: INVALID_DATA, logger: AUTOMATION_LOGGER },
        { text: SCRIPT_ERROR, with: [INVALID_DATA] },
        { text: INVALID_DATA, with: [TRACE_STEP] },
        // A failed run read from the automation's trace: its error in HA's words.
        { text: INVALID_DATA, kind: ['automation_error'] },
        // A helper refusing the value an action set: an option it does not have, a text too long.
        {
          text: /\bInvalid option: [^\n]* \(possible options: |\bInvalid value: [^\n]* \(length range \d+ - \d+\)/,
        },
      ],
      ...common,
      confidence: 0.85,
      title: '{automation} passes invalid data to an action',
      rootCause:
        'A step of {automation} calls an action with data it does not accept (“{detail}”) — often a template that rendered text or nothing where a number is needed.',
    },
    {
      id: 'failed',
      match: [
        { text: SCRIPT_ERROR },
        { kind: ['automation_error'] },
        // A run the script engine stops: it calls itself, loops without end, or repeats over no list.
        {
          text: /\bDisallowed recursion detected\b|\bterminated because it looped \d+ times\b|\bRepeat 'for_each' must be a list of items\b/,
        },
      ],
      ...common,
      confidence: 0.8,
      variants: [
        {
          // Home Assistant's script helper words what the user can get wrong (invalid data,
          // a template, a missing action) in their own terms; "unexpected" is any other
          // exception: a bug in Home Assistant or in the integration whose action ran.
          when: { text: /\bUnexpected error for \w+ at pos \d+/ },
          set: {
            remedy: 'notify_only',
            actions: [],
            rootCause:
              'A step of {automation} raised an error the script engine did not expect (“{detail}”): not a mistake in the automation, but a bug in Home Assistant or in the integration whose action the step calls.',
            manualSteps: [
              'Search the issue tracker of the integration the failing step calls (or of Home Assistant) for the error, and update once a release fixes it.',
              'Report it with the automation’s trace if nobody has yet; meanwhile the automation fails at that step.',
            ],
          },
        },
      ],
      title: '{automation} fails',
      rootCause: 'A step of {automation} raised an error: “{detail}”.',
    },
  ],
};
