/** Why the panel cannot show (all of) the incidents: not set up, sidecar offline, an error. */
import { mdiAlertCircleOutline, mdiCloudOffOutline } from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import { icon, type OpsStatus, type SourceError } from '../shared/index.js';

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
      <p><strong>LLM Ops is not set up</strong></p>
      <p class="secondary">
        Add the LLM Ops integration under Settings → Devices &amp; services and point it at the
        sidecar.
      </p>
      <p class="secondary">${err.message}</p>
    </div>`;
  }
  const offline = err?.kind === 'offline' || status?.connected === false;
  if (offline) {
    return html`<div class="banner offline" role="alert">
      ${icon(mdiCloudOffOutline)}
      <div>
        <p><strong>The LLM Ops sidecar cannot be reached</strong></p>
        <p>
          ${
            err?.message ??
            'Home Assistant lost the connection to the sidecar. Its add-on or service may be stopped.'
          }
          ${loaded ? html`What you see may be out of date.` : nothing}
        </p>
      </div>
      <button class="btn" @click=${retry}>Retry</button>
    </div>`;
  }
  if (err) {
    return html`<div class="banner error" role="alert">
      ${icon(mdiAlertCircleOutline)}
      <div>
        <p><strong>Could not load the incidents</strong></p>
        <p>${err.message}</p>
      </div>
      <button class="btn" @click=${retry}>Retry</button>
    </div>`;
  }
  return nothing;
}
