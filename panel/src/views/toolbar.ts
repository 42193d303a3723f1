/**
 * The panel's top bar, like HA's own pages: menu (narrow), back (detail), title, maintenance
 * (while on), mode, refresh.
 */
import { mdiArrowLeft, mdiMenu, mdiRefresh, mdiWrenchClock } from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import { icon, localize, type Mode } from '../shared/index.js';
import { MODE_LABELS } from './status-summary.js';

export interface ToolbarView {
  title: string;
  /** Offer HA's sidebar (hidden on narrow screens). */
  menu: boolean;
  /** On an incident: where "back" goes. */
  backTo: string | undefined;
  mode: Mode | undefined;
  /** While maintenance is on: when it ends ("14:30", HA's time zone). */
  maintenanceUntil?: string | undefined;
  onMenu: () => void;
  /** Plain clicks navigate inside the panel (the link's `data-path`). */
  onLink: (ev: MouseEvent) => void;
  onRefresh: () => void;
}

export function panelToolbar(v: ToolbarView): TemplateResult {
  return html`<header class="toolbar">
    ${
      v.menu
        ? html`<button
            class="icon-btn"
            aria-label=${localize('toolbar.open_sidebar')}
            @click=${v.onMenu}
          >
            ${icon(mdiMenu)}
          </button>`
        : nothing
    }
    ${
      v.backTo !== undefined
        ? html`<a
            class="icon-btn back"
            href=${v.backTo}
            data-path=""
            aria-label=${localize('toolbar.back')}
            title=${localize('toolbar.back')}
            @click=${v.onLink}
            >${icon(mdiArrowLeft)}</a
          >`
        : nothing
    }
    <h1>${v.title}</h1>
    <span class="spacer"></span>
    ${
      v.maintenanceUntil
        ? html`<span class="mode-chip maintenance-chip" data-field="maintenance-chip"
            >${icon(mdiWrenchClock)}
            ${localize('toolbar.maintenance_until', { time: v.maintenanceUntil })}</span
          >`
        : nothing
    }
    ${
      v.mode
        ? html`<span class="mode-chip" data-mode=${v.mode} title=${localize('toolbar.mode')}
            >${MODE_LABELS[v.mode]}</span
          >`
        : nothing
    }
    <button
      class="icon-btn"
      aria-label=${localize('toolbar.refresh')}
      title=${localize('toolbar.refresh')}
      @click=${v.onRefresh}
    >
      ${icon(mdiRefresh)}
    </button>
  </header>`;
}
