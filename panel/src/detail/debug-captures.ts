/** Debug lines captured for the incident (capture_debug_log), as stored: redacted. */
import { html, nothing, type TemplateResult } from 'lit';
import { localize, relativeTime, type DebugCapture } from '../shared/index.js';

export function capturesSection(
  captures: readonly DebugCapture[],
  locale: string | undefined,
): TemplateResult | typeof nothing {
  if (!captures.length) return nothing;
  return html`<section class="card evidence captures" aria-labelledby="captures-h">
    <h3 id="captures-h">${localize('captures.heading')}</h3>
    <p class="secondary small">${localize('captures.help')}</p>
    ${captures.map(
      (c) =>
        html`<h4>${c.integration}, ${relativeTime(c.ended_at, locale)}</h4>
          ${
            c.lines.length
              ? html`<pre data-field="debug-lines" tabindex="0">${c.lines.join('\n')}</pre>`
              : html`<p class="secondary">${localize('captures.empty')}</p>`
          }
          ${
            c.dropped
              ? html`<p class="secondary small">
                  ${localize('captures.dropped', { count: c.dropped })}
                </p>`
              : nothing
          }`,
    )}
  </section>`;
}
