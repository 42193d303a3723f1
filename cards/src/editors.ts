/**
 * The cards' visual editors: plain labelled form fields (HA's own form elements are not a
 * stable API), each change sent to the dashboard editor as `config-changed`.
 */
import type {
  HomeAssistant,
  LovelaceCardConfig,
  LovelaceCardEditor,
  LovelaceConfig,
} from 'custom-card-helpers';
import { fireEvent } from 'custom-card-helpers';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  SEVERITY_LABELS,
  baseStyles,
  localize,
  setLanguage,
  type Severity,
} from '@ha-llm-ops/panel/shared';
import './i18n/index.js';
import {
  APPROVAL_DEFAULTS,
  INCIDENTS_DEFAULTS,
  SEVERITIES,
  type ApprovalCardConfig,
  type IncidentsCardConfig,
} from './config.js';

/**
 * One option of a card, as the editor shows it. `label`, `helper` and `placeholder` are
 * catalog keys (a placeholder no catalog has, such as an entity id, shows as it is).
 */
export type EditorField =
  | {
      name: string;
      label: string;
      kind: 'text';
      placeholder?: string;
      helper?: string;
      entities?: boolean;
    }
  | { name: string; label: string; kind: 'number'; min: number; max: number; default: number }
  | { name: string; label: string; kind: 'boolean'; default: boolean }
  | { name: string; label: string; kind: 'select'; options: [string, string][] };

declare global {
  interface HTMLElementTagNameMap {
    'llm-ops-incidents-card-editor': LlmOpsIncidentsCardEditor;
    'llm-ops-approval-card-editor': LlmOpsApprovalCardEditor;
  }
}

let nextId = 0;

abstract class LlmOpsCardEditor<C extends LovelaceCardConfig>
  extends LitElement
  implements LovelaceCardEditor
{
  static override properties = {
    hass: { attribute: false },
    lovelace: { attribute: false },
    _config: { state: true },
  };

  declare hass: HomeAssistant | undefined;
  declare lovelace: LovelaceConfig | undefined;
  declare protected _config: C | undefined;
  private readonly uid = `e${++nextId}`;

  protected abstract readonly fields: readonly EditorField[];

  protected override willUpdate(): void {
    setLanguage(this.hass?.locale?.language ?? this.hass?.language);
  }

  setConfig(config: LovelaceCardConfig): void {
    this._config = { ...config } as C;
  }

  /** The config with one option changed; empty values remove the option. */
  private setOption(name: string, value: string | number | boolean | undefined): void {
    if (!this._config) return;
    const unset = value === undefined || value === '';
    // Keep the key order (the dashboard's YAML follows it); an unset option leaves.
    const config: Record<string, unknown> = Object.fromEntries(
      Object.entries(this._config).filter(([k]) => !(unset && k === name)),
    );
    if (!unset) config[name] = value;
    this._config = config as C;
    fireEvent(this, 'config-changed', { config });
  }

  private onInput(field: EditorField) {
    return (ev: Event) => {
      const el = ev.target as HTMLInputElement | HTMLSelectElement;
      switch (field.kind) {
        case 'boolean':
          this.setOption(field.name, (el as HTMLInputElement).checked);
          break;
        case 'number': {
          if (el.value === '') return this.setOption(field.name, undefined);
          const n = Math.round(Number(el.value));
          if (!Number.isFinite(n)) return;
          this.setOption(field.name, Math.min(field.max, Math.max(field.min, n)));
          break;
        }
        default:
          this.setOption(field.name, el.value.trim());
      }
    };
  }

  private entityIds(): string[] {
    const states = this.hass?.states ?? {};
    return Object.keys(states)
      .filter((id) => id.startsWith('sensor.') && id.includes('llm_ops'))
      .sort();
  }

  protected override render(): TemplateResult {
    if (!this._config) return html``;
    return html`<div class="editor">${this.fields.map((f) => this.renderField(f))}</div>`;
  }

  private renderField(f: EditorField): TemplateResult {
    const id = `${this.uid}-${f.name}`;
    const value = (this._config as Record<string, unknown> | undefined)?.[f.name];
    switch (f.kind) {
      case 'boolean':
        return html`<label class="check" for=${id}>
          <input
            id=${id}
            name=${f.name}
            type="checkbox"
            .checked=${live(typeof value === 'boolean' ? value : f.default)}
            @change=${this.onInput(f)}
          />
          ${localize(f.label)}
        </label>`;
      case 'number':
        return html`<div class="field">
          <label for=${id}>${localize(f.label)}</label>
          <input
            id=${id}
            name=${f.name}
            type="number"
            inputmode="numeric"
            min=${f.min}
            max=${f.max}
            step="1"
            placeholder=${String(f.default)}
            .value=${live(typeof value === 'number' ? String(value) : '')}
            @change=${this.onInput(f)}
          />
        </div>`;
      case 'select':
        return html`<div class="field">
          <label for=${id}>${localize(f.label)}</label>
          <select id=${id} name=${f.name} @change=${this.onInput(f)}>
            ${f.options.map(
              ([v, label]) =>
                html`<option value=${v} ?selected=${(value ?? '') === v}>
                  ${v ? SEVERITY_LABELS[v as Severity] : localize(label)}
                </option>`,
            )}
          </select>
        </div>`;
      case 'text':
        return html`<div class="field">
          <label for=${id}>${localize(f.label)}</label>
          <input
            id=${id}
            name=${f.name}
            type="text"
            autocomplete="off"
            placeholder=${f.placeholder ? localize(f.placeholder) : ''}
            list=${f.entities ? `${id}-list` : nothing}
            aria-describedby=${f.helper ? `${id}-help` : nothing}
            .value=${live(typeof value === 'string' ? value : '')}
            @change=${this.onInput(f)}
          />
          ${
            f.entities
              ? html`<datalist id="${id}-list">
                  ${this.entityIds().map((e) => html`<option value=${e}></option>`)}
                </datalist>`
              : nothing
          }
          ${
            f.helper
              ? html`<div class="helper" id="${id}-help">${localize(f.helper)}</div>`
              : nothing
          }
        </div>`;
    }
  }

  static override styles = [
    baseStyles,
    css`
      .editor {
        display: grid;
        gap: 16px;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .field label {
        font-size: 14px;
      }
      .field input,
      .field select {
        width: 100%;
      }
      .check {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .helper {
        font-size: 12px;
        color: var(--secondary-text-color, #727272);
      }
    `,
  ];
}

