/** Variants several signature families share. */
import type { Variant } from './types.js';

/** A custom integration's failure of this kind is fixed by its author's next release. */
export const customRelease: Variant = {
  when: { custom: true },
  set: { remedy: 'update_or_remove_custom_component' },
};
