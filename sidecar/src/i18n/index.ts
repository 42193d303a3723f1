/**
 * The sidecar's texts in Home Assistant's language. Two kinds of text:
 * - its own sentences, by stable id (`message`), English in en.ts;
 * - the offline analyzer's explanations (signature templates), English where each
 *   signature is defined and translated by that English text (`translate`), so a
 *   text shared by several signatures is translated once and a changed English
 *   text falls back to English (and fails the parity test) instead of showing a
 *   stale translation.
 * Each other language is one JSON file beside this one (de.json): `messages` by
 * id, `texts` by English template. Unknown languages and missing entries fall
 * back to English. Placeholders (`{name}`) and optional parts (`[[ … ]]`) are
 * kept as they are: filling them is the caller's job.
 */
import de from './de.json' with { type: 'json' };
import { EN, type MessageId } from './en.js';

export { EN, type MessageId } from './en.js';

/** A language's catalog: its sentences by id and its translations of English templates. */
export interface Catalog {
  messages: Readonly<Record<string, string>>;
  texts: Readonly<Record<string, string>>;
}

/** Every language besides English, by its code in Home Assistant (`get_config` → `language`). */
export const CATALOGS: Readonly<Record<string, Catalog>> = { de };

/** The language of the sidecar's texts: the catalog Home Assistant's language selects, else English. */
export function languageOf(haLanguage: string | null | undefined): string {
  if (!haLanguage) return 'en';
  const code = haLanguage.toLowerCase();
  if (CATALOGS[code]) return code;
  // A regional variant (de-CH) without a catalog of its own reads the main language's.
  const main = code.split(/[-_]/)[0] ?? '';
  return CATALOGS[main] ? main : 'en';
}

/** Fill `{name}` placeholders; unknown names stay as written. */
export function format(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    vars[name] === undefined ? m : String(vars[name]),
  );
}

/** A sentence of the sidecar's own catalog in `language`, placeholders filled. */
export function message(
  language: string,
  id: MessageId,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  const template = CATALOGS[language]?.messages[id] ?? EN[id];
  return format(template, vars);
}

/** An English template (a signature's text) in `language`; the English when none is known. */
export function translate(language: string, english: string): string {
  return CATALOGS[language]?.texts[english] ?? english;
}

/** The placeholders (each once) and optional parts a template uses, sorted: what a translation must keep. */
export function placeholdersOf(template: string): string[] {
  const names = new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => `{${m[1] ?? ''}}`));
  const optional = [...template.matchAll(/\[\[/g)].map(() => '[[');
  return [...names, ...optional].sort();
}