export class LlmOpsIncidentsCardEditor extends LlmOpsCardEditor<IncidentsCardConfig> {
  protected readonly fields: readonly EditorField[] = [
    { name: 'title', label: 'editor.title', kind: 'text', placeholder: 'card.incidents.title' },
    {
      name: 'max_items',
      label: 'editor.incidents_max',
      kind: 'number',
      min: 1,
      max: 50,
      default: INCIDENTS_DEFAULTS.max_items,
    },
    { name: 'show_counts', label: 'editor.show_counts', kind: 'boolean', default: true },
    {
      name: 'min_severity',
      label: 'editor.min_severity',
      kind: 'select',
      options: [['', 'editor.all'], ...SEVERITIES.map((s): [string, string] => [s, s])],
    },
    {
      name: 'integration',
      label: 'editor.integration',
      kind: 'text',
      placeholder: 'editor.integration_placeholder',
      helper: 'editor.integration_helper',
    },
    {
      name: 'entity',
      label: 'editor.entity',
      kind: 'text',
      placeholder: 'sensor.llm_ops_open_incidents',
      entities: true,
    },
  ];
}

export class LlmOpsApprovalCardEditor extends LlmOpsCardEditor<ApprovalCardConfig> {
  protected readonly fields: readonly EditorField[] = [
    { name: 'title', label: 'editor.title', kind: 'text', placeholder: 'card.approval.title' },
    {
      name: 'max_items',
      label: 'editor.approval_max',
      kind: 'number',
      min: 1,
      max: 20,
      default: APPROVAL_DEFAULTS.max_items,
    },
    { name: 'show_preview', label: 'editor.show_preview', kind: 'boolean', default: true },
  ];
}

for (const [name, cls] of [
  ['llm-ops-incidents-card-editor', LlmOpsIncidentsCardEditor],
  ['llm-ops-approval-card-editor', LlmOpsApprovalCardEditor],
] as const) {
  if (!customElements.get(name)) customElements.define(name, cls);
}
