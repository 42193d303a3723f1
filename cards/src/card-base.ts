/**
 * What both cards share: the `hass` object (replaced by the frontend on every state change,
 * so it triggers no render by itself), a data source over the integration's WebSocket
 * commands, the live subscription, and the loading state (a `LoadController` of what the
 * card fetches).
 */
import { mdiCloudOffOutline } from '@mdi/js';
import type { HomeAssistant, LovelaceCardConfig } from 'custom-card-helpers';
import { html, LitElement, type TemplateResult } from 'lit';
import {
  HaIncidentSource,
  LiveUpdates,
  LoadController,
  icon,
  localize,
  setLanguage,
  type OpsEvent,
} from '@ha-llm-ops/panel/shared';
import './i18n/index.js';

const POLL_MS = 60_000;
const RETRY_MS = 30_000;
const EVENT_REFRESH_MS = 600;

export abstract class LlmOpsCardBase<C extends LovelaceCardConfig, T> extends LitElement {
  static override properties = {
    _config: { state: true },
    _canDecide: { state: true },
    dark: { type: Boolean, reflect: true },
  };

  /** Dark colour scheme for native controls; follows HA's theme. */
  declare dark: boolean;
  declare protected _config: C | undefined;
  declare protected _canDecide: boolean;

  protected source: HaIncidentSource | undefined;
  protected locale: string | undefined;
  private _hass: HomeAssistant | undefined;

  /** What the card shows, fetched once it has a configuration and a connection. */
  protected readonly data = new LoadController<T>(this, {
    fetch: () => (this.source && this._config ? this.fetchData(this.source) : undefined),
    retryMs: RETRY_MS,
  });
  private readonly live = new LiveUpdates(this, {
    event: (event) => {
      this.onOpsEvent(event);
      this.reload(EVENT_REFRESH_MS);
    },
    resync: () => this.reload(),
    pollMs: POLL_MS,
  });

  constructor() {
    super();
    this.dark = false;
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
    // HA's language for the words; a change re-renders through `locale` on the next update.
    if (setLanguage(this.locale)) this.requestUpdate();
  }

  /** HA calls this with the card's YAML; a thrown error shows HA's error card. */
  setConfig(config: LovelaceCardConfig): void {
    const checked = this.checkConfig(config);
    const changed = JSON.stringify(checked) !== JSON.stringify(this._config);
    this._config = checked;
    if (changed && this.live.running) this.reload();
  }

  protected abstract checkConfig(config: unknown): C;
  /** Fetch what the card shows (the controller handles errors and ordering). */
  protected abstract fetchData(source: HaIncidentSource): Promise<T>;
  /** The card body before the first load: why it failed, or a spinner; null once loaded. */
  protected renderLoadState(): TemplateResult | null {
    const { error, loaded } = this.data;
    if (error && !loaded) {
      const why =
        error.kind === 'offline'
          ? localize('card.offline')
          : error.kind === 'not_loaded'
            ? localize('card.not_loaded')
            : error.message;
      return html`<div class="state problem" role="alert">
        ${icon(mdiCloudOffOutline)}
        <p>${why}</p>
      </div>`;
    }
    if (!loaded) {
      return html`<div class="state" role="status">
        <span class="spinner" aria-hidden="true"></span> ${localize('card.loading')}
      </div>`;
    }
    return null;
  }

  /** React to a pushed change before the card reloads. */
  protected onOpsEvent(_event: OpsEvent): void {}

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.source && !this.live.running) this.start();
  }

  private start(): void {
    const source = this.source;
    if (!source || !this.isConnected || !this._config) return;
    this.live.stop();
    this.reload();
    this.live.start(source);
  }

  protected override firstUpdated(): void {
    // setConfig may come after hass in some editors' previews.
    if (this.source && !this.live.running) this.start();
  }

  /** Load now, or after `delayMs` (events come in bursts). */
  protected reload(delayMs = 0): void {
    this.data.reload(delayMs);
  }
}
