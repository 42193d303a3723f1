/**
 * The catalogs are complete: every English text the sidecar can show (every text field of
 * every signature and variant, the analyzer's defaults, every action's label, every sentence
 * of en.ts) has an entry in every other language, with the same placeholders. A failure names
 * exactly what is missing, so whoever adds an English text knows what to translate.
 */
import { describe, expect, it } from 'vitest';
import { CONFIG_BACKUP } from '../../src/actions/action.js';
import { ACTIONS } from '../../src/actions/index.js';
import { signatureTexts } from '../../src/analyze/offline/texts.js';
import {
  CATALOGS,
  EN,
  format,
  languageOf,
  message,
  placeholdersOf,
  translate,
} from '../../src/i18n/index.js';

/** Every English text translated by its English (signature templates, action labels, the config backup), with where it is. */
function englishTexts(): { where: string; text: string }[] {
  return [
    ...signatureTexts(),
    ...Object.values(ACTIONS).map((a) => ({ where: `action ${a.id} label`, text: a.label })),
    { where: 'CONFIG_BACKUP description', text: CONFIG_BACKUP.description },
  ];
}

describe.each(Object.keys(CATALOGS))('the %s catalog', (language) => {
  const catalog = CATALOGS[language] ?? { messages: {}, texts: {} };

  it('translates every text of the offline analyzer and every action label', () => {
    const missing = englishTexts()
      .filter(({ text }) => catalog.texts[text] === undefined)
      .map(({ where, text }) => `${where}: ${JSON.stringify(text)}`);
    expect(missing, `missing in ${language}.json "texts"`).toEqual([]);
  });

  it('has every sentence of en.ts', () => {
    const missing = Object.keys(EN).filter((id) => catalog.messages[id] === undefined);
    expect(missing, `missing in ${language}.json "messages"`).toEqual([]);
  });

  it('keeps the placeholders and optional parts of each English text', () => {
    const pairs: [string, string, string | undefined][] = [
      ...englishTexts().map(({ where, text }): [string, string, string | undefined] => [
        where,
        text,
        catalog.texts[text],
      ]),
      ...Object.entries(EN).map(([id, text]): [string, string, string | undefined] => [
        id,
        text,
        catalog.messages[id],
      ]),
    ];
    const differ = pairs
      .filter(([, , t]) => t !== undefined)
      .filter(([, en, t]) => placeholdersOf(en).join() !== placeholdersOf(t ?? '').join())
      .map(
        ([where, en, t]) =>
          `${where}: ${placeholdersOf(en).join()} ≠ ${placeholdersOf(t ?? '').join()}`,
      );
    expect(differ).toEqual([]);
  });

  it('holds nothing the English no longer has (stale entries)', () => {
    const known = new Set(englishTexts().map((t) => t.text));
    expect(Object.keys(catalog.texts).filter((t) => !known.has(t))).toEqual([]);
    expect(Object.keys(catalog.messages).filter((id) => !(id in EN))).toEqual([]);
  });
});

describe('languageOf', () => {
  it("follows Home Assistant's language where there is a catalog, else English", () => {
    expect(languageOf('de')).toBe('de');
    expect(languageOf('de-CH')).toBe('de');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('fr')).toBe('en');
    expect(languageOf(null)).toBe('en');
  });
});

describe('message and translate', () => {
  it('fill the placeholders in the language asked for', () => {
    expect(message('de', 'incident.entities_unavailable_many', { count: 3, group: 'Küche' })).toBe(
      '3 Entitäten von Küche sind nicht verfügbar',
    );
    expect(
      message('en', 'incident.entities_unavailable_many', { count: 3, group: 'Kitchen' }),
    ).toBe('3 entities of Kitchen are unavailable');
  });

  it('fall back to English for an unknown language or text', () => {
    expect(message('fr', 'incident.entity_unavailable', { entity: 'light.x' })).toBe(
      'light.x is unavailable',
    );
    expect(translate('de', 'A sentence no catalog knows')).toBe('A sentence no catalog knows');
    expect(translate('de', 'Create a backup')).toBe('Sicherung erstellen');
  });

  it('leave unknown placeholders as written', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
