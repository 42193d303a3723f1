/**
 * "Report upstream": a bug report of the incident for its integration's issue tracker, made
 * by the sidecar from the redacted evidence. Nothing is sent: the user copies the text, or
 * searches the tracker for the same failure first and then opens a prefilled new issue.
 */
import { mdiBugOutline, mdiContentCopy, mdiMagnify, mdiOpenInNew } from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import { icon, type UpstreamReport } from '../shared/index.js';

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

function links(r: UpstreamReport): TemplateResult {
  return html`<div class="actions" data-field="upstream-links">
    ${
      r.search_url
        ? html`<a class="btn" href=${r.search_url} target="_blank" rel="noopener noreferrer"
            >${icon(mdiMagnify)} Search for duplicates first</a
          >`
        : nothing
    }
    ${
      r.new_issue_url
        ? html`<a class="btn" href=${r.new_issue_url} target="_blank" rel="noopener noreferrer"
            >${icon(mdiOpenInNew)}
            ${r.search_url ? 'Open a new issue' : 'Open the issue tracker'}</a
          >`
        : nothing
    }
  </div>`;
}

export function upstreamSection(s: UpstreamState, h: UpstreamHandlers): TemplateResult {
  const r = s.report;
  return html`<section class="card upstream" aria-labelledby="upstream-h">
    <h3 id="upstream-h">Report upstream</h3>
    <p class="secondary small">
      A bug report for the integration’s developers, from the redacted evidence. LLM Ops sends
      nothing: copy the text, or open the link and check it before you submit.
    </p>
    ${
      r
        ? html`<dl class="facts">
              <dt>Tracker</dt>
              <dd data-field="tracker">
                ${r.issue_tracker ?? 'The integration names no issue tracker: copy the text.'}
              </dd>
              <dt>Title</dt>
              <dd data-field="report-title">${r.title}</dd>
            </dl>
            <pre data-field="report-body" tabindex="0">${r.body}</pre>
            ${
              r.truncated
                ? html`<p class="secondary small">
                    The link holds a shortened report (links have a length limit); the text to copy
                    is complete.
                  </p>`
                : nothing
            }
            <div class="actions">
              <button class="btn primary" data-action="copy" @click=${() => h.onCopy(r.body)}>
                ${icon(mdiContentCopy)} Copy report
              </button>
            </div>
            ${links(r)}
            <p class="secondary small" role="status">
              ${
                s.copied === 'copied'
                  ? 'Copied to the clipboard.'
                  : s.copied === 'failed'
                    ? 'The browser refused the clipboard: select the text and copy it by hand.'
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
                ${icon(mdiBugOutline)} ${s.loading ? 'Preparing…' : 'Prepare a bug report'}
              </button>
            </div>
            ${s.error ? html`<p class="error-text" role="alert">${s.error}</p>` : nothing}`
    }
  </section>`;
}
