/**
 * What both cards share: the `hass` object (replaced by the frontend on every state change,
 * so it triggers no render by itself), a data source over the integration's WebSocket
 * commands, the live subscription, and loading/error state.
 */
import { mdiCloudOffOutline } from '@mdi/js';
import type { HomeAssistant, LovelaceCardConfig } from 'custom-card-helpers';
import { html, LitElement, type TemplateResult } from 'lit';
import { HaIncidentSource } from '../../panel/src/data/ha-source.js';
import { SourceError, type OpsEvent } from '../../panel/src/data/types.js';
import { icon } from '../../panel/src/ui/icons.js';

const POLL_MS = 60_000;
const RETRY_MS = 30_000;
const EVENT_REFRESH_MS = 600;

export abstract class LlmOpsCardBase<C extends LovelaceCardConfig> extends LitElement {
  static override properties = {
    _config: { state: true },
    _error: { state: true },
    _loaded: { state: true },
    _canDecide: { state: true },
    dark: { type: Boolean, reflect: true },
  };

  /** Dark colour scheme for native controls; follows HA's theme. */
  declare dark: boolean;
  declare protected _config: C | undefined;
  declare protected _error: SourceError | undefined;
  declare protected _loaded: boolean;
  declare protected _canDecide: boolean;

  protected source: HaIncidentSource | undefined;
  protected locale: string | undefined;
  private _hass: HomeAssistant | undefined;
  private unsubscribe: (() => void) | undefined;
  private subscribed: HaIncidentSource | undefined;
  private loadTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private loadSeq = 0;

  constructor() {
    super();
    this.dark = false;
    this._loaded = false;
    this._canDecide = false;
  }

  get hass(): HomeAssistant | undefined {
    return this._hass;
  }

  set hass(hass: HomeAssistant | undefined) {
    const old = this._hass;
    this._hass = hass;
    if (!hass) return;
    if (!this.source || old?.connection !== hass.connection) {
      this.source = new HaIncidentSource(hass);
      this.start();
    } else {
      this.source.hass = hass;
    }
    const can = this.source.canDecide;
    if (can !== this._canDecide) this._canDecide = can;
    const dark = (hass.themes as { darkMode?: boolean } | undefined)?.darkMode === true;
    if (dark !== this.dark) this.dark = dark;
    this.locale = hass.locale?.language ?? hass.language;
  }

  /** HA calls this with the card's YAML; a thrown error shows HA's error card. */
  setConfig(config: LovelaceCardConfig): void {
    const checked = this.checkConfig(config);
    const changed = JSON.stringify(checked) !== JSON.stringify(this._config);
    this._config = checked;
    if (changed && this.subscribed) this.reload();
  }

  protected abstract checkConfig(config: unknown): C;
  /** Fetch what the card shows (the base handles errors and ordering). */
  protected abstract fetchData(source: HaIncidentSource): Promise<void>;
  /** The card body before the first load: why it failed, or a spinner; null once loaded. */
  protected renderLoadState(): TemplateResult | null {
    if (this._error && !this._loaded) {
      const why =
        this._error.kind === 'offline'
          ? 'The LLM Ops sidecar cannot be reached.'
          : this._error.kind === 'not_loaded'
            ? 'LLM Ops is not set up.'
            : this._error.message;
      return html`<div class="state problem" role="alert">
        ${icon(mdiCloudOffOutline)}
        <p>${why}</p>
      </div>`;
    }
    if (!this._loaded) {
      return html`<div class="state" role="status">
        <span class="spinner" aria-hidden="true"></span> Loading…
      </div>`;
    }
    return null;
  }

  /** React to a pushed change before the card reloads. */
  protected onOpsEvent(_event: OpsEvent): void {}

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.source && !this.subscribed) this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribed = undefined;
    clearTimeout(this.loadTimer);
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private start(): void {
    const source = this.source;
    if (!source || !this.isConnected || !this._config) return;
    this.stop();
    this.subscribed = source;
    this.reload();
    source
      .subscribe(
        (event) => {
          this.onOpsEvent(event);
          this.reload(EVENT_REFRESH_MS);
        },
        () => this.reload(),
      )
      .then(
        (unsub) => {
          if (this.subscribed === source) this.unsubscribe = unsub;
          else unsub();
        },
        () => {
          if (this.subscribed === source && !this.pollTimer) {
            this.pollTimer = setInterval(() => this.reload(), POLL_MS);
          }
        },
      );
  }

  protected override firstUpdated(): void {
    // setConfig may come after hass in some editors' previews.
    if (this.source && !this.subscribed) this.start();
  }

  /** Load now, or after `delayMs` (events come in bursts). */
  protected reload(delayMs = 0): void {
    clearTimeout(this.loadTimer);
    this.loadTimer = setTimeout(() => void this.load(), delayMs);
  }

  private async load(): Promise<void> {
    const source = this.source;
    if (!source || !this._config) return;
    const seq = ++this.loadSeq;
    try {
      await this.fetchData(source);
      if (seq !== this.loadSeq) return;
      this._error = undefined;
      this._loaded = true;
    } catch (err) {
      if (seq !== this.loadSeq) return;
      this._error = err instanceof SourceError ? err : new SourceError('failed', String(err));
      if (this._error.kind === 'offline' || this._error.kind === 'not_loaded') {
        this.reload(RETRY_MS);
      }
    }
  }
}
