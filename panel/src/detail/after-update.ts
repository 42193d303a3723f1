/**
 * The update an incident started soon after: what was updated from which version to
 * which, its release notes, and the backup taken before it. Its words are all here.
 */
import { mdiUpdate } from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import { dateTime, icon, type UpdateAttribution } from '../shared/index.js';

export function afterUpdateSection(
  a: UpdateAttribution | null,
  locale: string | undefined,
): TemplateResult | typeof nothing {
  if (!a) return nothing;
  return html`<section
    class="card after-update"
    data-field="after-update"
    data-link=${a.link}
    aria-label="Started after an update"
  >
    <p>
      ${icon(mdiUpdate)} Started
      ${a.minutes_before < 1 ? 'less than a minute' : `${a.minutes_before} min`} after
      <strong>${a.title}</strong> was updated from <span class="mono">${a.from_version}</span> to
      <span class="mono">${a.to_version}</span>${
        a.release_url
          ? html` —
              <a href=${a.release_url} target="_blank" rel="noreferrer" data-field="release-notes"
                >release notes</a
              >`
          : nothing
      }
      —
      ${
        a.backup
          ? html`<span data-field="backup"
              >backup <span class="mono">${a.backup.name}</span> from before the update
              <span class="secondary">(${dateTime(a.backup.date, locale)})</span></span
            >`
          : html`<span data-field="backup">no backup from before the update was found</span>`
      }
    </p>
    ${
      a.link === 'core'
        ? html`<p class="secondary small">
            Home Assistant itself was updated shortly before this started: the update may be the
            cause, or only a coincidence.
          </p>`
        : nothing
    }
  </section>`;
}
