/** The incident list's styles: filter bar, severity chips, the table, the cards when narrow. */
import { css } from 'lit';

export const listStyles = css`
  :host {
    display: block;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: flex-end;
    margin-bottom: 12px;
  }
  .search {
    flex: 1 1 240px;
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 0 10px;
    min-height: 40px;
    border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.2));
    border-radius: 20px;
    background: var(--card-background-color, #fff);
    color: var(--secondary-text-color, #727272);
  }
  .search:focus-within {
    outline: 2px solid var(--primary-color, #03a9f4);
  }
  .search input {
    flex: 1;
    border: 0;
    background: transparent;
    padding: 0;
    outline: none;
    min-width: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-size: 12px;
    color: var(--secondary-text-color, #727272);
  }
  .field select {
    min-width: 120px;
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-bottom: 8px;
  }
  .chip.count {
    border: 1px solid transparent;
    cursor: pointer;
    font: inherit;
    font-size: 13px;
    padding: 4px 12px 4px 8px;
  }
  .chip.count[aria-pressed='true'] {
    border-color: var(--chip-color);
    background: color-mix(in srgb, var(--chip-color) 28%, transparent);
  }
  .chip.count .n {
    font-weight: 700;
  }
  .summary {
    margin: 4px 0 8px;
    font-size: 13px;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .grid {
    min-width: 900px;
    font-size: 14px;
  }
  .tr {
    display: grid;
    /* Wide enough for the longer German headers ("Zuletzt gesehen"), which may wrap. */
    grid-template-columns: 104px minmax(200px, 1fr) 128px 148px 72px 124px 124px;
    align-items: center;
  }
  .head .tr {
    border-bottom: 1px solid var(--divider-color, #e0e0e0);
  }
  .th {
    text-align: left;
    font-weight: 500;
    color: var(--secondary-text-color, #727272);
    padding: 10px 8px;
  }
  .num {
    text-align: right;
    justify-content: flex-end;
  }
  button.sort {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    gap: 2px;
  }
  button.sort .icon {
    width: 16px;
    height: 16px;
  }
  /* One height for every row (TABLE_ROW_HEIGHT): the rows off screen are padding. */
  .body .tr {
    cursor: pointer;
    box-sizing: border-box;
    height: 56px;
    overflow: hidden;
    border-bottom: 1px solid var(--divider-color, #e0e0e0);
  }
  .body .tr:hover {
    background: color-mix(in srgb, var(--primary-text-color, #212121) 4%, transparent);
  }
  .td {
    padding: 8px;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .body .td,
  .td.title a,
  .td.title .sub {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .td.title a {
    display: block;
    color: var(--primary-text-color, #212121);
    text-decoration: none;
    font-weight: 500;
  }
  .td.title a:hover {
    text-decoration: underline;
  }
  .td.title .sub {
    font-size: 12px;
  }
  .td time {
    white-space: nowrap;
  }
  /* A long status ("Wartet auf Genehmigung") takes two lines of the row rather than an ellipsis. */
  .body .td:has(> .status) {
    white-space: normal;
    line-height: 1.2;
  }
  .status.awaiting_approval {
    color: var(--primary-color, #03a9f4);
    font-weight: 500;
  }
  .status.resolved,
  .status.dismissed {
    color: var(--secondary-text-color, #727272);
  }
  ul.cards {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 8px;
  }
  /* CARD_ROW_HEIGHT: 72px and the gap of 8px. */
  ul.cards li {
    box-sizing: border-box;
    height: 72px;
    overflow: hidden;
  }
  a.item {
    display: flex;
    gap: 12px;
    align-items: flex-start;
    padding: 12px;
    color: inherit;
    text-decoration: none;
    box-sizing: border-box;
    height: 100%;
  }
  a.item .text {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  a.item .title,
  a.item .meta {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  a.item .title {
    font-weight: 500;
  }
  a.item .meta {
    font-size: 13px;
  }
  .state {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 4px;
    padding: 48px 16px;
    text-align: center;
  }
  .state.empty > .icon {
    width: 48px;
    height: 48px;
    color: var(--success-color, #43a047);
  }
  .state p {
    margin: 0;
  }
  .spinner {
    width: 24px;
    height: 24px;
    border-radius: 50%;
    border: 3px solid var(--divider-color, #e0e0e0);
    border-top-color: var(--primary-color, #03a9f4);
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  :host([narrow]) .field {
    flex: 1 1 40%;
  }
  :host([narrow]) .field select {
    width: 100%;
    min-width: 0;
  }
`;
