/** One log record: the line that started it and the lines that belong to it. */
export interface LogRecord {
  /** ISO 8601; with the offset when the log had one, else the log's local time; null when the log gave no date. */
  timestamp: string | null;
  /** DEBUG, INFO, WARNING, ERROR or CRITICAL; UNKNOWN when the line named no level. */
  level: string;
  /** The Python logger (or the program, for add-on and s6 lines), when the line names one. */
  logger: string | null;
  /** The first line of the message. */
  message: string;
  /** The continuation lines (traceback frames, the exception line, pip output, SQL), or null. */
  traceback: string[] | null;
  /** `file:line` of the code that logged it, when known (the UI log viewer shows it). */
  source: string | null;
  /** How often it occurred, when the log says so (the UI viewer's “(22 occurrences)”). */
  repeats?: number;
  /**
   * Seconds from the first to the last of those occurrences, when the UI viewer's header gives
   * both as times of one day (a date before one of them leaves the days between unknown).
   */
  repeatsOverS?: number;
  /** The integration's name Home Assistant's UI showed with the record (its log list), when it named one. */
  integrationName?: string;
  /**
   * The line is in a format Home Assistant Core never writes and apps do: bashio, s6-overlay,
   * Zigbee2MQTT, Node-RED, Go's log or nginx, Mosquitto, Python's default format.
   */
  app?: true;
}
