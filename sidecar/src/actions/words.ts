/**
 * What an action says to people (its preview and checks) in the language of the home it runs
 * in: Home Assistant's, as the inventory reads it. English when it is not known.
 */
import { message, type MessageId } from '../i18n/index.js';
import type { ActionContext } from './action.js';

/** "24 h", "30 min", "45 s": how long a temporary change lasts. */
export function duration(s: number): string {
  if (s >= 3600 && s % 3600 === 0) return `${s / 3600} h`;
  if (s >= 60 && s % 60 === 0) return `${s / 60} min`;
  return `${s} s`;
}

/** A sentence of the catalog (../i18n) in the home's language, placeholders filled. */
export function say(
  ctx: Pick<ActionContext, 'inventory'>,
  id: MessageId,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  // A context without a live inventory (a test's) reads English.
  return message((ctx.inventory as { language?: string } | undefined)?.language ?? 'en', id, vars);
}
