/**
 * apply_suggestion: the fix the Supervisor's resolution center itself offers for the incident's
 * issue (`POST /resolution/suggestion/<uuid>`), only of the kinds that start, restart or reload
 * something or take a backup. What would remove, reset, rebuild or reboot is left to a person in
 * the Supervisor's own UI.
 */
import type { ActionParams } from '@ha-llm-ops/contracts';
import type { ResolutionInfo } from '../supervisor/client.js';
import {
  type ActionContext,
  ActionRejected,
  type ActionDefinition,
  nothingToUndo,
  onlyParams,
} from './action.js';
import type { MessageId } from '../i18n/index.js';
import { say } from './words.js';

/** Suggestion types safe to apply after an approval, and what each does, for the preview. */
export const SAFE_SUGGESTIONS: Readonly<Record<string, string>> = {
  execute_reload: 'reload',
  execute_restart: 'restart',
  execute_start: 'start',
  create_full_backup: 'take a full backup of',
};

/** The preview's sentence for each safe suggestion type (../i18n). */
const SUMMARIES: Readonly<Record<string, MessageId>> = {
  execute_reload: 'preview.apply_suggestion.execute_reload',
  execute_restart: 'preview.apply_suggestion.execute_restart',
  execute_start: 'preview.apply_suggestion.execute_start',
  create_full_backup: 'preview.apply_suggestion.create_full_backup',
};

const UUID = /^[0-9a-f]{32}$|^[0-9a-f-]{36}$/;

type Issue = ResolutionInfo['issues'][number];

/** The resolution center's issues the incident is about (from its signals' keys). */
function issuesOf(ctx: ActionContext, info: ResolutionInfo): Issue[] {
  const keys = new Set(
    ctx.journal
      .signalsOf(ctx.incident.id, 200)
      .filter((s) => s.kind === 'supervisor_issue' && s.key?.startsWith('resolution:'))
      .map((s) => s.key?.slice('resolution:'.length)),
  );
  return info.issues.filter((i) => keys.has(i.uuid));
}

export const applySuggestion: ActionDefinition = {
  id: 'apply_suggestion',
  label: 'Apply the Supervisor’s suggested fix',
  guide:
    'apply the fix the Supervisor itself suggests for a resolution-center issue (suggestion: its uuid, optional).',
  params: { suggestion: 'The suggestion uuid (optional: the only safe one for the issue)' },
  risk: 'medium',
  fixes: true,
  async resolve(ctx, params) {
    onlyParams(params, ['suggestion']);
    if (!ctx.supervisor)
      throw new ActionRejected('the Supervisor’s suggestions need the Supervisor (app mode)');
    const info = await ctx.supervisor.resolutionInfo();
    const issues = issuesOf(ctx, info);
    if (!issues.length)
      throw new ActionRejected(
        'the incident has no open issue in the Supervisor’s resolution center',
      );
    // A suggestion belongs to an issue by what it is about (the same context and reference).
    const offered = info.suggestions.filter((s) =>
      issues.some((i) => i.context === s.context && i.reference === s.reference),
    );
    const safe = offered.filter((s) => Object.hasOwn(SAFE_SUGGESTIONS, s.type));
    const wanted = params.suggestion;
    if (wanted !== undefined && (typeof wanted !== 'string' || !UUID.test(wanted)))
      throw new ActionRejected('suggestion must be a suggestion uuid');
    const chosen =
      wanted === undefined
        ? safe.length === 1
          ? safe[0]
          : undefined
        : safe.find((s) => s.uuid === wanted);
    if (!chosen) {
      if (wanted !== undefined && offered.some((s) => s.uuid === wanted))
        throw new ActionRejected(
          'that suggestion is not one LLM Ops applies (only start, restart, reload or a full backup); apply it in Settings → System → Repairs',
        );
      throw new ActionRejected(
        safe.length > 1
          ? 'the Supervisor offers several fixes for this issue; name one (suggestion)'
          : 'the Supervisor offers no fix for this issue that LLM Ops applies',
      );
    }
    const issue = issues.find(
      (i) => i.context === chosen.context && i.reference === chosen.reference,
    );
    return {
      suggestion: chosen.uuid,
      type: chosen.type,
      context: chosen.context,
      reference: chosen.reference ?? '',
      issue: issue?.uuid ?? '',
    };
  },
  target: (p) => `apply_suggestion:${String(p.suggestion)}`,
  verification: (ctx, p) => [
    {
      kind: 'supervisor_issue_resolved',
      description: say(ctx, 'preview.apply_suggestion.verify', {
        about: p.reference ? `${String(p.context)} ${String(p.reference)}` : String(p.context),
      }),
      timeout_s: 120,
    },
  ],
  preview(ctx, p: ActionParams) {
    const type = String(p.type);
    const what = SUMMARIES[type];
    const about = p.reference ? `${String(p.context)} ${String(p.reference)}` : String(p.context);
    return {
      summary: what
        ? say(ctx, what, { about, type })
        : `Let the Supervisor ${type} ${about}, as its resolution center suggests (${type}).`,
      precondition: say(ctx, 'preview.apply_suggestion.precondition'),
      backup: null,
      verification: this.verification(ctx, p),
      rollback: say(ctx, 'preview.apply_suggestion.rollback'),
    };
  },
  async apply(ctx, p) {
    await ctx.supervisor?.call('POST', `/resolution/suggestion/${String(p.suggestion)}`);
    return {};
  },
  rollback: () => nothingToUndo('not applicable: the Supervisor’s fix has nothing to undo'),
};
