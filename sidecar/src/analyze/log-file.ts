/**
 * Offline analysis of a whole log file: records are grouped into incidents the
 * way the sidecar groups signals (by integration, or by message template when no
 * integration is named), benign noise is dropped, and each incident is explained
 * by the offline analyzer. Memory is bounded by the number of distinct lines, not
 * by the size of the file.
 */
import type { Category, RcaResult, Severity } from '@ha-llm-ops/contracts';
import { SEVERITY_RANK } from '@ha-llm-ops/contracts';
import { fingerprint, messageTemplate } from '../shared/fingerprint.js';
import type { LogRecord } from '../logs/parse.js';
import type { KnowledgeRule } from '../shared/knowledge.js';
import { CONFIG_KEYS } from '../shared/attribution.js';
import { attribute } from './log-attribution.js';
import { analyzeOffline, errorish, isBenign } from './offline/engine.js';
import { CORE_DOMAINS } from './offline/libraries.js';
import type { AnalysisLine } from './offline/types.js';

/** One incident found in a log file. */
export interface LogIncident {
  fingerprint: string;
  integration: string | null;
  category: Category;
  severity: Severity;
  title: string;
  occurrences: number;
  rca: RcaResult;
}

// Bounds that keep memory flat however large the log: repeats only count.
const MAX_LINES_PER_GROUP = 200;
const MAX_GROUPS = 1000;

/** The standard warning that names each custom integration at startup. */
const CUSTOM_WARNING =
  /custom integration (\w+) which has not been tested|custom (?:integration|component) for (\w+) which has not been tested/;
/** A key a schema error names (`required key not provided @ data['kiosks']`). */
const SCHEMA_KEY = /@ data\['(\w+)'\]/g;
const ENTITY_ID = /\b[a-z_]+\.[a-z0-9_]+\b/g;
/** Words with digits in them (device names, counters): they vary between occurrences of one failure. */
const ID_LIKE = /\b[A-Za-z_]*\d\w*\b/g;
/** The banner bashio prints when an app starts (`-----` lines around ` Add-on: <name>`). */
const ADDON_BANNER = /^\s*(?:Add-on|App)(?: version)?: \S/;
/** A record that is (or starts with) bashio's banner: its lines continue the first dashes. */
function isBanner(r: LogRecord): boolean {
  return (
    ADDON_BANNER.test(r.message) ||
    (/^-{10,}$/.test(r.message) &&
      (r.traceback ?? []).slice(0, 3).some((l) => ADDON_BANNER.test(l)))
  );
}
/** Loggers of Home Assistant's own code and of the custom integrations it runs. */
const HA_LOGGER = /^(?:homeassistant|custom_components)\b/;
const LOUD_LEVELS = new Set(['WARNING', 'ERROR', 'CRITICAL']);
const QUIET_LEVELS = new Set(['DEBUG', 'INFO']);

/** When a line's timestamped occurrences began and ended, and how many there were. */
interface Pace {
  first: number;
  last: number;
  timed: number;
}

/**
 * A pace is told from this many timestamped occurrences over at least this long: fewer, or a
 * burst within seconds, says nothing about how often the line comes.
 */
const PACE_MIN_OCCURRENCES = 5;
const PACE_MIN_SPAN_MS = 30_000;

interface Group {
  integration: string | null;
  subject: string | null;
  fromHa: boolean;
  bare: boolean;
  firstMessage: string;
  occurrences: number;
  lines: Map<string, AnalysisLine>;
  /** By the key of `lines`: the pace of each line the log gives timestamps for. */
  paces: Map<string, Pace>;
}

/** How often a day the line comes at the pace the log shows, when it shows enough to tell. */
function perDayOf(pace: Pace | undefined): number | undefined {
  if (!pace || pace.timed < PACE_MIN_OCCURRENCES) return undefined;
  const span = pace.last - pace.first;
  return span < PACE_MIN_SPAN_MS ? undefined : ((pace.timed - 1) * 86_400_000) / span;
}

/** Two paces of the same line as one. */
function joined(a: Pace | undefined, b: Pace): Pace {
  return a
    ? {
        first: Math.min(a.first, b.first),
        last: Math.max(a.last, b.last),
        timed: a.timed + b.timed,
      }
    : { ...b };
}

