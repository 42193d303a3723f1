/** create_backup: a backup on its own (the backup step of the executor is the action). */
import { type ActionDefinition, nothingToUndo, onlyParams } from './action.js';

export const createBackup: ActionDefinition = {
  id: 'create_backup',
  label: 'Create a backup',
  guide: 'take a backup before changes the user will make by hand.',
  params: {},
  risk: 'low',
  fixes: false,
  async resolve(_ctx, params) {
    onlyParams(params, []);
    return {};
  },
  target: () => 'create_backup',
  verification: () => [
    { kind: 'backup_present', description: 'the new backup is listed', timeout_s: 30 },
  ],
  preview(ctx) {
    return {
      summary: 'Take a backup of the Home Assistant configuration.',
      precondition: 'Before changes you are about to make by hand.',
      backup: {
        homeassistant: true,
        includeDatabase: true,
        addons: [],
        description: 'Home Assistant configuration and database (partial backup)',
        kept: true,
      },
      verification: this.verification(ctx, {}),
      rollback: 'Not applicable.',
    };
  },
  async apply() {
    return {};
  },
  rollback: () => nothingToUndo('not applicable'),
};
