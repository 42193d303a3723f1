/**
 * The policy in force and the mode: the file sets both, the settings (the
 * add-on's `mode` option) may set the mode over the file's, and the user can
 * switch it at run time (the integration's select entity), which is kept in
 * the journal and wins. An invalid policy file pins the mode to observe.
 */
import type { Policy } from '@ha-llm-ops/contracts';
import type { CursorStore } from '../shared/interfaces.js';
import { loadPolicy, type Mode, type PolicyState } from './policy.js';

const MODE_CURSOR = 'policy:mode';

export interface PolicyView {
  policy: Policy;
  mode: Mode;
  /** Why the sidecar is observe-only despite the file, when it is. */
  error: string | null;
  source: string;
}

/** Switching the mode is refused while the policy file is invalid. */
export class ModeLocked extends Error {}

export class PolicyKeeper {
  /** Read the policy file, say what is in force (or why nothing will run), and keep it. */
  static load(
    file: string | null,
    cursors: CursorStore,
    settingsMode: Mode | null,
    log: { info(m: string): void; error(m: string): void },
  ): PolicyKeeper {
    const state = loadPolicy(file);
    if (state.error)
      log.error(`the policy is invalid, so nothing will run (observe-only): ${state.error}`);
    else log.info(`policy: ${state.source}, mode ${state.policy.mode}`);
    return new PolicyKeeper(state, cursors, settingsMode);
  }

  constructor(
    private readonly state: PolicyState,
    private readonly cursors: CursorStore,
    /** The mode from the settings (add-on option), which wins over the file's. */
    private readonly settingsMode: Mode | null = null,
  ) {}

  current(): PolicyView {
    const { policy, error, source } = this.state;
    if (error) return { policy, mode: 'observe', error, source };
    const override = this.cursors.getCursor<Mode>(MODE_CURSOR);
    return { policy, mode: override ?? this.settingsMode ?? policy.mode, error: null, source };
  }

  setMode(mode: Mode): void {
    if (this.state.error)
      throw new ModeLocked(
        `the policy is invalid, so the sidecar stays in observe mode: ${this.state.error}`,
      );
    this.cursors.setCursor(MODE_CURSOR, mode);
  }
}
