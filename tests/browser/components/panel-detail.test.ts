/** The panel’s incident page: its sections, actions and time zones, against a fake `hass`. */
import { describe, expect, it } from 'vitest';
import { callsOf, golden, mountPanel, page, poll, useComponentPage } from './page.js';

useComponentPage();

describe('the panel: incident detail', () => {
  it('shows dates in Home Assistant’s time zone, or the browser’s when the profile asks', async () => {
    const { incidentOpen } = await golden();
    const firstSeen = () =>
      page()
        .locator(`llm-ops-incident-detail time[datetime="${incidentOpen.first_seen}"]`)
        .first()
        .getAttribute('title');
    const clockIn = (timeZone: string) =>
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(
        Date.parse(incidentOpen.first_seen),
      );
    // Late evening in Auckland (UTC+13 in November), early morning in New York (UTC-5).
    expect(clockIn('Pacific/Auckland')).toMatch(/^Nov 25, 2026, 11:\d\d:\d\d PM$/);
    expect(clockIn('America/New_York')).toMatch(/^Nov 25, 2026, 5:\d\d:\d\d AM$/);
    await mountPanel({ path: `/incident/${incidentOpen.id}`, timeZone: 'Pacific/Auckland' });
    await poll(firstSeen).toBe(clockIn('Pacific/Auckland'));
    await mountPanel({ path: `/incident/${incidentOpen.id}`, timeZone: 'America/New_York' });
    await poll(firstSeen).toBe(clockIn('America/New_York'));
    const browserClock = await page().evaluate(
      (iso) =>
        new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(
          Date.parse(iso),
        ),
      incidentOpen.first_seen,
    );
    await mountPanel({
      path: `/incident/${incidentOpen.id}`,
      timeZone: 'Pacific/Auckland',
      localTime: true,
    });
    await poll(firstSeen).toBe(browserClock);
  });

  it('shows the analysis, the redacted evidence and a timeline', async () => {
    const { incidentOpen, analysis, bundle } = await golden();
    await mountPanel({ path: `/incident/${incidentOpen.id}` });
    const detail = page().locator('llm-ops-incident-detail');
    await poll(() => detail.locator('[data-field=summary]').innerText()).toBe(analysis.summary);
    expect(await detail.locator('[data-field=root-cause]').innerText()).toBe(analysis.root_cause);
    expect(await detail.locator('[data-field=impact]').innerText()).toBe(analysis.impact);
    expect(await detail.locator('[data-field=confidence]').innerText()).toBe('80 %');
    expect(await detail.locator('[role=meter]').getAttribute('aria-valuenow')).toBe('80');
    expect(await detail.locator('[data-field=remedy]').innerText()).toBe('Reload the integration');
    expect(await detail.locator('[data-field=manual-steps] li').allInnerTexts()).toEqual(
      analysis.manual_steps,
    );

    // Evidence: the log lines with their counts; the traceback is collapsed until opened.
    const log = detail.locator('ul.log > li');
    expect(await log.count()).toBe(bundle.log_lines.length);
    expect(await log.nth(0).innerText()).toContain('[IP_1]');
    expect(await log.nth(1).locator('.count').innerText()).toBe('7×');
    const tb = log.nth(1).locator('details.traceback');
    expect(await tb.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await tb.locator('summary').click();
    expect(await tb.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await tb.locator('pre').innerText()).toContain('FaultLabHubError');
    expect(await detail.locator('section.evidence').innerText()).toContain('2 ip');

    // The timeline: first seen, signals, evidence, analysis and the proposal.
    const kinds = await detail
      .locator('ol.timeline li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    for (const k of ['seen', 'signal', 'evidence', 'analysis', 'proposal']) {
      expect(kinds).toContain(k);
    }
    // Newest first.
    const times = await detail
      .locator('ol.timeline time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('shows how the proposed action went here, and what is no longer proposed and why', async () => {
    const { incidentOpen, proposal } = await golden();
    const record = proposal.preview.track_record;
    if (!record) throw new Error('the golden proposal carries a track record');
    const restart = {
      action_id: 'restart_core' as const,
      label: 'Restart Home Assistant',
      track_record: {
        ...record,
        tries: 3,
        verified: 0,
        failed_in_a_row: 3,
        summary: 'Restart Home Assistant fixed fault_lab 0 of 3 times here.',
      },
      reason: 'Restart Home Assistant failed for fault_lab the last 3 times here.',
    };
    await mountPanel({ path: `/incident/${incidentOpen.id}`, notProposed: [restart] });
    const card = page().locator(`llm-ops-incident-detail article[data-proposal="${proposal.id}"]`);
    await poll(() => card.locator('[data-field=track-record]').count()).toBe(1);
    expect(await card.locator('[data-field=track-record]').innerText()).toBe(record.summary);
    const left = page().locator('llm-ops-incident-detail [data-not-proposed=restart_core]');
    await poll(() => left.count()).toBe(1);
    expect(await left.innerText()).toBe(`Not proposed: ${restart.reason}`);
  });

  it('shows the proposal’s dry-run preview and approves it after confirmation', async () => {
    const { incidentOpen, proposal: golden_ } = await golden();
    // The action names itself: the panel shows the label the proposal carries.
    const proposal = { ...golden_, preview: { ...golden_.preview, label: 'Reload the hub entry' } };
    await mountPanel({ path: `/incident/${incidentOpen.id}`, proposals: [proposal] });
    const card = page().locator(`llm-ops-incident-detail article[data-proposal="${proposal.id}"]`);
    await poll(() => card.count()).toBe(1);
    const text = await card.innerText();
    expect(text).toContain('Reload the hub entry');
    expect(text).toContain('Low risk');
    expect(text).toContain('entry_id');
    expect(await card.locator('[data-field=backup]').innerText()).toBe(proposal.preview.backup);
    expect(await card.locator('[data-field=verification]').innerText()).toContain(
      'Fault Lab is loaded within 60 s',
    );

    // Cancel first: nothing is sent.
    await card.locator('button[data-action=approve]').click();
    const dialog = page().locator('llm-ops-incident-detail dialog.confirm');
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toContain('A backup is taken first');
    await page().keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);
    expect(await callsOf('llm_ops/approve')).toEqual([]);

    await card.locator('button[data-action=approve]').click();
    await dialog.locator('button[data-confirm]').click();
    await poll(() => callsOf('llm_ops/approve')).toEqual([
      { type: 'llm_ops/approve', proposal_id: proposal.id },
    ]);
    // Progress and result from llm_ops/proposal.
    await poll(() => card.locator('[data-field=backup-id]').innerText()).toBe('3b2f8c1d');
    expect(await card.locator('ol.steps li').count()).toBe(4);
    expect(await card.locator('[data-field=verification-result]').innerText()).toContain('Passed');
    expect(await card.locator('.chip[data-status]').first().innerText()).toContain('Succeeded');
    expect(await callsOf('llm_ops/proposal')).not.toEqual([]);
  });

  it('shows the rollback when verification failed', async () => {
    const { incidentOpen, proposal, resultRolledBack } = await golden();
    await mountPanel({ path: `/incident/${incidentOpen.id}`, proposalDetail: 'rolled_back' });
    const card = page().locator(`llm-ops-incident-detail article[data-proposal="${proposal.id}"]`);
    await card.locator('button[data-action=approve]').click();
    await page().locator('llm-ops-incident-detail dialog button[data-confirm]').click();
    await poll(() => card.locator('[data-field=rollback]').innerText()).toContain('Rolled back');
    expect(await card.locator('[data-field=rollback]').innerText()).toContain(
      resultRolledBack.rollback?.detail ?? '',
    );
    const verification = await card.locator('[data-field=verification-result]').innerText();
    expect(verification).toContain('Failed');
    expect(verification).toContain('still setup_retry after 60 s');
  });

  it('follows the execution through action events when llm_ops/proposal is unknown', async () => {
    const { incidentOpen, proposal, actionEvent } = await golden();
    await mountPanel({ path: `/incident/${incidentOpen.id}`, proposalDetail: 'unknown_command' });
    const card = page().locator(`llm-ops-incident-detail article[data-proposal="${proposal.id}"]`);
    await card.locator('button[data-action=approve]').click();
    await page().locator('llm-ops-incident-detail dialog button[data-confirm]').click();
    await poll(() => card.locator('.progress').innerText()).toContain('Approved');
    await page().evaluate(
      (e) =>
        window.harness.hass?.push({
          kind: 'action',
          data: { ...e, status: 'executing', backup_id: null },
        }),
      actionEvent,
    );
    await poll(() => card.locator('.progress').innerText()).toContain('Running');
    await page().evaluate(
      (e) => window.harness.hass?.push({ kind: 'action', data: e }),
      actionEvent,
    );
    await poll(() => card.locator('.outcome').innerText()).toContain('Succeeded');
    expect(await card.locator('[data-field=backup-id]').innerText()).toBe('3b2f8c1d');
  });

  it('shows how earlier fixes ended when the incident lists decided proposals', async () => {
    const { incidentOpen, proposal } = await golden();
    await mountPanel({
      path: `/incident/${incidentOpen.id}`,
      proposals: [
        {
          ...proposal,
          status: 'succeeded',
          decided_by: 'Owner',
          decided_at: '2026-11-25T10:19:59.000Z',
        },
      ],
    });
    const card = page().locator(`llm-ops-incident-detail article[data-proposal="${proposal.id}"]`);
    await poll(() => card.locator('[data-field=backup-id]').count()).toBe(1);
    expect(await card.locator('button[data-action]').count()).toBe(0);
    expect(await card.locator('ol.steps li').count()).toBe(4);
    const kinds = await page()
      .locator('llm-ops-incident-detail ol.timeline li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['decision', 'step', 'result']));
  });

  it('rejects with a reason', async () => {
    const { incidentOpen, proposal } = await golden();
    await mountPanel({ path: `/incident/${incidentOpen.id}` });
    const card = page().locator(`llm-ops-incident-detail article[data-proposal="${proposal.id}"]`);
    await card.locator('button[data-action=reject]').click();
    const dialog = page().locator('llm-ops-incident-detail dialog.confirm');
    await dialog.locator('textarea').fill('I will restart the hub myself');
    await dialog.locator('button[data-confirm]').click();
    await poll(() => callsOf('llm_ops/reject')).toEqual([
      { type: 'llm_ops/reject', proposal_id: proposal.id, reason: 'I will restart the hub myself' },
    ]);
    await poll(() => card.locator('.chip[data-status]').innerText()).toContain('Rejected');
    expect(await card.locator('button[data-action=approve]').count()).toBe(0);
  });

  it('dismisses an incident, optionally ignoring similar ones', async () => {
    const { incidentOpen } = await golden();
    await mountPanel({ path: `/incident/${incidentOpen.id}` });
    await page().locator('llm-ops-incident-detail button[data-action=dismiss]').click();
    const dialog = page().locator('llm-ops-incident-detail dialog.confirm');
    await dialog.locator('input[type=checkbox]').check();
    await dialog.locator('button[data-confirm]').click();
    await poll(() => callsOf('llm_ops/dismiss')).toEqual([
      { type: 'llm_ops/dismiss', incident_id: incidentOpen.id, ignore_similar: true },
    ]);
  });

  it('marks an incident not a problem with a reason, and shows the outcome', async () => {
    const { incidentOpen } = await golden();
    await mountPanel({ path: `/incident/${incidentOpen.id}` });
    await page().locator('llm-ops-incident-detail button[data-action=false-alarm]').click();
    const dialog = page().locator('llm-ops-incident-detail dialog.confirm');
    expect(await dialog.innerText()).toContain('kept quiet');
    await dialog.locator('textarea, input[name=reason]').first().fill('The hub reboots nightly');
    await dialog.locator('button[data-confirm]').click();
    await poll(() => callsOf('llm_ops/mark_false_alarm')).toEqual([
      {
        type: 'llm_ops/mark_false_alarm',
        incident_id: incidentOpen.id,
        reason: 'The hub reboots nightly',
      },
    ]);
  });

  it('shows how a closed incident ended, and offers "not a problem" until it is one', async () => {
    const { incidentResolved } = await golden();
    await mountPanel({ path: `/incident/${incidentResolved.id}` });
    const outcome = page().locator('llm-ops-incident-detail [data-field=outcome]');
    await poll(() => outcome.innerText()).toContain('Resolved by itself');
    const detail = page().locator('llm-ops-incident-detail');
    expect(await detail.locator('button[data-action=dismiss]').count()).toBe(0);
    expect(await detail.locator('button[data-action=false-alarm]').count()).toBe(1);

    const falseAlarm = {
      ...incidentResolved,
      status: 'dismissed' as const,
      outcome: {
        outcome: 'false_alarm' as const,
        closed_at: incidentResolved.resolved_at ?? incidentResolved.last_seen,
        signature: null,
        integration: incidentResolved.integration,
        action_id: null,
        decided_by: 'Ada',
      },
    };
    await mountPanel({ path: `/incident/${incidentResolved.id}`, incidents: [falseAlarm] });
    await poll(() => outcome.innerText()).toContain('Not a problem (false alarm) — Ada');
    expect(await detail.locator('button[data-action=false-alarm]').count()).toBe(0);
  });

  it('offers no decisions to non-administrators', async () => {
    const { incidentOpen } = await golden();
    await mountPanel({ path: `/incident/${incidentOpen.id}`, admin: false });
    const detail = page().locator('llm-ops-incident-detail');
    await poll(() => detail.locator('article.proposal').count()).toBe(1);
    expect(await detail.locator('button[data-action]').count()).toBe(0);
    expect(await detail.locator('article.proposal').innerText()).toContain(
      'An administrator can approve',
    );
  });

  it('says so when the incident no longer exists', async () => {
    await mountPanel({ path: '/incident/inc_gone' });
    await poll(() => page().locator('llm-ops-incident-detail .state').innerText()).toContain(
      'This incident no longer exists',
    );
  });
});
