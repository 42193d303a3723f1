/**
 * A bug report for the integration's own issue tracker, ready to paste: what failed, the Home
 * Assistant and integration versions, the root cause found, the redacted evidence (the signals
 * and any captured debug log). Nothing is sent anywhere: the user copies the text, or opens a
 * GitHub "new issue" link with it filled in, after searching the tracker for the same failure.
 */
import type { DebugCapture, RcaResult, UpstreamReport } from '@ha-llm-ops/contracts';

/** Home Assistant core's tracker, for every built-in integration. */
export const CORE_TRACKER = 'https://github.com/home-assistant/core/issues';
/** The longest link produced (GitHub answers 414 well above this; browsers accept more). */
export const MAX_URL_CHARS = 8000;
const MAX_TITLE_CHARS = 120;
const FENCE = '```';

/** The integration as its manifest describes it (`manifest/get`), or as the evidence knew it. */
export interface ReportedIntegration {
  domain: string;
  name: string | null;
  version: string | null;
  /** Built into Home Assistant (null: not known). */
  builtIn: boolean | null;
  issueTracker: string | null;
}

/** Everything the report is made of; the journal's text is redacted already. */
export interface UpstreamSources {
  incident: {
    id: string;
    title: string;
    first_seen: string;
    last_seen: string;
    occurrences: number;
  };
  analysis: RcaResult | null;
  /** The incident's signals, newest first. */
  signals: { message: string; severity: string; count: number }[];
  captures: DebugCapture[];
  haVersion: string | null;
  integration: ReportedIntegration;
  /** Applied to the whole report again before it is shown: nothing unredacted can slip through. */
  redact: (text: string) => string;
}

/** The tracker's address: the manifest's, or core's for a built-in integration. */
export function trackerOf(i: ReportedIntegration): string | null {
  const own = i.issueTracker?.trim();
  if (own && /^https?:\/\//.test(own)) return own.replace(/\/+$/, '');
  return i.builtIn ? CORE_TRACKER : null;
}

/** A GitHub repository's issues page (`https://github.com/<owner>/<repo>/issues`) for a tracker. */
export function githubIssues(tracker: string): string | null {
  const m = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?(?:\/issues)?\/?$/.exec(
    tracker,
  );
  return m ? `https://github.com/${m[1]}/${m[2]}/issues` : null;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function evidenceLines(s: UpstreamSources): string[] {
  return s.signals.map(
    (x) => `${x.severity.toUpperCase()} ${x.message}${x.count > 1 ? ` (×${x.count})` : ''}`,
  );
}

/** The Markdown body, with at most `maxLines` lines of each log section. */
function body(s: UpstreamSources, maxLines: number): string {
  const i = s.integration;
  const a = s.analysis;
  const block = (lines: string[], note: string): string[] => {
    const shown = lines.slice(0, maxLines);
    const more = lines.length - shown.length;
    return [
      FENCE + 'txt',
      ...shown,
      FENCE,
      ...(more ? [`_${more} more ${note} left out here; the full report is in LLM Ops._`] : []),
    ];
  };
  const captured = s.captures.flatMap((c) => c.lines);
  const out = [
    '### The problem',
    '',
    a?.summary ?? s.incident.title,
    '',
    `Seen ${s.incident.occurrences} time(s) between ${s.incident.first_seen} and ${s.incident.last_seen}.`,
    '',
    '### What version of Home Assistant Core has the issue?',
    '',
    s.haVersion ?? 'unknown',
    '',
    '### Integration causing the issue',
    '',
    `${i.name ?? i.domain} (\`${i.domain}\`)${i.version ? ` version ${i.version}` : ''}${
      i.builtIn === null ? '' : i.builtIn ? ', built into Home Assistant' : ', custom integration'
    }`,
    '',
    ...(a
      ? [
          '### Root cause (as analysed)',
          '',
          a.root_cause,
          '',
          `Confidence ${Math.round(a.confidence * 100)} %.${a.impact ? ` Impact: ${a.impact}` : ''}`,
          '',
        ]
      : []),
    '### Anything in the logs that might be useful for us?',
    '',
    ...block(evidenceLines(s), 'lines'),
    '',
    ...(s.captures.length
      ? [
          `### Debug log (captured ${s.captures.at(-1)?.started_at} – ${s.captures.at(-1)?.ended_at})`,
          '',
          ...block(captured, 'debug lines'),
          '',
        ]
      : []),
    '_Prepared with HA LLM Ops; secrets and personal data were replaced by placeholders such as `[TOKEN_1]`._',
  ];
  return out.join('\n');
}

function newIssueUrl(issues: string, title: string, text: string): string {
  return `${issues}/new?title=${encodeURIComponent(title)}&body=${encodeURIComponent(text)}`;
}

/** Build the report: the whole text, and links that fit in a URL. */
export function buildUpstreamReport(s: UpstreamSources): UpstreamReport {
  const i = s.integration;
  const title = s.redact(clip(`${i.name ?? i.domain}: ${s.incident.title}`, MAX_TITLE_CHARS));
  const longest = Math.max(
    s.signals.length,
    s.captures.reduce((n, c) => n + c.lines.length, 0),
  );
  const full = s.redact(body(s, longest));
  const tracker = trackerOf(i);
  const issues = tracker ? githubIssues(tracker) : null;
  let newIssue: string | null = tracker;
  let truncated = false;
  if (issues) {
    // Fewer log lines until the link fits; at worst the text itself is cut.
    let lines = longest;
    let url = newIssueUrl(issues, title, full);
    while (url.length > MAX_URL_CHARS && lines > 0) {
      lines = Math.floor(lines / 2);
      url = newIssueUrl(issues, title, s.redact(body(s, lines)));
      truncated = true;
    }
    let text = s.redact(body(s, lines));
    while (url.length > MAX_URL_CHARS) {
      text = `${text.slice(0, Math.floor(text.length * 0.8))}\n\n_… cut to fit a link; the full report is in LLM Ops._`;
      url = newIssueUrl(issues, title, text);
      truncated = true;
    }
    newIssue = url;
  }
  const words = clip(s.incident.title.replace(/["“”]/g, ''), 100);
  const query = `is:issue ${words.includes(i.domain) ? '' : `${i.domain} `}${words}`;
  return {
    incident_id: s.incident.id,
    title,
    body: full,
    integration: {
      domain: i.domain,
      name: i.name,
      version: i.version,
      custom: i.builtIn === null ? null : !i.builtIn,
    },
    ha_version: s.haVersion,
    issue_tracker: tracker,
    new_issue_url: newIssue,
    search_url: issues ? `${issues}?q=${encodeURIComponent(s.redact(query))}` : null,
    truncated,
  };
}
