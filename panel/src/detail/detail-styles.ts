/**
 * The incident page's styles: its layout and what every section shares, then one block
 * per section (the proposals draw themselves, in `llm-ops-proposal`).
 */
import { css } from 'lit';

/** Two columns (one when narrow), cards, headings, and the loading and error states. */
export const detailLayoutStyles = css`
  :host {
    display: block;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr);
    gap: 16px;
    align-items: start;
  }
  :host([narrow]) .layout {
    grid-template-columns: minmax(0, 1fr);
  }
  @media (max-width: 900px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .main,
  .side {
    display: grid;
    gap: 16px;
    min-width: 0;
  }
  section.card {
    padding: 16px;
  }
  h2:focus {
    outline: none;
  }
  h2 {
    margin: 8px 0 12px;
    font-size: 22px;
    font-weight: 400;
    line-height: 1.3;
  }
  h3 {
    margin: 0 0 12px;
    font-size: 18px;
    font-weight: 500;
    display: flex;
    align-items: center;
    gap: 8px;
  }
  h4 {
    margin: 16px 0 4px;
    font-size: 14px;
    font-weight: 500;
    color: var(--secondary-text-color, #727272);
  }
  p {
    margin: 4px 0;
    line-height: 1.5;
  }
  .small {
    font-size: 12px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 12px;
  }
  .error-text {
    color: var(--error-color, #db4437);
  }
  details > summary {
    cursor: pointer;
    color: var(--primary-color, #03a9f4);
    padding: 4px 0;
  }
  .state {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 4px;
    padding: 48px 16px;
    text-align: center;
  }
  .state > .icon {
    width: 40px;
    height: 40px;
    color: var(--secondary-text-color, #727272);
  }
  .after-update {
    border-left: 4px solid var(--warning-color, #ffa600);
  }
  .after-update[data-link='core'] {
    border-left-color: var(--info-color, #039be5);
  }
  .after-update .icon {
    width: 20px;
    height: 20px;
    vertical-align: -4px;
    color: var(--warning-color, #ffa600);
  }
  .banner {
    margin-bottom: 16px;
    --chip-color: var(--error-color, #db4437);
  }
  .banner.warning {
    --chip-color: var(--warning-color, #ffa600);
  }
  .banner > div {
    flex: 1;
  }
  .spinner {
    display: inline-block;
    width: 24px;
    height: 24px;
    border-radius: 50%;
    border: 3px solid var(--divider-color, #e0e0e0);
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

/** The incident's head: chips, title, facts. */
export const summaryStyles = css`
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .status.awaiting_approval {
    --chip-color: var(--primary-color, #03a9f4);
  }
`;

/** The analysis: summary, confidence meter, manual steps. */
export const analysisStyles = css`
  .summary {
    font-size: 16px;
  }
  .confidence {
    display: flex;
    align-items: center;
    gap: 12px;
  }
  .confidence .bar {
    flex: 0 1 240px;
    height: 8px;
    border-radius: 4px;
    background: var(--divider-color, #e0e0e0);
    overflow: hidden;
  }
  .confidence .bar span {
    display: block;
    height: 100%;
    background: var(--primary-color, #03a9f4);
  }
  ol.manual {
    margin: 4px 0;
    padding-left: 20px;
    line-height: 1.5;
  }
`;

/** The proposals one under the other. */
export const proposalsStyles = css`
  llm-ops-proposal + llm-ops-proposal {
    margin-top: 12px;
  }
  ul.not-proposed {
    list-style: none;
    margin: 12px 0 0;
    padding: 0;
  }
  ul.not-proposed li {
    display: flex;
    align-items: flex-start;
    gap: 6px;
    color: var(--secondary-text-color, #727272);
  }
  ul.not-proposed .icon {
    width: 18px;
    height: 18px;
  }
`;

/** The evidence: the outage, log lines with tracebacks, entities, changes, configuration. */
export const evidenceStyles = css`
  ul.entities,
  ul.changes,
  ul.outage-devices {
    margin: 0;
    padding-left: 18px;
  }
  ul.outage-devices {
    columns: 14em 4;
  }
  ul.log {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  ul.log li {
    border-left: 3px solid var(--divider-color, #e0e0e0);
    padding-left: 8px;
  }
  .log-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    font-size: 12px;
  }
  .count {
    font-weight: 700;
  }
  pre {
    font-family: var(--ha-font-family-code, ui-monospace, SFMono-Regular, Menlo, monospace);
    font-size: 12px;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 4px 0;
    padding: 8px;
    border-radius: 6px;
    background: var(--secondary-background-color, #f5f5f5);
    color: var(--primary-text-color, #212121);
    max-height: 320px;
    overflow: auto;
  }
`;

/** The timeline: a dot per entry, coloured by what happened. */
export const timelineStyles = css`
  ol.timeline {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ol.timeline li {
    display: flex;
    gap: 10px;
    padding: 6px 0;
    position: relative;
  }
  ol.timeline li .dot {
    flex: none;
    width: 10px;
    height: 10px;
    margin-top: 5px;
    border-radius: 50%;
    background: var(--chip-color, var(--secondary-text-color, #727272));
  }
  ol.timeline li.proposal,
  ol.timeline li.decision,
  ol.timeline li.analysis {
    --chip-color: var(--primary-color, #03a9f4);
  }
  ol.timeline time {
    font-size: 12px;
    color: var(--secondary-text-color, #727272);
  }
  ol.timeline .text {
    overflow-wrap: anywhere;
  }
`;

/** Report upstream: its links look like the buttons beside them. */
export const upstreamStyles = css`
  .upstream a.btn {
    text-decoration: none;
  }
  .upstream .actions + .actions {
    margin-top: 8px;
  }
`;
