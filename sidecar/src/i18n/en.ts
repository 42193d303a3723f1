/**
 * The sidecar's own user-facing sentences in English, keyed by stable ids: the
 * English catalog and the source every other language translates. Placeholders
 * are `{name}`. (The offline analyzer's explanations stay in their signature
 * files; a language's file translates them by their English text, see index.ts.)
 */
export const EN = {
  // Provisional incident titles (correlate), shown until an analyzer explains the incident.
  'incident.entry_setup_retry': '{name} is stuck in setup retry',
  'incident.entry_setup_error': '{name} failed to set up',
  'incident.entry_migration_error': '{name} failed to migrate its configuration',
  'incident.entry_failed_unload': '{name} failed to unload',
  'incident.entity_unavailable': '{entity} is unavailable',
  'incident.entities_unavailable_one': '1 entity of {group} is unavailable',
  'incident.entities_unavailable_many': '{count} entities of {group} are unavailable',
  'incident.an_integration': 'an integration',
  'incident.automation_failed': 'Automation {entity} failed: {error}',
  'incident.script_failed': 'Script {entity} failed: {error}',
  'incident.addon_state': 'Add-on {name} ({slug}) is in state {state}',
  // Track records and why an action is no longer proposed (plan).
  'track.untried': '{action} has not been tried for {integration} here yet.',
  'track.fixed': '{action} fixed {integration} {verified} of {tries} times here.',
  'track.worked': '{action} worked for {integration} {verified} of {tries} times here.',
  'track.given_up': '{action} failed for {integration} the last {count} times here.',
  'plan.setup_retry_reload':
    '{entry} is stuck in setup retry; a reload sets it up at once when its cause is gone.',
  // Proposal previews and the checks after an action (actions).
  'preview.reload_config_entry.verify_loaded': '{entry} is loaded within {seconds} s',
  'preview.reload_config_entry.verify_entities':
    'The entities the incident saw unavailable are available again',
  'preview.reload_config_entry.summary': 'Reload the config entry {name}.',
  'preview.reload_config_entry.precondition_waiting':
    'Reload once the device or service answers again.',
  'preview.reload_config_entry.precondition': 'Reload after the cause is fixed.',
  'preview.reload_config_entry.rollback': 'None needed: reloading is idempotent.',
  'preview.start_reauth.verify':
    'A re-authentication of {entry} waits for you in Settings → Devices & services',
  'preview.start_reauth.summary':
    'Start re-authentication of {entry}; you then log in again in Home Assistant.',
  'preview.start_reauth.precondition': 'Have the new credentials at hand.',
  'preview.start_reauth.rollback': 'Not applicable: you complete or cancel the flow yourself.',
  'preview.reload_automations.verify': 'No new error of this automation within 30 s',
  'preview.reload_automations.summary': 'Reload all automations from their configuration.',
  'preview.reload_automations.precondition': "Reload after fixing the automation's configuration.",
  'preview.reload_scripts.verify': 'No new error of this script within 30 s',
  'preview.reload_scripts.summary': 'Reload all scripts from their configuration.',
  'preview.reload_scripts.precondition': "Reload after fixing the script's configuration.",
  'preview.reload_yaml.rollback': 'None needed: reloading reads the same files again.',
  'preview.disable_automation.verify': '{entity} is off',
  'preview.disable_automation.summary':
    'Turn off {entity} so it stops failing (or looping) until you fix it.',
  'preview.disable_automation.precondition': 'Turn it back on after fixing it.',
  'preview.disable_automation.rollback': 'Turn {entity} on again.',
  'preview.set_integration_log_level.verify': '{integration} logs at {level}',
  'preview.set_integration_log_level.summary':
    'Log {integration} at {level} level for {time} to collect evidence (a restart of Home Assistant ends it sooner).',
  'preview.set_integration_log_level.precondition':
    'Reproduce the problem afterwards so the log captures it.',
  'preview.set_integration_log_level.rollback': 'Set {integration} back to its previous level.',
  'preview.quiet_logger.verify':
    'No new lines of the incident while {logger} logs only {level} and above.',
  'preview.quiet_logger.summary':
    'Log {logger} only at {level} and above for {time}, so its flood stops filling the log.',
  'preview.quiet_logger.precondition':
    'The flood hides nothing you need: lines below that level from this logger are dropped meanwhile.',
  'preview.quiet_logger.rollback':
    'After {time} (or a restart of Home Assistant), {logger} logs at the level it had before.',
  'preview.capture_debug_log.verify': '{integration} logs at debug while the capture runs',
  'preview.capture_debug_log.summary':
    "Log {integration} at debug level for {time} and keep what it logs, redacted, as the incident's evidence.",
  'preview.capture_debug_log.precondition':
    'Let the problem happen during the capture (use the device, or wait for the next poll): only what is logged meanwhile is kept.',
  'preview.capture_debug_log.rollback':
    'After {time} {integration} logs at its previous level again and the lines are added to the evidence (also after a restart of LLM Ops, as soon as it runs again; a restart of Home Assistant ends debug logging by itself).',
  'preview.disable_config_entry.verify': '{entry} is disabled and stopped',
  'preview.disable_config_entry.summary':
    'Disable {entry} ({domain}) so it stops failing; its entities go away until re-enabled.',
  'preview.disable_config_entry.precondition':
    'Only when the integration keeps crashing and harms the rest of Home Assistant.',
  'preview.disable_config_entry.rollback': 'Enable the entry again.',
  'preview.restart_addon.verify': 'add-on {slug} runs again within 60 s',
  'preview.restart_addon.summary': 'Restart the add-on {slug}.',
  'preview.restart_addon.precondition':
    'Restart once what it depends on (a device, a broker) is back.',
  'preview.restart_addon.backup': 'the add-on {slug} and its data (partial backup)',
  'preview.restart_addon.rollback':
    'Not applicable: a restart has nothing to undo; the result is recorded.',
  'preview.create_backup.verify': 'the new backup is listed',
  'preview.create_backup.summary': 'Take a backup of the Home Assistant configuration.',
  'preview.create_backup.precondition': 'Before changes you are about to make by hand.',
  'preview.create_backup.backup': 'Home Assistant configuration and database (partial backup)',
  'preview.create_backup.rollback': 'Not applicable.',
  'preview.restart_core.verify': 'Home Assistant is back and answering within 5 min',
  'preview.restart_core.summary':
    'Restart Home Assistant Core. Everything reloads; automations pause for the duration.',
  'preview.restart_core.precondition':
    'Only when a reload cannot fix it (e.g. after updating a custom integration).',
  'preview.restart_core.rollback':
    'Not applicable: a restart has nothing to undo; restore the backup by hand if needed.',
  'preview.apply_suggestion.verify': 'the Supervisor no longer reports the issue ({about})',
  'preview.apply_suggestion.execute_reload':
    'Let the Supervisor reload {about}, as its resolution center suggests ({type}).',
  'preview.apply_suggestion.execute_restart':
    'Let the Supervisor restart {about}, as its resolution center suggests ({type}).',
  'preview.apply_suggestion.execute_start':
    'Let the Supervisor start {about}, as its resolution center suggests ({type}).',
  'preview.apply_suggestion.create_full_backup':
    'Let the Supervisor take a full backup of {about}, as its resolution center suggests ({type}).',
  'preview.apply_suggestion.precondition':
    'The Supervisor suggested it for this issue; it runs the fix itself.',
  'preview.apply_suggestion.rollback':
    'Not applicable: the Supervisor’s fix has nothing to undo; the result is recorded.',
  'preview.power_cycle_device.verify':
    '{device} reports again within {seconds} s of the power coming back',
  'preview.power_cycle_device.summary':
    'Switch off plug {plug} for {seconds} s, then on, to restart device {device}.',
  'preview.power_cycle_device.precondition':
    'Everything else on that plug loses power for {seconds} s too.',
  'preview.power_cycle_device.rollback':
    'Switch {plug} back on: it is switched on whatever happens once it went off, also when the check fails or the sidecar stops meanwhile.',
  // The update an incident started after (analyze: evidence, analysis, Repairs).
  'update.started_after': 'Started {after} after {title} was updated from {from} to {to}{notes}.',
  'update.release_notes': ' (release notes: {url})',
  'update.under_a_minute': 'less than a minute',
  'update.minutes': '{minutes} min',
  'update.backup': 'The backup "{name}" is from before the update.',
  'update.no_backup': 'No backup from before the update was found.',
  // What the LLM is asked to write in (analyze).
  'llm.answer_language':
    'Write every text field of the answer (summary, root_cause, impact, rationale, test descriptions, manual_steps) in English.',
} as const;

/** The id of a sentence of the sidecar's own catalog. */
export type MessageId = keyof typeof EN;
