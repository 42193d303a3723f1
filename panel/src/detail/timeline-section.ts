/** The incident's timeline, newest first: the latest entries, and all of them on request. */
import { mdiClipboardTextClock } from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import { dateTime, icon, localize, relativeTime } from '../shared/index.js';
import type { TimelineEntry } from './timeline.js';

/** Entries shown before "Show all". */
const TIMELINE_SHOWN = 25;

export interface TimelineView {
  showAll: boolean;
  onShowAll: () => void;
  locale: string | undefined;
}

export function timelineSection(
  entries: readonly TimelineEntry[],
  v: TimelineView,
): TemplateResult {
  const shown = v.showAll ? entries : entries.slice(0, TIMELINE_SHOWN);
  return html`<section class="card timeline" aria-labelledby="timeline-h">
    <h3 id="timeline-h">${icon(mdiClipboardTextClock)} ${localize('timeline.heading')}</h3>
    <ol class="timeline">
      ${shown.map(
        (e) =>
          html`<li class="${e.kind} ${e.tone ?? ''}" data-kind=${e.kind}>
            <span class="dot" aria-hidden="true"></span>
            <div>
              <time datetime=${e.at} title=${dateTime(e.at, v.locale)}
                >${relativeTime(e.at, v.locale)}</time
              >
              <div class="text">${e.text}</div>
              ${e.detail ? html`<div class="secondary small">${e.detail}</div>` : nothing}
            </div>
          </li>`,
      )}
    </ol>
    ${
      entries.length > shown.length
        ? html`<button class="btn" @click=${v.onShowAll}>
            ${localize('timeline.show_all', { count: entries.length })}
          </button>`
        : nothing
    }
  </section>`;
}
