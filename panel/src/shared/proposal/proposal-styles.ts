/**
 * The proposal element's styles, for the shadow root it renders into (the incident's page,
 * the approval card), next to that owner's base styles: its full layout and its compact one.
 * Scoped to the element, so they never restyle the owner's own content.
 */
import { css } from 'lit';

export const proposalStyles = css`
  llm-ops-proposal {
    display: block;
  }
  llm-ops-proposal ul.plain-list {
    margin: 0;
    padding-left: 18px;
  }

  /* Full: a card of its own on the incident's page. */
  article.proposal {
    border: 1px solid var(--divider-color, #e0e0e0);
    border-radius: 8px;
    padding: 12px;
  }
  article.proposal header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  article.proposal h4 {
    margin: 0;
    font-size: 16px;
    font-weight: 500;
    color: var(--primary-text-color, #212121);
  }
  article.proposal h5 {
    margin: 12px 0 4px;
    font-size: 14px;
    font-weight: 500;
  }
  article.proposal .preview {
    margin: 8px 0;
  }
  article.proposal .progress {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  article.proposal .spinner.small {
    width: 16px;
    height: 16px;
    border-width: 2px;
  }

  /* How the action went here before: one line, with a history icon. */
  llm-ops-proposal .track-record {
    display: flex;
    align-items: flex-start;
    gap: 6px;
    margin: 4px 0;
  }
  llm-ops-proposal .track-record .icon {
    flex: none;
    width: 18px;
    height: 18px;
    fill: var(--secondary-text-color, #727272);
  }

  /* Compact: a row of the approval card. */
  llm-ops-proposal[compact] .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  llm-ops-proposal[compact] .summary {
    margin: 4px 0;
  }
  llm-ops-proposal[compact] .small {
    font-size: 12px;
  }
  llm-ops-proposal[compact] .preview {
    margin: 6px 0;
    font-size: 14px;
  }
  llm-ops-proposal[compact] details > summary {
    cursor: pointer;
    color: var(--primary-color, #03a9f4);
    padding: 2px 0;
  }
  llm-ops-proposal[compact] .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 8px;
  }
  llm-ops-proposal[compact] .outcome {
    display: flex;
    align-items: center;
    gap: 6px;
    margin-top: 4px;
  }
`;
