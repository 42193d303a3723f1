/**
 * The sidecar's architecture as rules (dependency-cruiser): data flows one way,
 * collect → correlate → package → analyze → plan → approve → execute → report.
 * A stage imports only earlier stages, and only through their index.ts; shared
 * pieces (the incident lifecycle, fingerprints, policy, actions, the journal, the
 * HA and Supervisor clients) import no stage at all; nothing imports in a circle.
 * The composition roots (sidecar.ts, pipeline.ts, the CLI) wire everything.
 * Paths are relative to the sidecar folder (`src/...`).
 */
const STAGES = [
  'collect',
  'correlate',
  'package',
  'analyze',
  'plan',
  'approve',
  'execute',
  'report',
];
const SHARED =
  '^src/(?:shared|incident|policy|actions|journal|ha|supervisor|logs|i18n)/|^src/(?:log|version|config)\\.ts$';
const STAGE = `^src/(?:${STAGES.join('|')})/`;
const ROOTS = '^src/(?:api|commands)/|^src/(?:sidecar|pipeline|incidents|services|cli|index)\\.ts$';

/** One rule per stage: it may not import any stage after it. */
const forward = STAGES.slice(0, -1).map((stage, i) => ({
  name: `${stage}-imports-a-later-stage`,
  comment: `${stage} runs before ${STAGES.slice(i + 1).join(', ')}: it never imports them`,
  severity: 'error',
  from: { path: `^src/${stage}/` },
  to: { path: `^src/(?:${STAGES.slice(i + 1).join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'a cycle makes two modules one: split out what both need',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...forward,
    {
      name: 'stage-internals',
      comment: 'a stage is used through its index.ts, never through its internal files',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: STAGE, pathNot: ['^src/$1/', `${STAGE}index\\.ts$`] },
    },
    {
      name: 'stage-imports-a-root',
      comment: 'the composition roots wire the stages; a stage never reaches back into them',
      severity: 'error',
      from: { path: STAGE },
      to: { path: ROOTS },
    },
    {
      name: 'shared-imports-a-stage',
      comment: 'shared pieces sit under every stage: they import none of them',
      severity: 'error',
      from: { path: SHARED },
      to: { path: [STAGE, ROOTS] },
    },
    {
      name: 'api-imports-a-stage',
      comment: 'the API talks to the stages through the services the sidecar hands it',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: [STAGE, '^src/(?:sidecar|pipeline|incidents|services|cli|index)\\.ts$'] },
    },
    {
      name: 'unknown-folder',
      comment: 'every folder is a stage, a shared piece or a composition root',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/', pathNot: [STAGE, SHARED, ROOTS] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
  },
};
