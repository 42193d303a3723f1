/**
 * A confirmation dialog for decisions (approve, reject, dismiss): a native modal <dialog>,
 * so focus stays inside it, Escape cancels and focus returns where it was. A controller
 * rather than an element, so the panel and the cards (separate bundles on one page) never
 * compete for a custom element name.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { TemplateResult } from 'lit';
import { localize } from '../i18n/index.js';

export interface ConfirmRequest {
  heading: string;
  body?: TemplateResult | string;
  confirmLabel: string;
  /** Red confirm button. */
  destructive?: boolean;
  /** Ask for an optional reason (at most 500 characters). */
  reason?: { label: string };
  /** An extra checkbox, e.g. "ignore similar incidents". */
  checkbox?: { label: string; checked?: boolean };
}

export interface ConfirmAnswer {
  reason: string;
  checked: boolean;
}

type Host = ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };

let nextId = 0;

export class ConfirmController implements ReactiveController {
  private request: ConfirmRequest | undefined;
  private settle: ((answer: ConfirmAnswer | null) => void) | undefined;
  private readonly id = `confirm-${++nextId}`;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** Show the dialog; resolves with the answer, or null when cancelled. */
  ask(request: ConfirmRequest): Promise<ConfirmAnswer | null> {
    this.finish(null);
    this.request = request;
    this.host.requestUpdate();
    return new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  get open(): boolean {
    return this.request !== undefined;
  }

  hostUpdated(): void {
    const dialog = this.host.renderRoot.querySelector<HTMLDialogElement>(`dialog#${this.id}`);
    if (dialog && !dialog.open) dialog.showModal();
  }

  hostDisconnected(): void {
    this.finish(null);
  }

  private finish(answer: ConfirmAnswer | null): void {
    const settle = this.settle;
    this.settle = undefined;
    if (this.request) {
      this.request = undefined;
      this.host.requestUpdate();
    }
    settle?.(answer);
  }

  private onSubmit = (ev: SubmitEvent) => {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const data = new FormData(form);
    this.finish({
      reason: String(data.get('reason') ?? '').trim(),
      checked: data.get('checked') === 'on',
    });
  };

  private onCancel = () => this.finish(null);

  /** The dialog, when a question is open; put it anywhere in the host's template. */
  render(): TemplateResult | typeof nothing {
    const r = this.request;
    if (!r) return nothing;
    return html`<dialog
      id=${this.id}
      class="confirm"
      aria-labelledby="${this.id}-heading"
      @cancel=${this.onCancel}
    >
      <form method="dialog" @submit=${this.onSubmit}>
        <h2 id="${this.id}-heading">${r.heading}</h2>
        ${r.body ? html`<div class="body">${r.body}</div>` : nothing}
        ${
          r.reason
            ? html`<label class="field" for="${this.id}-reason">${r.reason.label}</label>
                <textarea id="${this.id}-reason" name="reason" maxlength="500" rows="3"></textarea>`
            : nothing
        }
        ${
          r.checkbox
            ? html`<label class="check">
                <input type="checkbox" name="checked" ?checked=${r.checkbox.checked ?? false} />
                ${r.checkbox.label}
              </label>`
            : nothing
        }
        <div class="actions">
          <button type="button" class="btn" autofocus @click=${this.onCancel}>
            ${localize('confirm.cancel')}
          </button>
          <button type="submit" class="btn primary ${r.destructive ? 'danger' : ''}" data-confirm>
            ${r.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>`;
  }
}
