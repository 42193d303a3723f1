/**
 * The evidence the analysis saw, as stored (redacted): the outage (the hub, bridge or broker
 * that took devices down, and those devices), config entry, log lines with their tracebacks,
 * entities, environment, recent changes and the configuration.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  localize,
  localizeParts,
  localizePlural,
  relativeTime,
  type EvidenceBundle,
} from '../shared/index.js';

export function evidenceSection(
  b: EvidenceBundle | null,
  locale: string | undefined,
): TemplateResult {
  if (!b) {
    return html`<section class="card evidence" aria-labelledby="evidence-h">
      <h3 id="evidence-h">${localize('evidence.heading')}</h3>
      <p class="secondary">${localize('evidence.none')}</p>
    </section>`;
  }
  const redactions = Object.entries(b.redactions).filter(([, n]) => n > 0);
  return html`<section class="card evidence" aria-labelledby="evidence-h">
    <h3 id="evidence-h">${localize('evidence.heading')}</h3>
    <p class="secondary small">
      ${
        redactions.length
          ? localize('evidence.redacted_counts', {
              counts: redactions.map(([k, n]) => `${n} ${k}`).join(', '),
            })
          : localize('evidence.redacted')
      }
      ${
        b.truncated
          ? localize('evidence.truncated', { count: b.truncated, budget: b.token_budget })
          : nothing
      }
    </p>
    ${b.outage ? outageList(b.outage) : nothing}
    ${
      b.config_entry
        ? html`<h4>${localize('evidence.entry')}</h4>
            <dl class="facts">
              <dt>${localize('evidence.title')}</dt>
              <dd>${b.config_entry.title}</dd>
              <dt>${localize('evidence.state')}</dt>
              <dd class="mono">${b.config_entry.state}</dd>
              ${
                b.config_entry.reason
                  ? html`<dt>${localize('evidence.reason')}</dt>
                      <dd>${b.config_entry.reason}</dd>`
                  : nothing
              }
            </dl>`
        : nothing
    }
    ${
      b.log_lines.length
        ? html`<h4>${localize('evidence.log')}</h4>
            <ul class="log">
              ${b.log_lines.map(
                (l) =>
                  html`<li>
                    <div class="log-head">
                      <span class="chip plain ${l.level.toLowerCase()}">${l.level}</span>
                      <span class="count" title=${localize('evidence.occurrences')}
                        >${l.count}×</span
                      >
                      ${l.logger ? html`<span class="mono secondary">${l.logger}</span>` : nothing}
                      ${
                        l.last_seen
                          ? html`<span class="secondary"
                              >${relativeTime(l.last_seen, locale)}</span
                            >`
                          : nothing
                      }
                    </div>
                    <pre class="log-text">${l.text}</pre>
                    ${
                      l.traceback?.length
                        ? html`<details class="traceback">
                            <summary>
                              ${localize('evidence.traceback', { count: l.traceback.length })}
                            </summary>
                            <pre>${l.traceback.join('\n')}</pre>
                          </details>`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>`
        : nothing
    }
    ${
      b.entities.length
        ? html`<h4>${localize('evidence.entities')}</h4>
            <ul class="entities">
              ${b.entities.map(
                (e) =>
                  html`<li>
                    <span class="mono">${e.entity_id}</span>: <strong>${e.state}</strong>
                  </li>`,
              )}
            </ul>`
        : nothing
    }
    <h4>${localize('evidence.environment')}</h4>
    <dl class="facts">
      ${
        b.integration
          ? html`<dt>${localize('evidence.integration')}</dt>
              <dd>
                <span class="mono">${b.integration.domain}</span>
                ${localize(b.integration.custom ? 'evidence.custom' : 'evidence.core')}${
                  b.integration.version ? html` ${b.integration.version}` : nothing
                }
              </dd>`
          : nothing
      }
      <dt>${localize('evidence.ha')}</dt>
      <dd>${b.ha_version ?? localize('evidence.unknown')}</dd>
    </dl>
    ${
      b.recent_changes.length
        ? html`<h4>${localize('evidence.changes')}</h4>
            <ul class="changes">
              ${b.recent_changes.map(
                (c) =>
                  html`<li>
                    ${
                      c.at
                        ? html`<span class="secondary">${relativeTime(c.at, locale)}:</span>`
                        : nothing
                    }
                    ${c.what}
                  </li>`,
              )}
            </ul>`
        : nothing
    }
    ${
      b.configuration
        ? html`<details class="configuration">
            <summary>${localize('evidence.configuration')}</summary>
            <pre>${JSON.stringify(b.configuration, null, 2)}</pre>
          </details>`
        : nothing
    }
  </section>`;
}

/** The root of an outage and every device that went down with it. */
function outageList(o: NonNullable<EvidenceBundle['outage']>): TemplateResult {
  return html`<h4>${localize('evidence.outage')}</h4>
    <p data-field="outage-root">
      ${localizeParts('evidence.outage_root', {
        root: html`<strong>${o.root}</strong>`,
        devices: localizePlural('evidence.outage_devices', o.devices.length),
        integrations: o.integrations.length
          ? html` (<span class="mono">${o.integrations.join(', ')}</span>)`
          : nothing,
      })}
    </p>
    <ul class="outage-devices" data-field="outage-devices">
      ${o.devices.map((d) => html`<li>${d}</li>`)}
    </ul>`;
}
