#!/usr/bin/env node
/** The `ha-llm-ops` command line: run the sidecar, and the tools around it. */
import { UsageError } from './commands/command.js';
import { COMMANDS } from './commands/index.js';
import { SettingsError } from './config.js';
import { HaAuthError } from './ha/connection.js';
import { JournalUnavailable } from './journal/database.js';
import { StartError } from './sidecar.js';
import { VERSION } from './version.js';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 4) + 2;
  const commands = COMMANDS.map((c) => `  ${c.name.padEnd(width)} ${c.summary}`).join('\n');
  return `ha-llm-ops ${VERSION} - incidents, root causes and guarded fixes for Home Assistant

Usage: ha-llm-ops <command> [options]

Commands:
${commands}
  ${'help'.padEnd(width)} show this help

Options:
  -h, --help     show this help (after a command: that command's usage)
  -v, --version  print the version

Settings of \`run\` (environment; under Supervisor also /data/options.json):
  HA_URL, HA_TOKEN     Home Assistant URL and a long-lived admin token
  HA_WS_URL            the WebSocket URL instead of HA_URL
  SUPERVISOR_TOKEN     set by the Supervisor when running as an add-on
  LLM_OPS_PORT         HTTP API port (default 8099)
  LLM_OPS_API_TOKEN    bearer token of the API (default: generated into DATA_DIR)
  DATA_DIR             where the journal and the API token live
  INCIDENT_DIR         where evidence bundles are written (default DATA_DIR/incidents)
  LOG_LEVEL            debug, info, warning or error (default info)
  See docs/configuration.md for the thresholds.
`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '-h' || name === '--help') {
    process.stdout.write(help());
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(
      `ha-llm-ops: unknown command ${JSON.stringify(name)}; see ha-llm-ops --help\n`,
    );
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(`Usage: ha-llm-ops ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(
        `ha-llm-ops ${name}: ${err.message}\nUsage: ha-llm-ops ${command.usage}\n`,
      );
      return 2;
    }
    throw err;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (
    err instanceof SettingsError ||
    err instanceof HaAuthError ||
    err instanceof StartError ||
    err instanceof JournalUnavailable
  ) {
    process.stderr.write(`ha-llm-ops: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
