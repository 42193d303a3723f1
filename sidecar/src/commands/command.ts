/** A subcommand of the `ha-llm-ops` CLI: one module each, registered in commands/index.ts. */
export interface Command {
  name: string;
  /** One line for `--help`. */
  summary: string;
  /** Usage line(s) after the command name, for `<command> --help`. */
  usage: string;
  /** Run with the arguments after the command name; resolve with the exit code. */
  run(args: string[]): Promise<number>;
}

/** A usage error: the CLI prints it with the command's usage and exits 2. */
export class UsageError extends Error {}
