/**
 * Each part of the sidecar that writes text for people writes it in Home Assistant's
 * language: the offline analyzer's explanation, a new incident's provisional title, the
 * track record and the reason an action is no longer proposed, and the question to the
 * model, which asks for the answer in that language. English stays as it was.
 */
import type { Signal } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/actions/action.js';
import { ACTIONS } from '../../src/actions/index.js';
import { buildPrompt } from '../../src/analyze/llm/prompt.js';
import { analyzeOffline } from '../../src/analyze/offline/engine.js';
import { classify } from '../../src/correlate/classify.js';
import { Correlator } from '../../src/correlate/index.js';
import { IncidentLifecycle } from '../../src/incident/lifecycle.js';
import { Journal } from '../../src/journal/journal.js';
import { ProposalJournal } from '../../src/journal/proposals.js';
import { createLogger } from '../../src/log.js';
import { givenUp, trackRecord } from '../../src/plan/track-record.js';
import { entry, expectWellFormed, input, line, must } from '../analyze/helpers.js';
import { bundleOf, ENTRY_ID } from '../analyze/llm/helpers.js';
import { signal, tempDir, THRESHOLDS } from '../helpers/pipeline.js';
import { join } from 'node:path';

const unreachable = (language?: string) =>
  must(
    analyzeOffline(
      input('wled', [], {
        entry: entry('wled', 'setup_retry', 'Timeout connecting to 192.168.1.50'),
        kind: 'entry_state',
        ...(language ? { language } : {}),
      }),
    ),
  );

describe('the offline analyzer', () => {
  it('explains in German when asked to: title, cause, steps, action and checks', () => {
    const finding = unreachable('de');
    expect(finding.title).toBe(
      'wled erreicht 192.168.1.50 nicht und versucht die Einrichtung immer wieder',
    );
    expect(finding.rca.summary).toBe(finding.title);
    expect(finding.rca.root_cause).toMatch(
      /^Die Einrichtung von wled \(„My wled“\) ist fehlgeschlagen, weil 192\.168\.1\.50 nicht geantwortet hat\./,
    );
    expect(finding.rca.manual_steps[0]).toBe(
      'Prüfe, ob 192.168.1.50 eingeschaltet und verbunden ist (öffne seine Adresse von einem anderen Gerät aus).',
    );
    expect(finding.rca.candidate_actions[0]?.rationale).toMatch(
      /^Erst wenn 192\.168\.1\.50 wieder antwortet/,
    );
    expect(finding.rca.tests.map((t) => t.description)).toContain(
      'Der Eintrag von wled ist geladen.',
    );
    expectWellFormed(finding);
  });

  it('keeps the same diagnosis whatever the language: only the words change', () => {
    const [de, en] = [unreachable('de'), unreachable('en')];
    expect(de.rca.signature).toBe(en.rca.signature);
    expect(de.rca.category).toBe(en.rca.category);
    expect(de.rca.candidate_actions.map((a) => a.params)).toEqual(
      en.rca.candidate_actions.map((a) => a.params),
    );
  });

  it('explains in English without a language, and for one it has no catalog of', () => {
    const english = unreachable();
    expect(english.title).toBe('wled cannot reach 192.168.1.50 and keeps retrying setup');
    expect(unreachable('fr').rca).toEqual(english.rca);
  });

  it('translates what it says of an error no signature knows, and the defaults it fills in', () => {
    const finding = must(
      analyzeOffline(input('wled', [line('Something odd happened: kaboom')], { language: 'de' })),
    );
    expect(finding.rca.signature).toBe('fallback.unexplained');
    expect(finding.rca.root_cause).toBe(
      'Keine bekannte Fehlersignatur passt zu diesem Fehler, daher ist die Ursache noch unbekannt. Er lautet: „Something odd happened: kaboom“.',
    );
    expect(finding.rca.manual_steps[0]).toBe(
      'Suche im Issue-Tracker von wled oder von Home Assistant nach dem Fehlertext.',
    );
  });
});

