/** Material Design Icons (@mdi/js paths) as inline SVG, coloured by `currentColor`. */
import {
  mdiAlert,
  mdiAlertCircle,
  mdiAlertOctagon,
  mdiCheckCircle,
  mdiCloseCircle,
  mdiInformation,
  mdiMinusCircleOutline,
  mdiProgressClock,
} from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import type { ProposalStatus, Severity } from '../data/types.js';

/** An icon; decorative unless it gets a label. */
export function icon(path: string, label?: string): TemplateResult {
  return html`<svg
    class="icon"
    viewBox="0 0 24 24"
    focusable="false"
    role=${label ? 'img' : nothing}
    aria-label=${label ?? nothing}
    aria-hidden=${label ? nothing : 'true'}
  >
    <path d=${path}></path>
  </svg>`;
}

export const SEVERITY_ICONS: Readonly<Record<Severity, string>> = {
  critical: mdiAlertOctagon,
  error: mdiAlertCircle,
  warning: mdiAlert,
  info: mdiInformation,
};

/** The icon of a step, check or proposal state. */
export function outcomeIcon(
  status: ProposalStatus | 'running' | 'skipped' | 'passed' | 'not_passed',
): string {
  switch (status) {
    case 'succeeded':
    case 'passed':
      return mdiCheckCircle;
    case 'failed':
    case 'not_passed':
    case 'rejected':
    case 'interrupted':
      return mdiCloseCircle;
    case 'skipped':
    case 'expired':
      return mdiMinusCircleOutline;
    case 'rolled_back':
      return mdiAlertCircle;
    default:
      return mdiProgressClock;
  }
}
