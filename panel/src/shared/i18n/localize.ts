/**
 * The front end's words in the user's language. Each part (shared, panel, cards) has one
 * catalog per language (`en.ts`, `de.ts`, …), registered with `addCatalogs`; `localize(key,
 * params)` looks the key up in the language Home Assistant shows (`setLanguage(hass.language)`),
 * falling back to English for a language or a key no catalog has.
 */

/** A catalog: message key → text with `{name}` placeholders. */
export type Catalog = Readonly<Record<string, string>>;

/** Values for a message's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

const FALLBACK = 'en';
const catalogs = new Map<string, Record<string, string>>();
let language = FALLBACK;

/** Add a part's catalogs, by language code (`{ en, de }`); later keys win. */
export function addCatalogs(byLanguage: Readonly<Record<string, Catalog>>): void {
  for (const [lang, catalog] of Object.entries(byLanguage)) {
    catalogs.set(lang, { ...catalogs.get(lang), ...catalog });
  }
}

/** The catalog language for a BCP 47 tag: itself, else its primary subtag, else English. */
export function catalogLanguage(tag: string | null | undefined): string {
  if (!tag) return FALLBACK;
  const lower = tag.toLowerCase();
  if (catalogs.has(lower)) return lower;
  const primary = lower.split(/[-_]/)[0] ?? '';
  return catalogs.has(primary) ? primary : FALLBACK;
}

/** Show words in this language from now on (HA's `hass.language`); true if it changed. */
export function setLanguage(tag: string | null | undefined): boolean {
  const next = catalogLanguage(tag);
  if (next === language) return false;
  language = next;
  return true;
}

/** The catalog language words are shown in now. */
export function currentLanguage(): string {
  return language;
}

/** The text of `key` in the current language, its `{name}` placeholders filled in. */
export function localize(key: string, params?: MessageParams): string {
  const text = catalogs.get(language)?.[key] ?? catalogs.get(FALLBACK)?.[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/**
 * A record of labels for `keys` whose values are looked up on each read (`{prefix}.{key}`),
 * so `LABELS[word]` is always in the current language.
 */
export function localizedLabels<K extends string>(
  prefix: string,
  keys: readonly K[],
): Readonly<Record<K, string>> {
  const labels = {} as Record<K, string>;
  for (const key of keys) {
    Object.defineProperty(labels, key, {
      enumerable: true,
      get: () => localize(`${prefix}.${key}`),
    });
  }
  return Object.freeze(labels);
}

/**
 * Labels for every word the English catalog has under `{prefix}.` (`category.setup_retry` →
 * `setup_retry`), each read in the current language. The words themselves are defined in
 * contracts/; panel/test/i18n.test.ts checks that the catalog names exactly those.
 */
export function catalogLabels<K extends string>(prefix: string): Readonly<Record<K, string>> {
  const start = `${prefix}.`;
  const words = Object.keys(catalogs.get(FALLBACK) ?? {})
    .filter((key) => key.startsWith(start) && !key.slice(start.length).includes('.'))
    .map((key) => key.slice(start.length) as K);
  return localizedLabels(prefix, words);
}

/**
 * The language before (or without) `hass`: the one HA's frontend stored for this browser
 * (`selectedLanguage`, readable on HA's origin, e.g. on the ingress page), else the browser's.
 */
export function browserLanguage(): string | undefined {
  try {
    const stored = globalThis.localStorage?.getItem('selectedLanguage');
    const parsed: unknown = stored ? JSON.parse(stored) : null;
    if (typeof parsed === 'string' && parsed) return parsed;
  } catch {
    // No storage (private mode, another origin) or not JSON: the browser's language.
  }
  return globalThis.navigator?.language;
}

/**
 * `key`'s text as parts for a template, its `{name}` placeholders replaced by `parts[name]`
 * as they are (e.g. Lit templates with markup), so a translation can move them around.
 */
export function localizeParts(
  key: string,
  parts: Readonly<Record<string, unknown>>,
): readonly unknown[] {
  const text = localize(key);
  const out: unknown[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    const name = m[1] ?? '';
    if (!(name in parts)) continue;
    out.push(text.slice(last, m.index));
    out.push(parts[name]);
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

/**
 * `{key}_one`, `{key}_other` (or another plural category of the language) for `count`,
 * with `{count}` and `params` filled in.
 */
export function localizePlural(key: string, count: number, params?: MessageParams): string {
  const category = new Intl.PluralRules(language).select(count);
  const pick = catalogs.get(language)?.[`${key}_${category}`] ? category : 'other';
  return localize(`${key}_${pick}`, { count, ...params });
}
