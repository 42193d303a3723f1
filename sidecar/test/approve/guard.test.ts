import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../src/journal/journal.js';
import { ProposalJournal } from '../../src/journal/proposals.js';
import { guard } from '../../src/approve/guard.js';
import { parsePolicy, policyAllows } from '../../src/policy/policy.js';
import { makePipeline, pastExecution, signal } from '../helpers/pipeline.js';

function setup(policyText: string) {
  const { journal, correlator } = makePipeline();
  correlator.emit(signal({ integration: 'hue', severity: 'warning' }));
  const [incident] = journal.listIncidents({}, 1, 0).items as [IncidentRecord];
  return { proposals: new ProposalJournal(journal.db), policy: parsePolicy(policyText), incident };
}

/** Journal one execution of `target` started at `at`. */
function executed(
  proposals: ProposalJournal,
  incident: IncidentRecord,
  target: string,
  at: string,
  n: number,
) {
  pastExecution(proposals, {
    id: String(n),
    incidentId: incident.id,
    actionId: 'reload_config_entry',
    target,
    at,
  });
}

const now = new Date('2026-11-25T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

describe('policyAllows', () => {
  it('honours allowed, integration include/exclude and severities', () => {
    const { policy, incident } = setup(
      [
        'actions:',
        '  restart_core: {allowed: false}',
        '  reload_config_entry: {conditions: {integrations: {include: [zha]}}}',
        '  disable_config_entry: {conditions: {integrations: {exclude: [hue]}}}',
        '  restart_addon: {conditions: {severities: [error, critical]}}',
      ].join('\n'),
    );
    expect(policyAllows(policy, 'restart_core', incident)).toEqual({
      ok: false,
      reason: 'the policy does not allow restart_core',
    });
    expect(policyAllows(policy, 'reload_config_entry', incident)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/only for zha/),
    });
    expect(policyAllows(policy, 'disable_config_entry', incident)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/excludes hue/),
    });
    expect(policyAllows(policy, 'restart_addon', incident)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/severity error, critical/),
    });
    expect(policyAllows(policy, 'create_backup', incident)).toEqual({ ok: true });
  });
});

