/** The approval card against a fake `hass`. */
import { describe, expect, it } from 'vitest';
import type { FakeHassOptions } from '../harness/api.js';
import { callsOf, golden, page, poll, useComponentPage } from './page.js';

useComponentPage();

describe('the approval card', () => {
  async function mountApproval(opts: FakeHassOptions = {}, config: Record<string, unknown> = {}) {
    await page().evaluate(
      ({ config, opts }) => window.harness.mountCard('llm-ops-approval-card', config, opts),
      { config, opts },
    );
  }
  const card = () => page().locator('llm-ops-approval-card ha-card');

  it('lists pending proposals with their preview; approving asks first', async () => {
    const { proposal } = await golden();
    await mountApproval();
    const item = card().locator(`li[data-proposal="${proposal.id}"]`);
    await poll(() => item.count()).toBe(1);
    expect(await card().locator('[data-field=count]').innerText()).toBe('1');
    expect(await item.innerText()).toContain(proposal.preview.summary);
    // How the action went here, without unfolding the preview.
    expect(await item.locator('[data-field=track-record]').innerText()).toBe(
      proposal.preview.track_record?.summary,
    );
    await item.locator('details.preview summary').click();
    expect(await item.locator('[data-field=backup]').innerText()).toBe(proposal.preview.backup);

    await item.locator('button[data-action=approve]').click();
    await card().locator('dialog button[data-confirm]').click();
    await poll(() => callsOf('llm_ops/approve')).toEqual([
      { type: 'llm_ops/approve', proposal_id: proposal.id },
    ]);
    // It stays on the card with its outcome.
    await poll(() => item.innerText()).toContain('Succeeded');
    expect(await item.innerText()).toContain('3b2f8c1d');
    expect(await item.locator('button[data-action]').count()).toBe(0);
  });

  it('rejects with a reason', async () => {
    const { proposal } = await golden();
    await mountApproval();
    await card().locator('button[data-action=reject]').click();
    await card().locator('dialog textarea').fill('not now');
    await card().locator('dialog button[data-confirm]').click();
    await poll(() => callsOf('llm_ops/reject')).toEqual([
      { type: 'llm_ops/reject', proposal_id: proposal.id, reason: 'not now' },
    ]);
  });

  it('has no buttons for non-admins, and says when nothing waits', async () => {
    await mountApproval({ admin: false });
    await poll(() => card().locator('li.proposal').count()).toBe(1);
    expect(await card().locator('button[data-action]').count()).toBe(0);
    expect(await card().innerText()).toContain('An administrator can approve');
    await mountApproval({ proposals: [] });
    await poll(() => card().innerText()).toContain('Nothing waits for approval');
  });
});
