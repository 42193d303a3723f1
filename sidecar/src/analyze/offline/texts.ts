/**
 * Every English text the offline analyzer can show, with where it is defined: what
 * a language's catalog (../../i18n) must translate. The parity test reads it.
 */
import { UNEXPLAINED } from './engine.js';
import { DEFAULTS } from './finding.js';
import { FAMILIES } from './signatures/index.js';
import type { Outcome } from './types.js';

/** An English template and the signature field it comes from (`network.dns rootCause`). */
export interface SignatureText {
  where: string;
  text: string;
}

function textsOf(where: string, o: Partial<Outcome>): SignatureText[] {
  const out: SignatureText[] = [];
  for (const field of ['title', 'rootCause', 'impact'] as const) {
    const text = o[field];
    if (text) out.push({ where: `${where} ${field}`, text });
  }
  o.manualSteps?.forEach((text, i) => out.push({ where: `${where} manualSteps[${i}]`, text }));
  o.actions?.forEach((a) =>
    out.push({ where: `${where} actions.${a.action_id}.rationale`, text: a.rationale }),
  );
  o.tests?.forEach((t, i) =>
    out.push({ where: `${where} tests[${i}].description`, text: t.description }),
  );
  return out;
}

/** Every text field of every signature (and of its variants), the fallback's, and the defaults. */
export function signatureTexts(): SignatureText[] {
  const out: SignatureText[] = [];
  for (const family of FAMILIES) {
    for (const s of family.signatures) {
      const where = `${family.family}.${s.id}`;
      out.push(...textsOf(where, s));
      s.variants?.forEach((v, i) => out.push(...textsOf(`${where} variants[${i}]`, v.set)));
    }
  }
  out.push(...textsOf('fallback.unexplained', UNEXPLAINED));
  UNEXPLAINED.variants?.forEach((v, i) =>
    out.push(...textsOf(`fallback.unexplained variants[${i}]`, v.set)),
  );
  for (const [name, text] of Object.entries(DEFAULTS))
    out.push({ where: `default {${name}}`, text });
  return out;
}
