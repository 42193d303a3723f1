/** What the log-file tests share: a line as HA writes it, and the incidents of some lines. */
import { incidentsOf } from '../../src/analyze/log-file.js';
import { parseLog } from '../../src/logs/parse.js';

/** A line of home-assistant.log at `time` on one day. */
export const at = (time: string, level: string, logger: string, message: string) =>
  `2024-06-10 ${time} ${level} (MainThread) [${logger}] ${message}`;

/** The incidents `ha-llm-ops analyze` finds in these lines. */
export const analyze = (...lines: string[]) => incidentsOf(parseLog(lines.join('\n')));

/** The integration each incident of the log names. */
export const who = async (...lines: string[]) =>
  (await analyze(...lines)).map((i) => i.integration);

/** Each incident's integration and category. */
export const analyzed = async (...lines: string[]) =>
  (await analyze(...lines)).map((i) => [i.integration, i.category]);
