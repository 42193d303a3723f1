/** create_backup: a backup on its own (the backup step of the executor is the action). */
import { type ActionDefinition, nothingToUndo, onlyParams } from './action.js';
import { say } from './words.js';

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
  verification: (ctx) => [
    {
      kind: 'backup_present',
      description: say(ctx, 'preview.create_backup.verify'),
      timeout_s: 30,
    },
  ],
  preview(ctx) {
    return {
      summary: say(ctx, 'preview.create_backup.summary'),
      precondition: say(ctx, 'preview.create_backup.precondition'),
      backup: {
        homeassistant: true,
        includeDatabase: true,
        addons: [],
        description: say(ctx, 'preview.create_backup.backup'),
        kept: true,
      },
      verification: this.verification(ctx, {}),
      rollback: say(ctx, 'preview.create_backup.rollback'),
    };
  },
  async apply() {
    return {};
  },
  rollback: () => nothingToUndo('not applicable'),
};
