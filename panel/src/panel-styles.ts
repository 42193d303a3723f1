/** The panel's layout: HA's toolbar, the scrolling content, the overview above the list. */
import { css } from 'lit';

export const panelStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-height: 100vh;
    background: var(--primary-background-color, #fafafa);
    box-sizing: border-box;
  }
  .toolbar {
    display: flex;
    align-items: center;
    gap: 4px;
    height: var(--header-height, 56px);
    flex: none;
    padding: 0 8px 0 16px;
    box-sizing: border-box;
    background: var(--app-header-background-color, var(--primary-color, #03a9f4));
    color: var(--app-header-text-color, var(--text-primary-color, #fff));
    border-bottom: var(--app-header-border-bottom, none);
  }
  :host([narrow]) .toolbar {
    padding-left: 4px;
  }
  .toolbar h1 {
    margin: 0 0 0 8px;
    font-size: 20px;
    font-weight: 400;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .toolbar a.icon-btn {
    color: inherit;
  }
  .spacer {
    flex: 1;
  }
  .mode-chip {
    font-size: 12px;
    font-weight: 500;
    padding: 2px 10px;
    border-radius: 12px;
    border: 1px solid currentColor;
    margin-right: 4px;
    white-space: nowrap;
  }
  .maintenance-chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    color: var(--warning-color, #ffa600);
  }
  .maintenance-chip .icon {
    --mdc-icon-size: 16px;
    width: 16px;
    height: 16px;
  }
  .content {
    flex: 1;
    overflow: auto;
    -webkit-overflow-scrolling: touch;
  }
  .inner {
    max-width: 1200px;
    margin: 0 auto;
    padding: 16px;
    display: flex;
    flex-direction: column;
    gap: 16px;
    box-sizing: border-box;
  }
  :host([narrow]) .inner {
    padding: 8px;
    gap: 8px;
  }
  .status-summary {
    padding: 12px 16px;
    display: grid;
    grid-template-columns: minmax(220px, 1fr) 2fr;
    gap: 12px 24px;
    align-items: start;
  }
  :host([narrow]) .status-summary {
    grid-template-columns: 1fr;
  }
  .status-summary .banner {
    grid-column: 1 / -1;
  }
  .mode {
    display: flex;
    gap: 12px;
    align-items: flex-start;
  }
  .policy-details > summary {
    cursor: pointer;
    color: var(--primary-color, #03a9f4);
    padding: 4px 0;
  }
  .mode > .icon {
    color: var(--primary-color, #03a9f4);
  }
  .small {
    font-size: 12px;
  }
  .error-text {
    color: var(--error-color, #db4437);
  }
  .banner.error {
    --chip-color: var(--error-color, #db4437);
  }
  .banner.warning,
  .banner.offline {
    --chip-color: var(--warning-color, #ffa600);
  }
  .banner > div {
    flex: 1;
  }
  section.pending {
    padding: 12px 16px;
  }
  section.pending h2 {
    margin: 0 0 8px;
    font-size: 16px;
    font-weight: 500;
    display: flex;
    align-items: center;
    gap: 8px;
  }
  section.pending ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  section.pending li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    padding: 6px 0;
    border-top: 1px solid var(--divider-color, #e0e0e0);
  }
  section.pending li:first-child {
    border-top: 0;
  }
  .state {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 4px;
    padding: 48px 16px;
    text-align: center;
  }
  .state p {
    margin: 0;
  }
  .state > .icon {
    width: 48px;
    height: 48px;
    color: var(--secondary-text-color, #727272);
  }
`;
