/**
 * The cards' styles: the layout both share (on top of the panel's base styles), and the
 * incidents card's own.
 */
import { css } from 'lit';

export const cardStyles = css`
  :host {
    display: block;
  }
  ha-card {
    display: block;
    height: 100%;
    overflow: hidden;
  }
  .header {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 12px 8px 4px 16px;
    min-height: 40px;
  }
  .header h2 {
    flex: 1;
    margin: 0;
    font-size: var(--ha-card-header-font-size, 20px);
    font-weight: 400;
    color: var(--ha-card-header-color, var(--primary-text-color, #212121));
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .header .icon-btn {
    color: var(--secondary-text-color, #727272);
  }
  .content {
    padding: 4px 16px 16px;
  }
  .state {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 8px 0;
    color: var(--secondary-text-color, #727272);
  }
  .state.ok .icon {
    color: var(--success-color, #43a047);
  }
  .state.problem .icon {
    color: var(--warning-color, #ffa600);
  }
  .state p {
    margin: 0;
  }
  ul.list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .more {
    display: inline-block;
    margin-top: 8px;
    font-size: 14px;
  }
  .error-text {
    color: var(--error-color, #db4437);
    margin: 4px 0;
  }
  .spinner {
    display: inline-block;
    width: 16px;
    height: 16px;
    border-radius: 50%;
    border: 2px solid var(--divider-color, #e0e0e0);
    border-top-color: var(--primary-color, #03a9f4);
    animation: spin 0.8s linear infinite;
    box-sizing: border-box;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
`;

/** The incidents card's own: counts by severity and the rows of incidents. */
export const incidentsCardStyles = css`
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 4px 0 8px;
  }
  .chip.zero {
    opacity: 0.6;
  }
  .counts-button {
    display: block;
    width: 100%;
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    text-align: left;
    cursor: pointer;
    border-radius: 8px;
  }
  .row {
    display: flex;
    align-items: flex-start;
    gap: 10px;
    padding: 8px 4px;
    color: inherit;
    text-decoration: none;
    border-radius: 8px;
    min-height: 40px;
  }
  a.row:hover {
    background: color-mix(in srgb, var(--primary-text-color, #212121) 5%, transparent);
  }
  .row .text {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .row .title {
    overflow-wrap: anywhere;
  }
  .row .meta {
    font-size: 12px;
  }
  li {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  li > .row {
    flex: 1;
    min-width: 0;
  }
  li + li {
    border-top: 1px solid var(--divider-color, #e0e0e0);
  }
`;
