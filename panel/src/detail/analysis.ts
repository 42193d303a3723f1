/**
 * What the analyzer concluded: summary, root cause, impact, confidence, remedy, manual
 * steps; and what asking the model took (tokens, cost, time), when one was asked.
 */
import { mdiCheckDecagram } from '@mdi/js';
import { html, nothing, type TemplateResult } from 'lit';
import {
  amount,
  count,
  icon,
  localize,
  localizeParts,
  milliseconds,
  percent,
  remedyLabel,
  type Incident,
  type LlmUsage,
  type RcaResult,
} from '../shared/index.js';

/** Tokens, cost and latency of the incident's model calls. */
function usageFacts(u: LlmUsage, locale: string | undefined): TemplateResult {
  return html`<h4 id="llm-usage-h">${localize('analysis.usage')}</h4>
    <dl class="facts usage" data-field="llm-usage" aria-labelledby="llm-usage-h">
      <dt>${localize('analysis.calls')}</dt>
      <dd data-field="llm-calls">${count(u.calls, locale)}</dd>
      <dt>${localize('analysis.tokens')}</dt>
      <dd data-field="llm-tokens">
        ${localize('analysis.tokens_value', {
          in: count(u.prompt_tokens, locale),
          out: count(u.completion_tokens, locale),
        })}
      </dd>
      <dt>${localize('analysis.cost')}</dt>
      <dd data-field="llm-cost">
        ${amount(u.cost, locale)}
        <span class="secondary small">${localize('analysis.at_prices')}</span>
      </dd>
      <dt>${localize('analysis.latency')}</dt>
      <dd data-field="llm-latency">${milliseconds(u.latency_ms)}</dd>
    </dl>`;
}

export function analysisSection(
  i: Incident,
  a: RcaResult | null,
  usage: LlmUsage | null = null,
  locale?: string,
): TemplateResult {
  return html`<section class="card analysis" aria-labelledby="analysis-h">
    <h3 id="analysis-h">${localize('analysis.heading')}</h3>
    ${
      a
        ? html`<p class="summary" data-field="summary">${a.summary}</p>
            <h4>${localize('analysis.root_cause')}</h4>
            <p data-field="root-cause">${a.root_cause}</p>
            ${
              a.impact
                ? html`<h4>${localize('analysis.impact')}</h4>
                    <p data-field="impact">${a.impact}</p>`
                : nothing
            }
            <h4 id="confidence-h">${localize('analysis.confidence')}</h4>
            <div class="confidence">
              <div
                class="bar"
                role="meter"
                aria-labelledby="confidence-h"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=${Math.round(a.confidence * 100)}
              >
                <span style="width: ${Math.round(a.confidence * 100)}%"></span>
              </div>
              <strong data-field="confidence">${percent(a.confidence)}</strong>
            </div>
            <h4>${localize('analysis.remedy')}</h4>
            <p data-field="remedy">${remedyLabel(a.remedy)}</p>
            ${
              a.manual_steps.length
                ? html`<h4>${localize('analysis.manual')}</h4>
                    <ol class="manual" data-field="manual-steps">
                      ${a.manual_steps.map((s) => html`<li>${s}</li>`)}
                    </ol>`
                : nothing
            }
            <p class="secondary small">
              ${icon(mdiCheckDecagram, undefined)}
              ${localize(`analysis.by.${a.analyzer}`)}${
                a.signature
                  ? html` ·
                    ${localizeParts('analysis.signature', {
                      signature: html`<span class="mono">${a.signature}</span>`,
                    })}`
                  : nothing
              }
              · ${localize('analysis.risk', { risk: a.risk })}
            </p>`
        : html`<p class="secondary">
            ${localize(i.status === 'analyzing' ? 'analysis.analyzing' : 'analysis.none')}
          </p>`
    }
    ${usage ? usageFacts(usage, locale) : nothing}
  </section>`;
}