/** Groups the records of a log into incidents and explains each. */
export class LogIncidentBuilder {
  private readonly groups = new Map<string, Group>();
  private readonly custom = new Set<string>();
  /** Configuration keys schema errors name: an "integration" of that name is a misplaced key. */
  private readonly keys = new Set<string>(CONFIG_KEYS);
  private dropped = 0;
  /** Records in an app's own format, and records of Home Assistant's own code. */
  private appRecords = 0;
  private haRecords = 0;
  /**
   * The same log read as a debug capture, for as long as it may be one: it has DEBUG
   * records and none at WARNING or above. Someone turned debug logging on because
   * something fails, so its DEBUG and INFO lines are the evidence there is.
   */
  private debugCapture: LogIncidentBuilder | null;
  private sawDebug = false;

  constructor(
    private readonly localRules: readonly KnowledgeRule[] = [],
    private readonly asDebugCapture = false,
  ) {
    this.debugCapture = asDebugCapture ? null : new LogIncidentBuilder(localRules, true);
  }

  /** Records left out because the log had more distinct failures than are kept. */
  get droppedRecords(): number {
    if (this.debugCapture && this.sawDebug) return this.debugCapture.droppedRecords;
    return this.dropped;
  }

  /** Take one record into account. */
  add(r: LogRecord): void {
    if (this.debugCapture) {
      if (LOUD_LEVELS.has(r.level)) this.debugCapture = null;
      else {
        if (r.level === 'DEBUG') this.sawDebug = true;
        // What a debug line calls an error is the error the capture was taken for.
        this.debugCapture.add(
          QUIET_LEVELS.has(r.level)
            ? { ...r, level: errorish(r.message) ? 'ERROR' : 'WARNING' }
            : r,
        );
      }
    }
    if (r.app || (r.logger === null && isBanner(r))) this.appRecords++;
    else if (r.source !== null || HA_LOGGER.test(r.logger ?? '')) this.haRecords++;
    const custom = CUSTOM_WARNING.exec(r.message);
    const domain = custom?.[1] ?? custom?.[2];
    if (domain) this.custom.add(domain);
    for (const m of r.message.matchAll(SCHEMA_KEY)) if (m[1]) this.keys.add(m[1]);
    if (isBenign({ text: r.message, level: r.level, logger: r.logger, traceback: r.traceback }))
      return;

    let who = attribute(r);
    // A custom integration logging under its bare domain (`getLogger(DOMAIN)`, `hacs.factory`):
    // HA's startup warning named that domain a custom integration.
    const top = r.logger?.split('.')[0];
    if (who.integration === null && who.fromHa && top && this.custom.has(top))
      who = { ...who, integration: top };
    const template = messageTemplate(r.message);
    const key =
      who.integration !== null
        ? `${who.integration}|${who.subject ?? ''}`
        : `?|${messageTemplate(r.message.replace(ENTITY_ID, '<entity>').replace(ID_LIKE, '<id>'))}`;
    let group = this.groups.get(key);
    if (!group) {
      if (this.groups.size >= MAX_GROUPS) {
        this.dropped++;
        return;
      }
      group = {
        ...who,
        firstMessage: r.message,
        occurrences: 0,
        lines: new Map(),
        paces: new Map(),
      };
      this.groups.set(key, group);
    }
    // A UI viewer's block stands for all the times it occurred.
    const times = r.repeats ?? 1;
    group.occurrences += times;
    const lineKey = `${r.level}|${template}`;
    const line = group.lines.get(lineKey);
    if (line) line.count += times;
    else if (group.lines.size < MAX_LINES_PER_GROUP)
      group.lines.set(lineKey, {
        text: r.message,
        level: r.level,
        logger: r.logger,
        count: times,
        traceback: r.traceback,
      });
    // A single record's own time, or a UI block's first and last of its repeats. A debug
    // capture's lines come often by design: their pace says nothing.
    if (this.asDebugCapture || !group.lines.has(lineKey)) return;
    const at = r.timestamp !== null && r.repeats === undefined ? Date.parse(r.timestamp) : NaN;
    const pace: Pace | null = Number.isFinite(at)
      ? { first: at, last: at, timed: 1 }
      : r.repeats !== undefined && r.repeatsOverS !== undefined
        ? { first: 0, last: r.repeatsOverS * 1000, timed: r.repeats }
        : null;
    if (pace) group.paces.set(lineKey, joined(group.paces.get(lineKey), pace));
  }

