/**
 * Parsing one setting: shared by the sidecar's settings and the LLM's, so a bad
 * value is reported the same way (by its name, never showing a secret).
 */
import * as v from 'valibot';

/** A setting is missing or invalid; `setting` names it for the user. */
export class SettingsError extends Error {
  constructor(
    readonly setting: string,
    detail: string,
  ) {
    super(`${setting}: ${detail}`);
  }
}

/** Validate one setting's raw value; a failure names the setting (and never shows a secret's value). */
export function parseSetting<S extends v.GenericSchema<string, unknown>>(
  name: string,
  schema: S,
  raw: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, raw);
  if (!result.success) {
    const shown = /TOKEN|KEY|PASSWORD|SECRET/.test(name) ? '' : ` (got ${JSON.stringify(raw)})`;
    throw new SettingsError(name, `${result.issues[0]?.message ?? 'is invalid'}${shown}`);
  }
  return result.output;
}
