/** The CLI's commands; adding one is a module plus one line here. */
import type { Command } from './command.js';
import { runCommand } from './run.js';

export const COMMANDS: Command[] = [runCommand];
