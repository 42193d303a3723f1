/** The allow-list: every action the executor can run. Adding one is a module plus one line here. */
import type { ActionId } from '@ha-llm-ops/contracts';
import type { ActionDefinition } from './action.js';
import { applySuggestion } from './apply-suggestion.js';
import { disableAutomation, reloadAutomations, reloadScripts } from './automation.js';
import { captureDebugLog } from './capture-debug-log.js';
import { createBackup } from './create-backup.js';
import { disableConfigEntry } from './disable-config-entry.js';
import { setIntegrationLogLevel } from './log-level.js';
import { powerCycleDevice } from './power-cycle.js';
import { quietLogger } from './quiet-logger.js';
import { reloadConfigEntry } from './reload-config-entry.js';
import { restartAddon } from './restart-addon.js';
import { restartCore } from './restart-core.js';
import { startReauth } from './start-reauth.js';

export const ACTIONS: Readonly<Record<ActionId, ActionDefinition>> = {
  reload_config_entry: reloadConfigEntry,
  start_reauth: startReauth,
  reload_automations: reloadAutomations,
  reload_scripts: reloadScripts,
  disable_automation: disableAutomation,
  set_integration_log_level: setIntegrationLogLevel,
  quiet_logger: quietLogger,
  capture_debug_log: captureDebugLog,
  disable_config_entry: disableConfigEntry,
  restart_addon: restartAddon,
  power_cycle_device: powerCycleDevice,
  create_backup: createBackup,
  restart_core: restartCore,
  apply_suggestion: applySuggestion,
};

/** The action definition for an id, or undefined for anything off the allow-list. */
export function allowListed(id: string): ActionDefinition | undefined {
  return Object.hasOwn(ACTIONS, id) ? ACTIONS[id as ActionId] : undefined;
}
