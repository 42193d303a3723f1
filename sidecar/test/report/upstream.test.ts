/**
 * The upstream bug report: built from redacted evidence and redacted once more, addressed to
 * the integration's own tracker (core's for built-in ones), with a "new issue" link that fits
 * in a URL however much was captured, and a search for duplicates.
 */
import type { DebugCapture, RcaResult } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/package/redact.js';
import {
  buildUpstreamReport,
  CORE_TRACKER,
  githubIssues,
  MAX_URL_CHARS,
  type UpstreamSources,
} from '../../src/report/index.js';

const analysis = {
  summary: 'The Fault Lab hub sends malformed readings.',
  root_cause: 'The hub answers without a temperature; the parser raises.',
  impact: 'Sensors keep their last value.',
  confidence: 0.8,
} as RcaResult;

function capture(lines: string[]): DebugCapture {
  return {
    id: 'fault_lab@2026-12-04T09:00:00.000Z',
    integration: 'fault_lab',
    started_at: '2026-12-04T09:00:00.000Z',
    ended_at: '2026-12-04T09:02:00.000Z',
    lines,
    dropped: 0,
  };
}

function sources(over: Partial<UpstreamSources> = {}): UpstreamSources {
  return {
    incident: {
      id: 'inc_1',
      title: 'Fault Lab logs errors',
      first_seen: '2026-12-04T08:00:00.000Z',
      last_seen: '2026-12-04T09:00:00.000Z',
      occurrences: 12,
    },
    analysis,
    signals: [
      { message: 'Error parsing reading from Fault Lab hub', severity: 'error', count: 12 },
    ],
    captures: [capture(['2026-12-04 10:00:01 DEBUG [custom_components.fault_lab] Polling hub'])],
    haVersion: '2026.11.0',
    integration: {
      domain: 'fault_lab',
      name: 'Fault Lab',
      version: '0.1.0',
      builtIn: false,
      issueTracker: 'https://github.com/ha-llm-ops/ha-llm-ops/issues',
    },
    redact: (t) => new Redactor().text(t),
    ...over,
  };
}

const bodyOf = (url: string) => new URL(url).searchParams.get('body') ?? '';

describe('the upstream report', () => {
  it('holds versions, root cause, the signals and the captured debug lines', () => {
    const r = buildUpstreamReport(sources());
    expect(r.title).toBe('Fault Lab: Fault Lab logs errors');
    expect(r.body).toContain('2026.11.0');
    expect(r.body).toContain('Fault Lab (`fault_lab`) version 0.1.0, custom integration');
    expect(r.body).toContain(analysis.root_cause);
    expect(r.body).toContain('ERROR Error parsing reading from Fault Lab hub (×12)');
    expect(r.body).toContain('DEBUG [custom_components.fault_lab] Polling hub');
    expect(r.truncated).toBe(false);
  });

  it('redacts what it quotes, even what reached it unredacted', () => {
    const secret = 'api_key=fl-debug-4f9c2e71b8a34d0e';
    const r = buildUpstreamReport(
      sources({ captures: [capture([`DEBUG Polling hub at 192.0.2.10 with ${secret}`])] }),
    );
    expect(r.body).not.toContain('fl-debug-4f9c2e71b8a34d0e');
    expect(r.body).toContain('Polling hub at');
    expect(bodyOf(r.new_issue_url ?? '')).not.toContain('fl-debug-4f9c2e71b8a34d0e');
  });

  it('links a prefilled new issue and a duplicate search on the integration’s GitHub tracker', () => {
    const r = buildUpstreamReport(sources());
    expect(r.issue_tracker).toBe('https://github.com/ha-llm-ops/ha-llm-ops/issues');
    const url = new URL(r.new_issue_url ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://github.com/ha-llm-ops/ha-llm-ops/issues/new',
    );
    expect(url.searchParams.get('title')).toBe(r.title);
    expect(url.searchParams.get('body')).toBe(r.body);
    const search = new URL(r.search_url ?? '');
    expect(`${search.origin}${search.pathname}`).toBe(
      'https://github.com/ha-llm-ops/ha-llm-ops/issues',
    );
    expect(search.searchParams.get('q')).toBe('is:issue fault_lab Fault Lab logs errors');
  });

  it('sends built-in integrations to Home Assistant core’s tracker', () => {
    const r = buildUpstreamReport(
      sources({
        integration: {
          domain: 'hue',
          name: 'Philips Hue',
          version: null,
          builtIn: true,
          issueTracker: null,
        },
      }),
    );
    expect(r.issue_tracker).toBe(CORE_TRACKER);
    expect(r.new_issue_url).toMatch(
      /^https:\/\/github\.com\/home-assistant\/core\/issues\/new\?title=/,
    );
    expect(r.body).toContain('built into Home Assistant');
  });

  it('gives no link where the integration names no tracker, and the plain tracker off GitHub', () => {
    const none = buildUpstreamReport(
      sources({ integration: { ...sources().integration, issueTracker: null } }),
    );
    expect([none.issue_tracker, none.new_issue_url, none.search_url]).toEqual([null, null, null]);
    expect(none.body).toContain('Polling hub');
    const gitlab = buildUpstreamReport(
      sources({
        integration: { ...sources().integration, issueTracker: 'https://gitlab.com/x/y/-/issues' },
      }),
    );
    expect(gitlab.new_issue_url).toBe('https://gitlab.com/x/y/-/issues');
    expect(gitlab.search_url).toBeNull();
  });

  it('shortens the evidence in the link to fit a URL, never the text to copy', () => {
    const lines = Array.from(
      { length: 600 },
      (_, i) =>
        `2026-12-04 10:00:${String(i % 60).padStart(2, '0')} DEBUG [custom_components.fault_lab] poll ${i} returned a long payload of readings`,
    );
    const r = buildUpstreamReport(sources({ captures: [capture(lines)] }));
    expect(r.truncated).toBe(true);
    expect(r.new_issue_url?.length).toBeLessThanOrEqual(MAX_URL_CHARS);
    expect(r.body).toContain('poll 599 returned');
    const linked = bodyOf(r.new_issue_url ?? '');
    expect(linked).toContain('poll 0 returned');
    expect(linked).not.toContain('poll 599 returned');
    expect(linked).toMatch(/more debug lines left out here; the full report is in LLM Ops/);
  });

  it('reads GitHub trackers in the forms manifests write them', () => {
    expect(githubIssues('https://github.com/o/r')).toBe('https://github.com/o/r/issues');
    expect(githubIssues('https://github.com/o/r/issues/')).toBe('https://github.com/o/r/issues');
    expect(githubIssues('https://github.com/o/r.git')).toBe('https://github.com/o/r/issues');
    expect(githubIssues('https://example.com/o/r/issues')).toBeNull();
  });
});
