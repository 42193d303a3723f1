/** The incidents as a table (wide screens) or as cards (narrow), linking to each incident. */
import { mdiSortAscending, mdiSortDescending } from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  SEVERITY_ICONS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  categoryLabel,
  dateTime,
  icon,
  localize,
  relativeTime,
  remedyLabel,
  type Incident,
} from '../shared/index.js';
import type { ListFilter, SortKey } from './filter.js';

export interface RowsView {
  filter: ListFilter;
  /** The panel's URL prefix, for the incidents' links. */
  basePath: string;
  locale: string | undefined;
  /** Plain clicks on a link navigate inside the panel. */
  onLinkClick: (ev: MouseEvent) => void;
  /** A click anywhere on a row opens it. */
  onRowClick: (ev: MouseEvent) => void;
  /** A column header was clicked. */
  onSort: (key: SortKey) => void;
}

/** The rows on screen out of the whole list: the rest is padding of their height. */
export interface RowSlice {
  /** The rows rendered, from the list's row `first`. */
  rows: readonly Incident[];
  first: number;
  /** Rows in the whole list. */
  total: number;
  /** Each row's height in px, including the gap to the next. */
  height: number;
}

/** Row heights (px): fixed, so the rows off screen need not be rendered to be scrolled over. */
export const TABLE_ROW_HEIGHT = 56;
/** A card's height and the gap below it. */
export const CARD_ROW_HEIGHT = 80;

function spacers(s: RowSlice): string {
  const after = s.total - s.first - s.rows.length;
  return `padding-top:${s.first * s.height}px;padding-bottom:${after * s.height}px`;
}

function incidentHref(v: RowsView, i: Incident): string {
  return `${v.basePath}/incident/${encodeURIComponent(i.id)}`;
}

function sortHeader(v: RowsView, key: SortKey, label: string, cls = ''): TemplateResult {
  const f = v.filter;
  const sorted = f.sort === key;
  return html`<div
    role="columnheader"
    class="th ${cls}"
    aria-sort=${sorted ? (f.descending ? 'descending' : 'ascending') : 'none'}
  >
    <button class="sort" @click=${() => v.onSort(key)}>
      ${label} ${sorted ? icon(f.descending ? mdiSortDescending : mdiSortAscending) : nothing}
    </button>
  </div>`;
}

/**
 * A table in ARIA roles on CSS grid rather than <table>, so the rows on screen can stand
 * alone between padding; `aria-rowcount` and `aria-rowindex` tell where they are.
 */
export function incidentTable(s: RowSlice, v: RowsView): TemplateResult {
  return html`<div class="card table-wrap">
    <div
      class="grid incidents"
      role="table"
      aria-label=${localize('rows.aria')}
      aria-rowcount=${s.total + 1}
    >
      <div role="rowgroup" class="head">
        <div role="row" class="tr" aria-rowindex="1">
          ${sortHeader(v, 'severity', localize('rows.severity'))}
          ${sortHeader(v, 'title', localize('rows.incident'))}
          <div role="columnheader" class="th">${localize('rows.integration')}</div>
          ${sortHeader(v, 'status', localize('rows.status'))}
          ${sortHeader(v, 'occurrences', localize('rows.seen'), 'num')}
          ${sortHeader(v, 'first_seen', localize('rows.first_seen'))}
          ${sortHeader(v, 'last_seen', localize('rows.last_seen'))}
        </div>
      </div>
      <div role="rowgroup" class="body" style=${spacers(s)} @click=${v.onRowClick}>
        ${repeat(
          s.rows,
          (i) => i.id,
          (i, k) => incidentRow(i, s.first + k, v),
        )}
      </div>
    </div>
  </div>`;
}

/** One row of the table, the list's row `index` (from 0). */
export function incidentRow(i: Incident, index: number, v: RowsView): TemplateResult {
  const href = incidentHref(v, i);
  return html`<div role="row" class="tr row" data-id=${i.id} aria-rowindex=${index + 2}>
    <div role="cell" class="td">
      <span class="chip ${i.severity}"
        >${icon(SEVERITY_ICONS[i.severity])}${SEVERITY_LABELS[i.severity]}</span
      >
    </div>
    <div role="cell" class="td title">
      <a href=${href} data-id=${i.id} title=${i.title} @click=${v.onLinkClick}>${i.title}</a>
      <div class="secondary sub">
        ${categoryLabel(i.category)}${i.remedy ? html` · ${remedyLabel(i.remedy)}` : nothing}
      </div>
    </div>
    <div role="cell" class="td mono">${i.integration ?? '–'}</div>
    <div role="cell" class="td">
      <span class="status ${i.status}">${STATUS_LABELS[i.status]}</span>
    </div>
    <div role="cell" class="td num">${i.occurrences}</div>
    <div role="cell" class="td">
      <time datetime=${i.first_seen} title=${dateTime(i.first_seen, v.locale)}
        >${relativeTime(i.first_seen, v.locale)}</time
      >
    </div>
    <div role="cell" class="td">
      <time datetime=${i.last_seen} title=${dateTime(i.last_seen, v.locale)}
        >${relativeTime(i.last_seen, v.locale)}</time
      >
    </div>
  </div>`;
}

/** The incidents as cards, on narrow screens. */
export function incidentCards(s: RowSlice, v: RowsView): TemplateResult {
  return html`<ul class="cards" aria-label=${localize('rows.aria')} style=${spacers(s)}>
    ${repeat(
      s.rows,
      (i) => i.id,
      (i, k) =>
        html`<li
          class="card row"
          data-id=${i.id}
          aria-posinset=${s.first + k + 1}
          aria-setsize=${s.total}
        >
          <a
            class="item"
            href=${incidentHref(v, i)}
            data-id=${i.id}
            title=${i.title}
            @click=${v.onLinkClick}
          >
            <span class="sev-icon ${i.severity}"
              >${icon(SEVERITY_ICONS[i.severity], SEVERITY_LABELS[i.severity])}</span
            >
            <span class="text">
              <span class="title">${i.title}</span>
              <span class="secondary meta">
                ${i.integration ?? localize('rows.unknown_integration')} ·
                ${STATUS_LABELS[i.status]} · ${i.occurrences}× ·
                ${relativeTime(i.last_seen, v.locale)}
              </span>
            </span>
          </a>
        </li>`,
    )}
  </ul>`;
}
