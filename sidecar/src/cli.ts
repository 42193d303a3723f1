#!/usr/bin/env node
/** The `ha-llm-ops` command line: run the sidecar, and the tools around it. */
import { runSidecar } from './run.js';
import { SettingsError } from './config.js';
import { HaAuthError } from './ha/connection.js';
import { VERSION } from './version.js';

const HELP = `ha-llm-ops ${VERSION} - incidents, root causes and guarded fixes for Home Assistant

Usage: ha-llm-ops <command> [options]

Commands:
  run            watch Home Assistant and serve the API (the sidecar)
  help           show this help

Options:
  -h, --help     show this help
  -v, --version  print the version

Settings (environment):
  HA_URL, HA_TOKEN     Home Assistant URL and a long-lived admin token
  HA_WS_URL            the WebSocket URL instead of HA_URL
  SUPERVISOR_TOKEN     set by the Supervisor when running as an add-on
  LLM_OPS_PORT         HTTP API port (default 8099)
  LLM_OPS_API_TOKEN    bearer token of the API (default: generated into DATA_DIR)
  DATA_DIR             where the journal and the API token live
  LOG_LEVEL            debug, info, warning or error (default info)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '-h' || command === '--help') {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'run') {
    if (rest.length > 0) {
      process.stderr.write(`ha-llm-ops run: unexpected argument ${rest[0]}\n`);
      return 2;
    }
    return runSidecar();
  }
  process.stderr.write(
    `ha-llm-ops: unknown command ${JSON.stringify(command)}; see ha-llm-ops --help\n`,
  );
  return 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof SettingsError || err instanceof HaAuthError) {
    process.stderr.write(`ha-llm-ops: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