describe('a new incident’s provisional title', () => {
  const entrySignal = (state: string): Signal =>
    signal({
      source: 'config_entries',
      kind: 'entry_state',
      condition: 'active',
      key: ENTRY_ID,
      entry_id: ENTRY_ID,
      message: `Hue bridge (hue) is ${state}`,
      data: { state, title: 'Hue bridge' },
    });
  const unavailable = (members: string[], subject: string | null): Signal =>
    signal({
      source: 'entities',
      kind: 'entities_unavailable',
      condition: 'active',
      subject,
      message: 'English evidence',
      data: { entity_ids: members, group: 'Küche' },
    });

  it('names the failing entry and unavailable entities in German', () => {
    expect(classify(entrySignal('setup_retry'), 'de').title).toBe(
      'Hue bridge versucht die Einrichtung immer wieder',
    );
    expect(classify(unavailable(['light.a', 'light.b', 'light.c'], null), 'de').title).toBe(
      '3 Entitäten von Küche sind nicht verfügbar',
    );
    expect(classify(unavailable(['light.a'], 'light.a'), 'de').title).toBe(
      'light.a ist nicht verfügbar',
    );
    expect(classify(unavailable(['light.a', 'light.b'], null)).title).toBe(
      '2 entities of Küche are unavailable',
    );
  });

  it('names a failed automation run and a stopped add-on in German', () => {
    const run = signal({
      source: 'automations',
      kind: 'automation_error',
      subject: 'automation.flur_licht',
      message: 'Automation automation.flur_licht failed: Error rendering data template',
      data: { domain: 'automation', error: 'Error rendering data template' },
    });
    expect(classify(run, 'de').title).toBe(
      'Automatisierung automation.flur_licht ist fehlgeschlagen: Error rendering data template',
    );
    expect(classify(run).title).toBe(run.message);
    const addon = signal({
      source: 'supervisor',
      kind: 'addon_state',
      subject: 'addon:core_mosquitto',
      message: 'Add-on Mosquitto broker (core_mosquitto) is in state error',
      data: { slug: 'core_mosquitto', name: 'Mosquitto broker', state: 'error' },
    });
    expect(classify(addon, 'de').title).toBe(
      'Add-on Mosquitto broker (core_mosquitto) ist im Zustand error',
    );
    expect(classify(addon).title).toBe(addon.message);
  });

  it('is written in the language the correlator is given when the incident opens', () => {
    const journal = new Journal(join(tempDir(), 'journal.db'));
    const log = createLogger('error');
    const lifecycle = new IncidentLifecycle(journal, new ProposalJournal(journal.db), { log });
    let language = 'de';
    const correlator = new Correlator(journal, lifecycle, {
      thresholds: THRESHOLDS,
      log,
      language: () => language,
    });
    correlator.emit(entrySignal('setup_error'));
    language = 'en';
    correlator.emit({ ...entrySignal('setup_retry'), key: 'other', entry_id: 'other' });
    const titles = journal.listIncidents({}, 10, 0).items.map((i) => i.title);
    expect(titles).toContain('Hue bridge konnte nicht eingerichtet werden');
    expect(titles).toContain('Hue bridge is stuck in setup retry');
  });
});

describe('track records', () => {
  const reload = { label: 'Reload the integration entry', fixes: true as const };

  it('say in German how often an action fixed the integration here', () => {
    expect(trackRecord(['succeeded', 'failed', 'succeeded'], 'hue', reload, 'de').summary).toBe(
      'Integrationseintrag neu laden hat hue hier 2 von 3 Malen repariert.',
    );
    expect(trackRecord([], 'hue', reload, 'de').summary).toBe(
      'Integrationseintrag neu laden wurde hier für hue noch nicht versucht.',
    );
  });

  it('say in German why an action is no longer proposed', () => {
    const record = trackRecord(['failed', 'failed', 'failed'], 'hue', reload, 'de');
    expect(givenUp(record, reload.label, 'de')).toBe(
      'Integrationseintrag neu laden ist für hue hier die letzten 3 Male fehlgeschlagen.',
    );
    expect(givenUp(record, reload.label)).toBe(
      'Reload the integration entry failed for hue the last 3 times here.',
    );
  });
});

describe('a proposal’s preview', () => {
  const ctxIn = (language: string | undefined) =>
    ({
      incident: { category: 'setup_retry', integration: 'hue' },
      inventory: {
        language,
        entry: () => ({ entry_id: ENTRY_ID, title: 'Hue bridge', domain: 'hue' }),
      },
    }) as unknown as ActionContext;
  const preview = (language: string | undefined) =>
    ACTIONS.reload_config_entry.preview(ctxIn(language), { entry_id: ENTRY_ID });

  it('says in German what the action does, when, how it is checked and undone', () => {
    const de = preview('de');
    expect(de.summary).toBe('Den Konfigurationseintrag Hue bridge (hue) neu laden.');
    expect(de.precondition).toBe('Neu laden, sobald das Gerät oder der Dienst wieder antwortet.');
    expect(de.verification.map((t) => t.description)).toEqual([
      'Hue bridge ist innerhalb von 60 s geladen',
      'Die Entitäten, die der Vorfall als nicht verfügbar gesehen hat, sind wieder verfügbar',
    ]);
    expect(de.rollback).toBe('Nicht nötig: Neuladen lässt sich beliebig wiederholen.');
  });

  it('stays English where the home’s language is not known', () => {
    expect(preview(undefined).summary).toBe('Reload the config entry Hue bridge (hue).');
    expect(preview('en').verification[0]?.description).toBe('Hue bridge is loaded within 60 s');
  });
});

describe('the question to the model', () => {
  const incident = {
    id: 'inc_0123456789abcdef0123456789abcdef',
    integration: 'fault_lab',
    entry_id: ENTRY_ID,
    subject: null,
    title: 'fault_lab versucht die Einrichtung immer wieder',
    severity: 'warning' as const,
    category: 'setup_retry' as const,
    occurrences: 3,
  };
  const ask = (language?: string) =>
    buildPrompt({
      incident,
      bundle: bundleOf(incident),
      offline: null,
      examples: [],
      ...(language ? { language } : {}),
    }).user;

  it('asks for the answer in German when Home Assistant speaks German', () => {
    expect(ask('de')).toMatch(/every text field of the answer .* in German \(Deutsch\)/);
    // The answer's structure stays as the schema says: keys and enum values are not translated.
    expect(ask('de')).toMatch(/JSON keys and enum values as they are/);
  });

  it('asks in English as before otherwise', () => {
    expect(ask()).not.toMatch(/German/);
    expect(ask('en')).toBe(ask());
  });
});