  /** The incidents found so far, most important first. */
  incidents(): LogIncident[] {
    if (this.debugCapture && this.sawDebug) return this.debugCapture.incidents();
    const incidents: LogIncident[] = [];
    // An app's log, with no line of Home Assistant's: what it does not name is the app's.
    const appLog = this.appRecords > 0 && this.haRecords === 0;
    for (const group of this.adopted()) {
      const owner = group.integration ?? (appLog ? 'hassio' : null);
      const finding = analyzeOffline({
        integration: owner,
        custom: group.integration && this.custom.has(group.integration) ? true : null,
        entry: null,
        lines: [...group.lines].map(([key, line]) => {
          const perDay = perDayOf(group.paces.get(key));
          return perDay === undefined ? line : { ...line, perDay };
        }),
        kind: 'log_record',
        subject: group.subject,
        localRules: this.localRules,
        ...(appLog && owner === 'hassio' && { app: true }),
      });
      if (!finding) continue;
      // An automation or script that failed with nothing else named: the automation integration.
      // An add-on's or the Supervisor's failure is the hassio integration's, whoever noticed it.
      // YAML that does not parse, with nothing else named: Home Assistant's own configuration.
      // A container started as another user is Core's (the Supervisor starts add-ons as root).
      const integration = /^(?:addon|supervisor)\./.test(finding.rca.signature ?? '')
        ? 'hassio'
        : finding.rca.signature === 'host.container_user' ||
            finding.rca.signature === 'dependency.python_unsupported'
          ? 'homeassistant'
          : (owner ??
            (finding.rca.category === 'automation_error'
              ? 'automation'
              : finding.rca.signature === 'config.yaml_syntax'
                ? 'homeassistant'
                : null));
      incidents.push({
        fingerprint: fingerprint(group.integration, null, messageTemplate(group.firstMessage)),
        integration,
        category: finding.rca.category,
        severity: finding.severity,
        title: finding.title,
        occurrences: group.occurrences,
        rca: finding.rca,
      });
    }
    return incidents.sort(
      (a, b) =>
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        b.rca.confidence - a.rca.confidence ||
        b.occurrences - a.occurrences,
    );
  }

  /**
   * The groups, with Home Assistant's unattributed lines folded into the one
   * integration the log is about, when it names exactly one: a pasted excerpt's
   * framework lines (an OAuth helper, `homeassistant.core`) belong to it.
   */
  private adopted(): Group[] {
    // A misplaced configuration key is no integration: its lines belong to the one the log is about.
    const groups = [...this.groups.values()].map((g) =>
      g.integration !== null && this.keys.has(g.integration) && !CORE_DOMAINS.has(g.integration)
        ? { ...g, integration: null }
        : g,
    );
    const named = groups.filter((g) => g.integration !== null && g.integration !== 'hassio');
    // An add-on's log names no integration: its lines without a logger (a tool's error the
    // start script printed) belong to the add-on.
    const target =
      named.length > 0 ? named[0] : groups.filter((g) => g.integration === 'hassio').at(0);
    if (!target || new Set(named.map((g) => g.integration)).size > 1) return groups;
    // A copy: asking for the incidents twice must not fold twice.
    const merged: Group = {
      ...target,
      lines: new Map([...target.lines].map(([k, l]) => [k, { ...l }])),
      paces: new Map(target.paces),
    };
    const kept: Group[] = [];
    for (const g of groups) {
      if (g === target) kept.push(merged);
      else if (g.integration !== null || !(g.bare || (g.fromHa && named.length > 0))) kept.push(g);
      else {
        merged.occurrences += g.occurrences;
        for (const [key, line] of g.lines) {
          const mine = merged.lines.get(key);
          if (mine) mine.count += line.count;
          else if (merged.lines.size < MAX_LINES_PER_GROUP) merged.lines.set(key, { ...line });
          else continue;
          const pace = g.paces.get(key);
          if (pace) merged.paces.set(key, joined(merged.paces.get(key), pace));
        }
      }
    }
    return kept;
  }
}

/** Parse-and-group in one go: the incidents of a stream of records. */
export async function incidentsOf(
  records: AsyncIterable<LogRecord> | Iterable<LogRecord>,
): Promise<LogIncident[]> {
  const builder = new LogIncidentBuilder();
  for await (const r of records) builder.add(r);
  return builder.incidents();
}
