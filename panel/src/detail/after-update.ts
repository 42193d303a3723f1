/**
 * The update an incident started soon after: what was updated from which version to
 * which, its release notes, and the backup taken before it.
 */
import { mdiUpdate } from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import {
  dateTime,
  icon,
  localize,
  localizeParts,
  type UpdateAttribution,
} from '../shared/index.js';

export function afterUpdateSection(
  a: UpdateAttribution | null,
  locale: string | undefined,
): TemplateResult | typeof nothing {
  if (!a) return nothing;
  const when =
    a.minutes_before < 1
      ? localize('after_update.less_than_a_minute')
      : localize('after_update.minutes', { count: a.minutes_before });
  return html`<section
    class="card after-update"
    data-field="after-update"
    data-link=${a.link}
    aria-label=${localize('after_update.aria')}
  >
    <p>
      ${icon(mdiUpdate)}
      ${localizeParts('after_update.started', {
        when,
        title: html`<strong>${a.title}</strong>`,
        from: html`<span class="mono">${a.from_version}</span>`,
        to: html`<span class="mono">${a.to_version}</span>`,
      })}${
        a.release_url
          ? html` —
              <a href=${a.release_url} target="_blank" rel="noreferrer" data-field="release-notes"
                >${localize('after_update.release_notes')}</a
              >`
          : nothing
      }
      —
      ${
        a.backup
          ? html`<span data-field="backup"
              >${localizeParts('after_update.backup', {
                name: html`<span class="mono">${a.backup.name}</span>`,
                date: html`<span class="secondary">(${dateTime(a.backup.date, locale)})</span>`,
              })}</span
            >`
          : html`<span data-field="backup">${localize('after_update.no_backup')}</span>`
      }
    </p>
    ${
      a.link === 'core'
        ? html`<p class="secondary small">${localize('after_update.core')}</p>`
        : nothing
    }
  </section>`;
}
