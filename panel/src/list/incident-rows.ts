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
 * A table in ARIA roles on CSS grid rather than <table>: rows off screen skip layout and
 * paint (content-visibility), which table rows cannot, so hundreds of rows stay cheap.
 */
export function incidentTable(
  rows: readonly Incident[],
  v: RowsView,
  row: (i: Incident) => TemplateResult,
): TemplateResult {
  return html`<div class="card table-wrap">
    <div
      class="grid incidents"
      role="table"
      aria-label=${localize('rows.aria')}
      aria-rowcount=${rows.length + 1}
    >
      <div role="rowgroup" class="head">
        <div role="row" class="tr">
          ${sortHeader(v, 'severity', localize('rows.severity'))}
          ${sortHeader(v, 'title', localize('rows.incident'))}
          <div role="columnheader" class="th">${localize('rows.integration')}</div>
          ${sortHeader(v, 'status', localize('rows.status'))}
          ${sortHeader(v, 'occurrences', localize('rows.seen'), 'num')}
          ${sortHeader(v, 'first_seen', localize('rows.first_seen'))}
          ${sortHeader(v, 'last_seen', localize('rows.last_seen'))}
        </div>
      </div>
      <div role="rowgroup" class="body" @click=${v.onRowClick}>
        ${repeat(rows, (i) => i.id, row)}
      </div>
    </div>
  </div>`;
}

/** One row of the table. */
export function incidentRow(i: Incident, v: RowsView): TemplateResult {
  const href = incidentHref(v, i);
  return html`<div role="row" class="tr row" data-id=${i.id}>
    <div role="cell" class="td">
      <span class="chip ${i.severity}"
        >${icon(SEVERITY_ICONS[i.severity])}${SEVERITY_LABELS[i.severity]}</span
      >
    </div>
    <div role="cell" class="td title">
      <a href=${href} data-id=${i.id} @click=${v.onLinkClick}>${i.title}</a>
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
export function incidentCards(rows: readonly Incident[], v: RowsView): TemplateResult {
  return html`<ul class="cards" aria-label=${localize('rows.aria')}>
    ${repeat(
      rows,
      (i) => i.id,
      (i) =>
        html`<li class="card row" data-id=${i.id}>
          <a class="item" href=${incidentHref(v, i)} data-id=${i.id} @click=${v.onLinkClick}>
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
