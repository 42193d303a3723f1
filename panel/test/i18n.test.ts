/**
 * Every language of the front end says what English says: each part's catalogs (shared,
 * panel, cards) have the same keys and the same `{placeholders}`; every key the sources ask
 * for exists in English; and `localize` follows HA's language, falling back to English.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  CATEGORIES,
  EXECUTION_STEPS,
  INCIDENT_OUTCOMES,
  INCIDENT_STATUSES,
  PROPOSAL_STATUSES,
  REMEDIES,
  SEVERITIES,
} from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import { de as cardsDe } from '../../cards/src/i18n/de.js';
import { en as cardsEn } from '../../cards/src/i18n/en.js';
import { de as panelDe } from '../src/i18n/de.js';
import { en as panelEn } from '../src/i18n/en.js';
import { de as sharedDe } from '../src/shared/i18n/de.js';
import { en as sharedEn } from '../src/shared/i18n/en.js';
import { localize, localizePlural, setLanguage } from '../src/i18n/index.js';
import '../../cards/src/i18n/index.js';
import {
  CATEGORY_LABELS,
  OUTCOME_LABELS,
  PROPOSAL_STATUS_LABELS,
  REMEDY_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '../src/shared/ui/format.js';

const PARTS = {
  shared: [sharedEn, { de: sharedDe }],
  panel: [panelEn, { de: panelDe }],
  cards: [cardsEn, { de: cardsDe }],
} as const;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const ROOT = new URL('../../', import.meta.url).pathname;
const SOURCES = [...sources(join(ROOT, 'panel/src')), ...sources(join(ROOT, 'cards/src'))];

describe('the front end’s catalogs', () => {
  for (const [part, [en, others]] of Object.entries(PARTS)) {
    for (const [lang, catalog] of Object.entries(others)) {
      it(`${part}: ${lang} has English's keys and placeholders`, () => {
        const english = en as Readonly<Record<string, string>>;
        const other = catalog as Readonly<Record<string, string>>;
        expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
        for (const key of Object.keys(english)) {
          expect([key, placeholders(other[key] ?? '')]).toEqual([
            key,
            placeholders(english[key] ?? ''),
          ]);
        }
      });
    }
  }

  it('has every key the sources ask for, in English', () => {
    const english = { ...sharedEn, ...panelEn, ...cardsEn } as Readonly<Record<string, string>>;
    const missing: string[] = [];
    for (const file of SOURCES) {
      for (const m of readFileSync(file, 'utf8').matchAll(
        /localize(?:Parts|Plural)?\(\s*'([\w.]+)'/g,
      )) {
        const key = m[1] ?? '';
        const ok = m[0].startsWith('localizePlural') ? `${key}_other` in english : key in english;
        if (!ok) missing.push(`${file.slice(ROOT.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('leaves no English sentence in a template outside the catalogs', () => {
    // Text between tags in html`` templates: at least two words, starting with a capital.
    const found: string[] = [];
    for (const file of SOURCES) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/>\s*([A-Z][a-z]+(?: [a-z]+)+)[^<`]*</g)) {
        found.push(`${file.slice(ROOT.length)}: ${m[1]}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('the words of contracts/', () => {
  it.each([
    ['severities', SEVERITY_LABELS, SEVERITIES],
    ['incident statuses', STATUS_LABELS, INCIDENT_STATUSES],
    ['outcomes', OUTCOME_LABELS, INCIDENT_OUTCOMES],
    ['proposal statuses', PROPOSAL_STATUS_LABELS, PROPOSAL_STATUSES],
    ['remedies', REMEDY_LABELS, REMEDIES],
    ['categories', CATEGORY_LABELS, CATEGORIES],
  ])(
    'each of the %s has a label, in the contracts’ order, and nothing else',
    (_, labels, words) => {
      expect(Object.keys(labels)).toEqual([...words]);
    },
  );

  it('labels each execution step', () => {
    const english = sharedEn as Readonly<Record<string, string>>;
    expect(EXECUTION_STEPS.filter((step) => !(`step.${step}` in english))).toEqual([]);
  });
});

describe('localize', () => {
  it('follows HA’s language, falls back to English, and fills in placeholders', () => {
    setLanguage('de');
    expect(localize('card.approval.empty')).toBe('Nichts wartet auf Genehmigung.');
    expect(localize('toolbar.maintenance_until', { time: '14:30' })).toBe('Wartung bis 14:30');
    expect(localizePlural('list.count', 1)).toBe('1 Vorfall');
    expect(localizePlural('list.count', 3)).toBe('3 Vorfälle');
    setLanguage('de-CH');
    expect(localize('filter.all')).toBe('Alle');
    setLanguage('fr');
    expect(localize('filter.all')).toBe('All');
    expect(localize('no.such.key')).toBe('no.such.key');
    setLanguage('en');
  });
});
