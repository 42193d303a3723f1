/** Layout shared by both cards, on top of the panel's base styles. */
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
