/** Proposals keep their progress on screen after they leave the pending list. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProposalTracker } from '../src/shared/data/proposal-tracker.js';
import type { ActionProposal, IncidentSource, ProposalDetail } from '../src/shared/data/types.js';

const proposal = (status: ActionProposal['status']) =>
  ({
    id: 'p1',
    incident_id: 'i1',
    status,
    created_at: '2026-11-25T10:00:00.000Z',
  }) as ActionProposal;

function source(detail: (() => ProposalDetail) | null) {
  const proposalFn = vi.fn(async () => (detail ? detail() : null));
  return { source: { proposal: proposalFn } as unknown as IncidentSource, proposalFn };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ProposalTracker', () => {
  it('polls a decided proposal until it is final, then stops', async () => {
    vi.useFakeTimers();
    let status: ActionProposal['status'] = 'executing';
    const { source: s, proposalFn } = source(() => ({
      proposal: proposal(status),
      execution: null,
      result: status === 'succeeded' ? ({ backup_id: 'b1' } as ProposalDetail['result']) : null,
    }));
    const tracker = new ProposalTracker(s, 100);
    const changes = vi.fn();
    tracker.onChange(changes);
    tracker.upsert([proposal('proposed')]);
    expect(proposalFn).not.toHaveBeenCalled();
    tracker.upsert([proposal('approved')]); // a decision: look at once
    await vi.advanceTimersByTimeAsync(0);
    expect(proposalFn).toHaveBeenCalledTimes(1);
    status = 'succeeded';
    await vi.advanceTimersByTimeAsync(100);
    expect(tracker.get('p1')?.proposal.status).toBe('succeeded');
    expect(tracker.get('p1')?.backupId).toBe('b1');
    const calls = proposalFn.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(proposalFn.mock.calls.length).toBe(calls);
    // An older copy from a slow fetch does not undo the outcome.
    tracker.upsert([proposal('approved')]);
    expect(tracker.get('p1')?.proposal.status).toBe('succeeded');
    expect(changes).toHaveBeenCalled();
    tracker.dispose();
  });

  it('follows action events when the back end has no proposal detail', async () => {
    const { source: s, proposalFn } = source(null);
    const tracker = new ProposalTracker(s, 10);
    tracker.upsert([proposal('approved')]);
    await vi.waitFor(() => expect(proposalFn).toHaveBeenCalled());
    tracker.applyEvent({
      proposal_id: 'p1',
      incident_id: 'i1',
      action_id: 'reload_config_entry',
      status: 'succeeded',
      backup_id: 'b2',
    });
    expect(tracker.get('p1')).toMatchObject({ proposal: { status: 'succeeded' }, backupId: 'b2' });
    expect(tracker.forIncident('i1')).toHaveLength(1);
    expect(tracker.forIncident('other')).toEqual([]);
    tracker.dispose();
  });
});
