/**
 * Issues Home Assistant raised in Repairs itself. HA already explains them (in the
 * user's language) and offers its own fix where there is one, so they are evidence
 * to show, not work for LLM Ops: notices (deprecations, unsupported setups) are
 * information and never wait for an approval, and no action is proposed that HA's
 * own repair does not call for. The collector puts the issue's translated title
 * and description in the message (`<title> — <description>`) and its key in the
 * data, so matching never depends on the language.
 */
import type { Outcome, SignatureFamily } from '../types.js';

/** The message of a Repairs signal: its translated title, then its description. */
const ISSUE = /^(?<issue_title>.+?) — /;
const KIND = ['repair_issue'] as const;

const follow: Omit<Outcome, 'title' | 'rootCause' | 'confidence' | 'category' | 'severity'> = {
  remedy: 'notify_only',
  impact: 'As Home Assistant describes it in Settings → System → Repairs.',
  actions: [],
  tests: [],
  manualSteps: [
    'Open Settings → System → Repairs and read Home Assistant’s own description of this issue; where it offers a fix, that is the fix.',
  ],
};

/** Repairs issues raised by Home Assistant or an integration. */
export const repairs: SignatureFamily = {
  family: 'repairs',
  signatures: [
    {
      id: 'notice',
      match: [
        {
          kind: KIND,
          text: ISSUE,
          minLevel: 'INFO',
          with: [
            /^issue: \w*(?:deprecat|unsupported|legacy|removed|breaking|migrat|outdated|no_longer|obsolete)/,
          ],
        },
        { kind: KIND, text: ISSUE, minLevel: 'INFO', with: [/^breaks_in: \d{4}\.\d+/] },
      ],
      ...follow,
      category: 'other',
      severity: 'info',
      confidence: 0.92,
      title: '{issue_title}',
      rootCause:
        'Home Assistant raised a notice in Repairs: “{detail}”. It announces a change or an unsupported setup; nothing is broken by it today, and no automatic action applies.',
      impact:
        'Nothing stops working now; what the notice announces happens only with the version or change it names.',
    },
    {
      id: 'reauth',
      match: { kind: KIND, text: ISSUE, minLevel: 'INFO', with: [/^issue: \w*reauth/] },
      ...follow,
      category: 'auth_expired',
      remedy: 'start_reauth',
      severity: 'error',
      confidence: 0.9,
      title: '{issue_title}',
      rootCause:
        'Home Assistant asks to sign in again: “{detail}”. Its own reauthentication flow is already waiting in Settings → Devices & services.',
      impact: '{integration} stays unavailable until you sign in again.',
      manualSteps: [
        'Open Settings → Devices & services, find the integration marked for reconfiguration and sign in again.',
      ],
    },
    {
      id: 'issue',
      match: { kind: KIND, text: ISSUE, minLevel: 'INFO' },
      ...follow,
      category: 'other',
      severity: 'warning',
      confidence: 0.75,
      title: '{issue_title}',
      rootCause: 'Home Assistant raised this issue in Repairs: “{detail}”.',
    },
  ],
};
