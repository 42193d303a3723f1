/** Which checks decide a fix: the action's own, then the analysis's checks that the failure stopped. */
import type { VerificationTest } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import { afterFix } from '../../src/execute/verify.js';

const t = (kind: VerificationTest['kind'], timeout_s?: number): VerificationTest => ({
  kind,
  description: kind,
  ...(timeout_s && { timeout_s }),
});

describe('afterFix', () => {
  it('adds the analysis’s checks that the failure stopped to a fix’s own', () => {
    const own = [t('automation_off', 10)];
    const analysis = [t('no_new_matching_errors', 600), t('config_entry_loaded', 60)];
    expect(afterFix(own, analysis, true).map((x) => x.kind)).toEqual([
      'automation_off',
      'no_new_matching_errors',
    ]);
  });

  it('leaves out checks bound to another target, repeats, and anything for evidence-only actions', () => {
    const own = [t('config_entry_loaded', 60), t('entities_available', 60)];
    const analysis = [
      t('entities_available', 120),
      t('no_new_matching_errors', 300),
      t('no_new_matching_errors', 60),
      t('addon_started'),
      t('manual'),
    ];
    expect(afterFix(own, analysis, true).map((x) => x.kind)).toEqual([
      'config_entry_loaded',
      'entities_available',
      'no_new_matching_errors',
    ]);
    expect(afterFix([t('log_level_set', 10)], analysis, false)).toEqual([t('log_level_set', 10)]);
    expect(afterFix(own, [], true)).toEqual(own);
  });

  it('does not wait for the entities of what a fix turned off to come back', () => {
    const analysis = [t('entities_available', 60), t('no_new_matching_errors', 60)];
    expect(afterFix([t('config_entry_disabled', 30)], analysis, true).map((x) => x.kind)).toEqual([
      'config_entry_disabled',
      'no_new_matching_errors',
    ]);
  });
});
