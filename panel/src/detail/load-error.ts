/** What the incident page shows when its incident cannot be loaded: gone, or a retry. */
import { mdiAlertCircleOutline } from '@mdi/js';
import { html, type TemplateResult } from 'lit';
import { icon, localize, type SourceError } from '../shared/index.js';

/** `stale`: an incident is shown already and only its refresh failed. */
export function loadError(err: SourceError, stale: boolean, onRetry: () => void): TemplateResult {
  if (err.kind === 'not_found') {
    return html`<div class="state" role="alert">
      ${icon(mdiAlertCircleOutline)}
      <p><strong>${localize('detail.gone')}</strong></p>
      <p class="secondary">${localize('detail.gone_help')}</p>
    </div>`;
  }
  return html`<div class="banner ${err.kind === 'offline' ? 'warning' : 'error'}" role="alert">
    ${icon(mdiAlertCircleOutline)}
    <div>
      <p>
        <strong>${localize(stale ? 'detail.refresh_failed' : 'detail.load_failed')}</strong>
      </p>
      <p>${err.message}</p>
    </div>
    <button class="btn" @click=${onRetry}>${localize('detail.retry')}</button>
  </div>`;
}
