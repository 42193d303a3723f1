/** Why the panel cannot show (all of) the incidents: not set up, sidecar offline, an error. */
import { mdiAlertCircleOutline, mdiCloudOffOutline } from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import { icon, localize, type OpsStatus, type SourceError } from '../shared/index.js';

/** The banner (or page) for the list's last failure; `retry` reloads everything. */
export function panelProblems(
  err: SourceError | undefined,
  status: OpsStatus | null | undefined,
  loaded: boolean,
  retry: () => void,
): TemplateResult | typeof nothing {
  if (err?.kind === 'not_loaded') {
    return html`<div class="state" role="alert">
      ${icon(mdiAlertCircleOutline)}
      <p><strong>${localize('problems.not_set_up')}</strong></p>
      <p class="secondary">${localize('problems.not_set_up_help')}</p>
      <p class="secondary">${err.message}</p>
    </div>`;
  }
  const offline = err?.kind === 'offline' || status?.connected === false;
  if (offline) {
    return html`<div class="banner offline" role="alert">
      ${icon(mdiCloudOffOutline)}
      <div>
        <p><strong>${localize('problems.offline')}</strong></p>
        <p>
          ${err?.message ?? localize('problems.offline_help')}
          ${loaded ? localize('problems.out_of_date') : nothing}
        </p>
      </div>
      <button class="btn" @click=${retry}>${localize('problems.retry')}</button>
    </div>`;
  }
  if (err) {
    return html`<div class="banner error" role="alert">
      ${icon(mdiAlertCircleOutline)}
      <div>
        <p><strong>${localize('problems.load_failed')}</strong></p>
        <p>${err.message}</p>
      </div>
      <button class="btn" @click=${retry}>${localize('problems.retry')}</button>
    </div>`;
  }
  return nothing;
}
