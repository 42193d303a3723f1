/** What the panel says aloud (an ARIA live region) when the sidecar pushes a change. */
import { localize } from './i18n/index.js';
import type { OpsEvent } from './shared/index.js';

/** The sentence for a pushed event, or undefined when it is not worth interrupting for. */
export function announcementFor(event: OpsEvent): string | undefined {
  if (event.kind === 'maintenance') {
    const { failed_count: failed, still_failing_count: still } = event.data;
    return localize('panel.announce.maintenance_ended', { failed, still });
  }
  if (event.kind === 'incident') {
    const { change, title } = event.data;
    if (change === 'opened') return localize('panel.announce.opened', { title });
    if (change === 'resolved') return localize('panel.announce.resolved', { title });
  }
  return undefined;
}
