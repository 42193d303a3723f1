/** One real-world wording per case: what a family must recognise, and what it must conclude. */
import type { Category, Remedy } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../../src/analyze/offline/engine.js';
import type { AnalysisInput } from '../../../src/analyze/offline/types.js';
import { expectWellFormed, must } from '../helpers.js';

export interface Case {
  name: string;
  given: AnalysisInput;
  signature: string;
  category: Category;
  remedy: Remedy;
}

/** A case: the evidence, the signature that must claim it, its category and remedy. */
export const c = (
  name: string,
  given: AnalysisInput,
  signature: string,
  category: Category,
  remedy: Remedy,
): Case => ({ name, given, signature, category, remedy });

/** The family's signatures claim each case, with the category and remedy that help. */
export function recognises(family: string, cases: readonly Case[]): void {
  describe(`the ${family} family recognises its failures`, () => {
    it.each(cases.map((m) => [m.name, m] as const))('%s', (_name, m) => {
      const finding = analyzeOffline(m.given);
      expect(finding).not.toBeNull();
      expect({
        signature: must(finding).rca.signature,
        category: must(finding).rca.category,
        remedy: must(finding).rca.remedy,
      }).toEqual({ signature: m.signature, category: m.category, remedy: m.remedy });
      expectWellFormed(must(finding));
    });
    // The same diagnosis in German (../../../src/i18n/de.json), every template filled.
    it.each(cases.map((m) => [m.name, m] as const))('%s, explained in German', (_name, m) => {
      const english = must(analyzeOffline(m.given));
      const german = must(analyzeOffline({ ...m.given, language: 'de' }));
      expect(german.rca.signature).toBe(english.rca.signature);
      expect(german.rca.root_cause).not.toBe(english.rca.root_cause);
      expectWellFormed(german);
    });
  });
}
