/** The add-on’s ingress page: the built bundle over a fake sidecar API under an ingress-like prefix. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveDir } from '../../harness/browser.js';
import { REPO } from '../../harness/ha-dev.js';
import { browser, poll, useComponentPage } from './page.js';

useComponentPage();

describe('the add-on’s ingress page', () => {
  it('shows the same panel over the sidecar API, with relative paths under the prefix', async () => {
    const example = (name: string) =>
      JSON.parse(readFileSync(join(REPO, 'contracts/examples', `${name}.json`), 'utf8')) as Record<
        string,
        unknown
      >;
    const incident = example('Incident.open');
    const proposal = example('ActionProposal.reload');
    const requests: string[] = [];
    const json = (res: ServerResponse, body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const prefix = '/api/hassio_ingress/s3cr3t-session/';
    const ingress = await serveDir(join(REPO, 'sidecar/public'), {
      prefix,
      handle: (req: IncomingMessage, res: ServerResponse, path: string) => {
        if (!path.startsWith('api/')) return false;
        requests.push(`${req.method} ${prefix}${path}`);
        if (path === 'api/incidents')
          json(res, { items: [incident], total: 1, limit: 500, offset: 0 });
        else if (path === `api/incidents/${String(incident.id)}`)
          json(res, {
            incident,
            signals: [example('Signal.entry-state')],
            bundle: example('EvidenceBundle.setup-retry'),
            analysis: example('RcaResult.setup-retry'),
            proposals: [proposal],
          });
        else if (path === 'api/actions/pending') json(res, [proposal]);
        else if (path === 'api/status')
          json(res, {
            mode: 'approve',
            policy: {
              valid: true,
              error: null,
              source: '/config/policy.yaml',
              max_actions_per_hour: 6,
              quiet_hours: { start: '23:00', end: '07:00' },
              auto_actions: [],
            },
            system_log_events: true,
            last_analysis_at: null,
            counts: { open: 1, awaiting_approval: 1 },
            time_zone: 'Pacific/Auckland',
          });
        else if (path === 'api/suppressions')
          json(res, { items: [example('Suppression.false-alarm')] });
        else if (path === 'api/outcomes') json(res, example('OutcomeStats.mixed'));
        else if (path === 'api/learned-quiet')
          json(res, { items: [example('LearnedQuiet.nightly-plug')] });
        else if (path === `api/actions/${String(proposal.id)}/approve`)
          json(res, { proposal: { ...proposal, status: 'approved' } });
        else if (path === `api/actions/${String(proposal.id)}`)
          json(res, {
            proposal: { ...proposal, status: 'approved' },
            execution: null,
            result: null,
          });
        else {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'no such endpoint' }));
        }
        return true;
      },
    });
    const ingressPage = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    ingressPage.on('pageerror', (err) => errors.push(err.message));
    try {
      await ingressPage.goto(ingress.url);
      const row = ingressPage.locator(
        `llm-ops-incident-list .row[data-id="${String(incident.id)}"]`,
      );
      await poll(() => row.count()).toBe(1);
      expect(requests).toContain(`GET ${prefix}api/incidents`);
      // What is kept quiet, over the same API.
      const quiet = ingressPage.locator('llm-ops-quiet-list section.quiet');
      await poll(() => quiet.locator('li[data-kind=false_alarm]').count()).toBe(1);
      expect(await quiet.innerText()).toContain('15 %');
      expect(await quiet.locator('li[data-kind=learned_quiet]').innerText()).toContain(
        '22:10–00:40',
      );
      expect(requests.every((r) => r.includes(prefix))).toBe(true);
      // No HA frontend here: the sidecar's status names Home Assistant's time zone.
      await poll(() => ingressPage.locator('section.status-summary').innerText()).toContain(
        '23:00–07:00 (Pacific/Auckland)',
      );

      await row.locator('a').click();
      await poll(() => ingressPage.evaluate(() => location.hash)).toBe(
        `#/incident/${String(incident.id)}`,
      );
      expect(new URL(ingressPage.url()).pathname).toBe(prefix);
      const detail = ingressPage.locator('llm-ops-incident-detail');
      await poll(() => detail.locator('[data-field=root-cause]').count()).toBe(1);
      const aucklandClock = new Intl.DateTimeFormat('en', {
        dateStyle: 'medium',
        timeStyle: 'medium',
        timeZone: 'Pacific/Auckland',
      }).format(Date.parse(String(incident.first_seen)));
      expect(
        await detail
          .locator(`time[datetime="${String(incident.first_seen)}"]`)
          .first()
          .getAttribute('title'),
      ).toBe(aucklandClock);
      await detail.locator('button[data-action=approve]').click();
      await detail.locator('dialog button[data-confirm]').click();
      await poll(() => requests).toContain(
        `POST ${prefix}api/actions/${String(proposal.id)}/approve`,
      );
      // Reloading keeps the incident open (the route is in the hash).
      await ingressPage.reload();
      await poll(() => detail.locator('h2').innerText()).toBe(String(incident.title));
      expect(errors).toEqual([]);
    } finally {
      await ingressPage.close();
      await ingress.close();
    }
  });
});
