/** The CLI's commands; adding one is a module plus one line here. */
import { analyzeCommand } from './analyze.js';
import type { Command } from './command.js';
import { policyCommand } from './policy.js';
import { runCommand } from './run.js';

export const COMMANDS: Command[] = [runCommand, policyCommand, analyzeCommand];
