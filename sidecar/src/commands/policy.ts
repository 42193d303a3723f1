/** `ha-llm-ops policy check FILE`: validate a policy file; errors name the line. */
import { readFile } from 'node:fs/promises';
import { actionPolicy, parsePolicy, PolicyError } from '../policy/policy.js';
import { ACTION_IDS } from '@ha-llm-ops/contracts';
import { UsageError, type Command } from './command.js';

export const policyCommand: Command = {
  name: 'policy',
  summary: 'check a policy file: `policy check FILE` (exit 0 when valid)',
  usage: 'policy check FILE',
  async run(args) {
    const [sub, file, ...rest] = args;
    if (sub !== 'check' || !file || rest.length)
      throw new UsageError('expected: policy check FILE');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      process.stderr.write(
        `${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`,
      );
      return 2;
    }
    try {
      const policy = parsePolicy(text, file);
      const auto = ACTION_IDS.filter(
        (id) => actionPolicy(policy, id).allowed && actionPolicy(policy, id).auto,
      );
      const denied = ACTION_IDS.filter((id) => !actionPolicy(policy, id).allowed);
      const plugs = Object.entries(policy.power_cycle).map(
        ([device, plug]) => `${device} → ${plug}`,
      );
      process.stdout.write(
        `${file}: valid. mode ${policy.mode}, at most ${policy.max_actions_per_hour} actions per hour` +
          `${policy.quiet_hours ? `, quiet ${policy.quiet_hours.start}-${policy.quiet_hours.end}` : ''}; ` +
          `automatic: ${auto.join(', ') || 'none'}; not allowed: ${denied.join(', ') || 'none'}` +
          `${plugs.length ? `; power cycle: ${plugs.join(', ')}` : ''}\n`,
      );
      return 0;
    } catch (err) {
      if (err instanceof PolicyError) {
        process.stderr.write(`${err.message}\n`);
        return 1;
      }
      throw err;
    }
  },
};