describe('guard', () => {
  const input = (over: object = {}) => ({
    actionId: 'reload_config_entry' as const,
    target: 'reload_config_entry:e1',
    automatic: false,
    proposedBy: 'offline' as const,
    now,
    ...over,
  });

  it('holds a cooldown per target, and names when the next run is allowed', () => {
    const { proposals, policy, incident } = setup(
      'actions:\n  reload_config_entry: {cooldown_s: 600}\n',
    );
    executed(proposals, incident, 'reload_config_entry:e1', minutesAgo(4), 1);
    expect(guard(proposals, { policy, incident, ...input() })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/cooldown.*6 min/),
    });
    expect(
      guard(proposals, { policy, incident, ...input({ target: 'reload_config_entry:e2' }) }),
    ).toEqual({ ok: true });
  });

  it('limits attempts per incident and the hourly budget', () => {
    const { proposals, policy, incident } = setup(
      'max_actions_per_hour: 3\nactions:\n  reload_config_entry: {cooldown_s: 0, max_attempts_per_incident: 2}\n',
    );
    executed(proposals, incident, 'reload_config_entry:a', minutesAgo(30), 1);
    executed(proposals, incident, 'reload_config_entry:b', minutesAgo(20), 2);
    expect(guard(proposals, { policy, incident, ...input() })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/tried 2 times/),
    });
    const other = { ...incident, id: 'inc_other' };
    executed(proposals, other, 'reload_config_entry:c', minutesAgo(10), 3);
    expect(
      guard(proposals, { policy, incident: { ...incident, id: 'inc_third' }, ...input() }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/hourly budget used: 3 of 3/),
    });
  });

  it('runs automatically only what the policy marks auto, and never in quiet hours', () => {
    const { proposals, incident } = setup('');
    const manual = parsePolicy('actions:\n  reload_config_entry: {auto: false}\n');
    expect(
      guard(proposals, { policy: manual, incident, ...input({ automatic: true }) }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/does not run reload_config_entry automatically/),
    });
    const local = new Date(2026, 10, 25, 23, 30);
    const quiet = parsePolicy(
      'quiet_hours: {start: "23:00", end: "07:00"}\nactions:\n  reload_config_entry: {auto: true}\n',
    );
    expect(
      guard(proposals, { policy: quiet, incident, ...input({ automatic: true, now: local }) }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/quiet hours/),
    });
    // A human approval is not held back by quiet hours.
    expect(
      guard(proposals, { policy: quiet, incident, ...input({ automatic: false, now: local }) }),
    ).toEqual({ ok: true });
  });

  it('reads quiet hours on the clock of Home Assistant’s time zone, not the process’s', () => {
    const { proposals, incident } = setup('');
    const quiet = parsePolicy(
      'quiet_hours: {start: "23:00", end: "07:00"}\nactions:\n  reload_config_entry: {auto: true}\n',
    );
    // 12:00 UTC is 01:00 the next day in Auckland (UTC+13 in November): night at home.
    const at = (timeZone: string) =>
      guard(proposals, { policy: quiet, incident, ...input({ automatic: true, timeZone }) });
    expect(at('Pacific/Auckland')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/quiet hours/),
    });
    // The same instant is midday in Berlin.
    expect(at('Europe/Berlin')).toEqual({ ok: true });
  });

  it('never runs unattended what only a model proposed, even an action the policy marks auto', () => {
    const { proposals, incident } = setup('');
    const auto = parsePolicy(
      'mode: auto\nactions:\n  restart_core: {auto: true}\n  reload_config_entry: {auto: true}\n',
    );
    for (const proposedBy of ['llm', 'ai_task'] as const) {
      expect(
        guard(proposals, { policy: auto, incident, ...input({ automatic: true, proposedBy }) }),
      ).toMatchObject({ ok: false, reason: expect.stringMatching(/only the model.*a person/) });
      expect(
        guard(proposals, {
          policy: auto,
          incident,
          ...input({
            actionId: 'restart_core',
            target: 'restart_core',
            automatic: true,
            proposedBy,
          }),
        }),
      ).toMatchObject({ ok: false });
      // A person may still approve it.
      expect(guard(proposals, { policy: auto, incident, ...input({ proposedBy }) })).toEqual({
        ok: true,
      });
    }
    expect(guard(proposals, { policy: auto, incident, ...input({ automatic: true }) })).toEqual({
      ok: true,
    });
  });

  it('runs unattended only what the offline knowledge base proposed, not what a person did', () => {
    const { proposals, incident } = setup('');
    const auto = parsePolicy('mode: auto\nactions:\n  reload_config_entry: {auto: true}\n');
    expect(
      guard(proposals, {
        policy: auto,
        incident,
        ...input({ automatic: true, proposedBy: 'user' }),
      }),
    ).toEqual({ ok: false, reason: 'a person proposed reload_config_entry; a person approves it' });
  });

  it('never runs by itself what helps only after a change of the user’s; a person may run it', () => {
    const { proposals, incident } = setup('');
    const auto = parsePolicy('mode: auto\nactions:\n  reload_automations: {auto: true}\n');
    const analysed = (afterUserFix: boolean): IncidentRecord => ({
      ...incident,
      analysis: {
        summary: 'The porch automation passes invalid data to an action',
        root_cause: 'A step calls an action with data it does not accept.',
        impact: 'The actions after the failing step do not run.',
        confidence: 0.85,
        category: 'automation_error',
        remedy: 'fix_config_then_reload',
        evidence_refs: [],
        candidate_actions: [
          {
            action_id: 'reload_automations',
            params: {},
            rationale: 'After the automation is fixed in YAML, reload automations.',
            risk: 'low',
            ...(afterUserFix && { after_user_fix: true }),
          },
        ],
        risk: 'low',
        tests: [],
        manual_steps: [],
        analyzer: 'offline',
        signature: 'automation.invalid_action_data',
      },
    });
    const reload = (afterUserFix: boolean, automatic: boolean) =>
      guard(proposals, {
        policy: auto,
        incident: analysed(afterUserFix),
        ...input({ automatic, actionId: 'reload_automations', target: 'reload_automations' }),
      });
    expect(reload(true, true)).toEqual({
      ok: false,
      reason: 'reload_automations helps only after a change of yours; a person runs it',
    });
    expect(reload(true, false)).toEqual({ ok: true }); // approved by a person
    expect(reload(false, true)).toEqual({ ok: true });
  });
});
