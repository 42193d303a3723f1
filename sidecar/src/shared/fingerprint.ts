/**
 * Stable fingerprints: the same failure gets the same fingerprint however often
 * it recurs, across restarts, hosts and times. A fingerprint hashes the
 * integration, the config entry and the message template.
 */
import { createHash } from 'node:crypto';

// Order matters: URLs before hosts, timestamps before numbers, ids before numbers.
const RULES: [RegExp, string][] = [
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>)\]]+/gi, '<url>'],
  [/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, '<email>'],
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g, '<time>'],
  [/\b\d{4}-\d{2}-\d{2}\b/g, '<date>'],
  [/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, '<time>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>'],
  [/\b[0-9A-HJKMNP-TV-Z]{26}\b/g, '<id>'], // ULIDs (config entry ids)
  [/\b(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}\b/gi, '<mac>'],
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b/g, '<ip>'],
  [/\[?\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\b\]?(?::\d{1,5})?/gi, '<ip>'],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '<id>'],
  [
    /\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:local|lan|home|internal|com|net|org|io|de|uk|nl|fr|xyz|dev|cloud|arpa)\b(?::\d{1,5})?/gi,
    '<host>',
  ],
  [/(?<![\w<])-?\d+(?:[.,]\d+)?(?![\w>])/g, '<n>'],
];

/** Lines whose template is remembered (a failure repeats the same line), and how long one may be. */
const REMEMBERED = 2_000;
const REMEMBERED_LENGTH = 1_000;
const remembered = new Map<string, string>();

/** Reduce a message to its template: what stays the same between occurrences. */
export function messageTemplate(message: string): string {
  const nl = message.indexOf('\n');
  const line = nl < 0 ? message : message.slice(0, nl);
  const known = remembered.get(line);
  if (known !== undefined) return known;
  let t = line;
  for (const [re, token] of RULES) t = t.replace(re, token);
  t = t.replace(/\s+/g, ' ').trim().slice(0, 300);
  if (line.length <= REMEMBERED_LENGTH) {
    if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value as string);
    remembered.set(line, t);
  }
  return t;
}

/** The fingerprint of a failure: 16 hex digits. */
export function fingerprint(
  integration: string | null,
  entryId: string | null,
  template: string,
): string {
  return createHash('sha256')
    .update(`${integration ?? ''}\u0000${entryId ?? ''}\u0000${template}`)
    .digest('hex')
    .slice(0, 16);
}
