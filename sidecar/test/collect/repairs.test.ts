/** Home Assistant's Repairs issues in HA's own words (the repairs collector). */
import { describe, expect, it } from 'vitest';
import { issueText, type RepairIssue } from '../../src/collect/repairs.js';

const issue = (over: Partial<RepairIssue>): RepairIssue => ({
  domain: 'homeassistant',
  issue_id: 'deprecated_method',
  issue_domain: null,
  severity: 'warning',
  translation_key: 'deprecated_method',
  translation_placeholders: { installation_type: 'Core', arch: 'x86_64' },
  learn_more_url: null,
  breaks_in_ha_version: null,
  is_fixable: false,
  ignored: false,
  created: '2026-12-03T08:00:00+00:00',
  ...over,
});

describe('issueText', () => {
  it("takes the translated title and description, with the issue's placeholders filled", () => {
    const text = issueText(issue({}), {
      'component.homeassistant.issues.deprecated_method.title': 'Unsupported installation method',
      'component.homeassistant.issues.deprecated_method.description':
        'This system is using the {installation_type} installation type.',
    });
    expect(text).toEqual({
      title: 'Unsupported installation method',
      description: 'This system is using the Core installation type.',
    });
  });

  it("reads a fixable issue's description from its fix flow", () => {
    const text = issueText(issue({ translation_key: 'broken', is_fixable: true }), {
      'component.homeassistant.issues.broken.title': 'Broken thing',
      'component.homeassistant.issues.broken.fix_flow.step.confirm.description': 'Press submit.',
    });
    expect(text.description).toBe('Press submit.');
  });

  it('never shows the raw issue id without a translation: the integration and key in words', () => {
    const text = issueText(
      issue({ issue_id: 'x_01J0ABCDEF', translation_key: 'device_offline', issue_domain: 'hue' }),
      {},
    );
    expect(text.title).toBe('hue: device offline');
    expect(text.title).not.toContain('x_01J0ABCDEF');
    expect(text.description).toBeNull();
  });
});
