/**
 * "Report upstream": a bug report of the incident for its integration's issue tracker, made
 * by the sidecar from the redacted evidence. Nothing is sent: the user copies the text, or
 * searches the tracker for the same failure first and then opens a prefilled new issue.
 */
import { mdiBugOutline, mdiContentCopy, mdiMagnify, mdiOpenInNew } from '@mdi/js';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { icon, localize, type PanelSource, type UpstreamReport } from '../shared/index.js';

export interface UpstreamState {
  report: UpstreamReport | undefined;
  loading: boolean;
  error: string | undefined;
  /** What the copy button last did, for the status line. */
  copied: 'copied' | 'failed' | undefined;
}

export interface UpstreamHandlers {
  onPrepare(): void;
  onCopy(text: string): void;
}

const NONE: UpstreamState = {
  report: undefined,
  loading: false,
  error: undefined,
  copied: undefined,
};

/**
 * The bug report of the incident on show: asked for on request (the sidecar looks the
 * integration up in HA), and copied; an answer for an incident no longer shown is dropped.
 */
export class UpstreamReportController {
  state: UpstreamState = NONE;

  /** `host`: the element that shows the report, drawn again at each change. */
  constructor(private readonly host: ReactiveControllerHost) {}

  /** Forget the report (another incident is shown). */
  reset(): void {
    this.set(NONE);
  }

  async prepare(source: PanelSource, id: string, shown: () => string): Promise<void> {
    this.set({ ...NONE, loading: true });
    try {
      const report = await source.upstreamReport(id);
      if (id === shown()) this.set({ ...NONE, report });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      if (id === shown()) this.set({ ...NONE, error });
    }
  }

  async copy(text: string): Promise<void> {
    let copied: UpstreamState['copied'] = 'copied';
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      copied = 'failed';
    }
    this.set({ ...this.state, copied });
  }

  private set(state: UpstreamState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}

function links(r: UpstreamReport): TemplateResult {
  return html`<div class="actions" data-field="upstream-links">
    ${
      r.search_url
        ? html`<a class="btn" href=${r.search_url} target="_blank" rel="noopener noreferrer"
            >${icon(mdiMagnify)} ${localize('upstream.search')}</a
          >`
        : nothing
    }
    ${
      r.new_issue_url
        ? html`<a class="btn" href=${r.new_issue_url} target="_blank" rel="noopener noreferrer"
            >${icon(mdiOpenInNew)}
            ${localize(r.search_url ? 'upstream.new_issue' : 'upstream.tracker_link')}</a
          >`
        : nothing
    }
  </div>`;
}

export function upstreamSection(s: UpstreamState, h: UpstreamHandlers): TemplateResult {
  const r = s.report;
  return html`<section class="card upstream" aria-labelledby="upstream-h">
    <h3 id="upstream-h">${localize('upstream.heading')}</h3>
    <p class="secondary small">${localize('upstream.help')}</p>
    ${
      r
        ? html`<dl class="facts">
              <dt>${localize('upstream.tracker')}</dt>
              <dd data-field="tracker">${r.issue_tracker ?? localize('upstream.no_tracker')}</dd>
              <dt>${localize('upstream.title')}</dt>
              <dd data-field="report-title">${r.title}</dd>
            </dl>
            <pre data-field="report-body" tabindex="0">${r.body}</pre>
            ${
              r.truncated
                ? html`<p class="secondary small">${localize('upstream.truncated')}</p>`
                : nothing
            }
            <div class="actions">
              <button class="btn primary" data-action="copy" @click=${() => h.onCopy(r.body)}>
                ${icon(mdiContentCopy)} ${localize('upstream.copy')}
              </button>
            </div>
            ${links(r)}
            <p class="secondary small" role="status">
              ${
                s.copied === 'copied'
                  ? localize('upstream.copied')
                  : s.copied === 'failed'
                    ? localize('upstream.copy_failed')
                    : nothing
              }
            </p>`
        : html`<div class="actions">
              <button
                class="btn"
                data-action="prepare-report"
                ?disabled=${s.loading}
                @click=${() => h.onPrepare()}
              >
                ${icon(mdiBugOutline)}
                ${localize(s.loading ? 'upstream.preparing' : 'upstream.prepare')}
              </button>
            </div>
            ${s.error ? html`<p class="error-text" role="alert">${s.error}</p>` : nothing}`
    }
  </section>`;
}
