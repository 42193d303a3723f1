/**
 * Styles shared by the panel and the cards. Colours come from HA's theme variables
 * (with fallbacks for the add-on's ingress page), so light and dark themes both work.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    color: var(--primary-text-color, #212121);
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, system-ui));
    -webkit-font-smoothing: antialiased;
  }
  :host([dark]) {
    color-scheme: dark;
  }
  [hidden] {
    display: none !important;
  }
  .icon {
    width: 24px;
    height: 24px;
    flex: none;
    fill: currentColor;
    vertical-align: middle;
  }
  .icon.small,
  .small .icon {
    width: 18px;
    height: 18px;
  }
  a {
    color: var(--primary-color, #03a9f4);
  }
  :focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  .secondary {
    color: var(--secondary-text-color, #727272);
  }
  .mono {
    font-family: var(--ha-font-family-code, ui-monospace, SFMono-Regular, Menlo, monospace);
    font-size: 0.85em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* Buttons */
  .btn {
    font: inherit;
    font-size: 14px;
    font-weight: 500;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 36px;
    padding: 0 16px;
    border-radius: 18px;
    border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
    background: transparent;
    color: var(--primary-color, #03a9f4);
    cursor: pointer;
    white-space: nowrap;
  }
  .btn:hover {
    background: color-mix(in srgb, var(--primary-color, #03a9f4) 8%, transparent);
  }
  .btn.primary {
    background: var(--primary-color, #03a9f4);
    border-color: transparent;
    color: var(--text-primary-color, #fff);
  }
  .btn.primary:hover {
    background: color-mix(in srgb, var(--primary-color, #03a9f4) 88%, #000);
  }
  .btn.danger {
    color: var(--error-color, #db4437);
  }
  .btn.danger.primary {
    background: var(--error-color, #db4437);
    color: var(--text-primary-color, #fff);
  }
  .btn[disabled] {
    opacity: 0.5;
    cursor: default;
  }
  .icon-btn {
    display: inline-grid;
    place-items: center;
    width: 40px;
    height: 40px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .icon-btn:hover {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }

  /* Form fields */
  input,
  select,
  textarea {
    font: inherit;
    font-size: 14px;
    color: var(--primary-text-color, #212121);
    background: var(--card-background-color, #fff);
    border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.2));
    border-radius: 8px;
    padding: 0 10px;
    min-height: 40px;
    box-sizing: border-box;
  }
  textarea {
    padding: 8px 10px;
    min-height: 72px;
    width: 100%;
    resize: vertical;
  }
  input[type='checkbox'] {
    min-height: 0;
    width: 18px;
    height: 18px;
    accent-color: var(--primary-color, #03a9f4);
  }

  /* Chips: severity, status, risk */
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 10px 2px 6px;
    border-radius: 12px;
    font-size: 12px;
    font-weight: 500;
    line-height: 20px;
    white-space: nowrap;
    color: var(--primary-text-color, #212121);
    background: color-mix(
      in srgb,
      var(--chip-color, var(--secondary-text-color, #727272)) 16%,
      transparent
    );
  }
  .chip .icon {
    width: 16px;
    height: 16px;
    color: var(--chip-color, var(--secondary-text-color, #727272));
  }
  .chip.plain {
    padding-left: 10px;
  }
  .critical,
  .error,
  .high,
  .failed,
  .bad {
    --chip-color: var(--error-color, #db4437);
  }
  .warning,
  .medium,
  .rolled_back,
  .interrupted {
    --chip-color: var(--warning-color, #ffa600);
  }
  .info,
  .low {
    --chip-color: var(--info-color, #039be5);
  }
  .succeeded,
  .resolved,
  .good,
  .passed {
    --chip-color: var(--success-color, #43a047);
  }
  .sev-icon {
    color: var(--chip-color);
  }

  /* Surfaces */
  .card {
    background: var(--ha-card-background, var(--card-background-color, #fff));
    border-radius: var(--ha-card-border-radius, 12px);
    border: var(--ha-card-border-width, 1px) solid
      var(--ha-card-border-color, var(--divider-color, #e0e0e0));
    box-shadow: var(--ha-card-box-shadow, none);
    color: var(--primary-text-color, #212121);
  }
  .banner {
    display: flex;
    align-items: flex-start;
    gap: 12px;
    padding: 12px 16px;
    border-radius: 8px;
    background: color-mix(in srgb, var(--chip-color, var(--info-color, #039be5)) 14%, transparent);
  }
  .banner > .icon {
    color: var(--chip-color, var(--info-color, #039be5));
  }
  .banner p {
    margin: 0;
  }

  /* Confirmation dialog */
  dialog.confirm {
    border: 0;
    border-radius: var(--ha-dialog-border-radius, 24px);
    padding: 24px;
    width: min(480px, calc(100vw - 32px));
    box-sizing: border-box;
    background: var(--mdc-theme-surface, var(--card-background-color, #fff));
    color: var(--primary-text-color, #212121);
    box-shadow: 0 8px 32px rgba(0, 0, 0, 0.35);
  }
  dialog.confirm::backdrop {
    background: rgba(0, 0, 0, 0.45);
  }
  dialog.confirm h2 {
    margin: 0 0 12px;
    font-size: 22px;
    font-weight: 400;
  }
  dialog.confirm .body {
    margin-bottom: 16px;
    line-height: 1.5;
  }
  dialog.confirm label.field {
    display: block;
    margin: 12px 0 4px;
    font-size: 14px;
  }
  dialog.confirm label.check {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 12px 0;
  }
  dialog.confirm .actions {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
    margin-top: 20px;
  }

  /* Proposal preview, execution, result */
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 6px 16px;
    margin: 0;
  }
  dl.facts dt {
    color: var(--secondary-text-color, #727272);
  }
  dl.facts dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  ul.checks,
  ol.steps {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.checks li,
  ol.steps li {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    padding: 4px 0;
  }
  ul.checks .icon,
  ol.steps .icon {
    width: 20px;
    height: 20px;
    color: var(--chip-color, var(--secondary-text-color, #727272));
  }
  .param-table {
    border-collapse: collapse;
    font-size: 13px;
  }
  .param-table th,
  .param-table td {
    text-align: left;
    padding: 2px 12px 2px 0;
    vertical-align: top;
  }
  .param-table th {
    font-weight: 500;
    color: var(--secondary-text-color, #727272);
  }
  /* A count next to a heading. */
  .badge {
    display: inline-grid;
    place-items: center;
    min-width: 22px;
    height: 22px;
    padding: 0 6px;
    box-sizing: border-box;
    border-radius: 11px;
    background: var(--primary-color, #03a9f4);
    color: var(--text-primary-color, #fff);
    font-size: 12px;
    font-weight: 500;
  }
`;
