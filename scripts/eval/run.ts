/**
 * `npm run eval`: how often the offline analyzer is right on real users' logs.
 *
 *   npm run eval              figures for the working and the held-out part, readable;
 *                             regenerates docs/analysis-quality.md and scripts/eval/split.json
 *   npm run eval -- --json    the same as one JSON document
 *   npm run eval -- --check   regenerate nothing; exit 1 if split.json or the document is stale
 *   npm run eval -- --working the working part only (figures, no-fault logs, case by case);
 *                             regenerates nothing and shows no held-out figure, for use while
 *                             rules are being written
 *   npm run eval -- --llm     the configured language model instead (LLM_OPS_LLM_* settings, as
 *                             the sidecar reads them), with tokens, cost and latency per case
 *
 * Per-case results are shown for the working part only: the held-out part is
 * looked at only as totals, so no rule is written for one of its cases.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadLlmSettings } from '../../sidecar/src/analyze/llm/index.js';
import { SettingsError } from '../../sidecar/src/config.js';
import { connectToHa } from '../../sidecar/src/ha/connection.js';
import { createLogger } from '../../sidecar/src/log.js';
import { join } from 'node:path';
import { CorpusError, loadFaults, loadNoFaults, REPO, SPLIT_FILE, splitOf } from './corpus.js';
import { evaluate, type Evaluation, type PartScore, type ShapeScore } from './score.js';
import { evaluateLlm, type LlmEvaluation } from './llm.js';

const DOC_FILE = join(REPO, 'docs/analysis-quality.md');

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function partLines(name: string, p: PartScore): string[] {
  return [
    `${name}: ${p.cases} cases`,
    `  category ${pct(p.category)}   remedy ${pct(p.remedy)}   integration ${pct(p.integration)}`,
    `  remedy where the category is right ${pct(p.remedy_where_category_right)}`,
    `  integration where the log names it ${pct(p.named.integration)} (${p.named.cases} of ${p.cases} logs name it)`,
    `  confidently wrong (≥ 0.8, wrong category) ${pct(p.confidently_wrong)}   no incident ${p.silent}`,
    `  calibration: ${p.calibration.map((b) => `${b.band} ${b.cases ? pct(b.category) : '–'} (${b.cases})`).join('   ')}`,
    `  by log shape (category / remedy / integration):`,
    ...Object.entries(p.by_shape).map(
      ([shape, s]) =>
        `    ${shape.padEnd(20)} ${String(s.cases).padStart(4)}  ${pct(s.category)} / ${pct(s.remedy)} / ${pct(s.integration)}`,
    ),
  ];
}

function readable(e: Evaluation, workingOnly = false): string {
  const working = e.cases.filter((r) => r.part === 'working');
  const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
  return [
    `corpus: ${e.corpus.faults} fault cases from ${e.corpus.threads} threads (${e.corpus.held_out_threads} held out), ${e.corpus.no_fault} no-fault logs`,
    '',
    ...partLines('working part', e.working),
    ...(workingOnly ? [] : partLines('held-out part', e.held_out)),
    `no-fault logs: ${e.no_fault.logs}, false alarms ${e.no_fault.false_alarms}${e.no_fault.alarmed.map((a) => `\n  ${a.id}: ${a.incidents.map((i) => `${i.category} (${i.integration ?? '?'})`).join(', ')}`).join('')}`,
    '',
    'working part, case by case (cat rem int):',
    ...working.map(
      (r) =>
        `${mark(r.category)} ${mark(r.remedy)} ${mark(r.integration)} ${r.id.padEnd(58)} got ${r.got ? `${r.got.category} / ${r.got.remedy} / ${r.got.integration ?? '-'} (${r.got.confidence})` : 'no incident'}; expected ${r.expected.category} / ${r.expected.remedy} / ${r.expected.integration}`,
    ),
  ].join('\n');
}

function confusionTable(table: PartScore['confusion']): string {
  const cols = [...new Set(Object.values(table).flatMap((row) => Object.keys(row)))].sort();
  const rows = Object.keys(table).sort();
  return [
    `| expected ↓ / analyzer → | ${cols.join(' | ')} |`,
    `| --- | ${cols.map(() => '---:').join(' | ')} |`,
    ...rows.map((r) => `| ${r} | ${cols.map((c) => table[r]?.[c] ?? '').join(' | ')} |`),
  ].join('\n');
}

/** Each log shape's accuracies, the working and the held-out part side by side. */
function shapeTable(working: PartScore, heldOut: PartScore): string {
  const shapes = [...new Set([...Object.keys(working.by_shape), ...Object.keys(heldOut.by_shape)])];
  const cells = (s: ShapeScore | undefined) =>
    s
      ? `${s.cases} | ${pct(s.category)} | ${pct(s.remedy)} | ${pct(s.integration)}`
      : '0 | – | – | –';
  return [
    '| shape | working cases | category | remedy | integration | held-out cases | category | remedy | integration |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...shapes.map(
      (shape) =>
        `| ${shape} | ${cells(working.by_shape[shape])} | ${cells(heldOut.by_shape[shape])} |`,
    ),
  ].join('\n');
}

function doc(e: Evaluation): string {
  const row = (name: string, p: PartScore) =>
    `| ${name} | ${p.cases} | ${pct(p.category)} | ${pct(p.remedy)} | ${pct(p.integration)} | ${pct(p.named.integration)} of ${p.named.cases} | ${pct(p.confidently_wrong)} | ${p.silent} |`;
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  return `# Analysis quality on real logs

<!-- Generated by \`npm run eval\` from tests/corpus; do not edit by hand. -->

How often the offline analyzer names the right category, remedy and integration for failures
that real users pasted in public threads, labelled from each thread's conclusion (a maintainer's
diagnosis, a merged fix, or the reporter's confirmed resolution). Logs written by the team are
unit-test fixtures, never evidence here.

## The corpus

- **${e.corpus.faults} fault cases from ${e.corpus.threads} distinct threads**, and
  **${e.corpus.no_fault} no-fault logs** (healthy start-ups, benign warnings, debug noise).
- Categories: ${list(e.corpus.by_category)}.
- Remedies: ${list(e.corpus.by_remedy)}.
- Log shapes: ${list(e.corpus.by_shape)}.
- Sources: ${list(e.corpus.sources)}.

Each case is a file in \`tests/corpus/cases/\` (\`tests/corpus/no-fault/\`): the source URL, the log
as pasted (personal data replaced by placeholders), the labels and who concluded them. The
**held-out part** is a third of the threads, dealt by a keyed hash of the thread's URL with a
fixed seed (\`scripts/eval/corpus.ts\`) and recorded in \`scripts/eval/split.json\`; its cases are
shown only as totals, so no rule is written for one of them.

## Figures

| part | cases | category | remedy | integration | integration, where the log names it | confidently wrong | no incident |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${row('working', e.working)}
${row('held-out', e.held_out)}

"Confidently wrong" is a case with confidence ≥ 0.8 and the wrong category. An add-on's or the
Supervisor's case counts as the right integration when the analyzer names \`hassio\`. "Where the
log names it" counts only the cases whose log names the expected integration's domain somewhere
(with spaces or dashes for underscores; for an add-on, any word of the Supervisor's): the rest
are attributed from other clues (a library's logger, the integration's title) or not at all, as
a bare \`OSError: [Errno 113] Host is unreachable\`, which only what a running home adds (the
config entry in retry, the entity registry) can attribute.

No-fault logs: ${e.no_fault.logs}, of which **${e.no_fault.false_alarms}** raised an incident.

### By log shape

How well each shape of log is read: category, remedy and integration accuracy on its cases.

${shapeTable(e.working, e.held_out)}

### Calibration (held-out part): category accuracy per confidence band

| confidence | cases | category right |
| --- | ---: | ---: |
${e.held_out.calibration.map((b) => `| ${b.band} | ${b.cases} | ${b.cases ? pct(b.category) : '–'} |`).join('\n')}

### Confusion matrix (held-out part)

${confusionTable(e.held_out.confusion)}

### Remedy confusion matrix (held-out part)

Of the held-out cases whose category is right, the remedy is right in
${pct(e.held_out.remedy_where_category_right)} (working part: ${pct(e.working.remedy_where_category_right)}).

${confusionTable(e.held_out.remedy_confusion)}

## Targets

On the held-out part: category ≥ 90 %, remedy ≥ 85 %, integration ≥ 90 %, no incident on any
no-fault log, at most 5 % confidently wrong, and the held-out part within 5 points of the working
part. A CI test (\`tests/scripts/eval-floor.test.ts\`) holds floors at the level reached, so a
regression fails the build.

## Running it

\`\`\`sh
npm run eval             # the figures, and this document regenerated
npm run eval -- --json   # the same as one JSON document
npm run eval -- --working  # the working part only, nothing regenerated: for writing rules
\`\`\`

## Measuring a language model

\`npm run eval -- --llm\` sends every case through the LLM analyzer exactly as the sidecar does
(evidence bundle, redaction, prompt, schema validation, one repair), with the backend the
\`LLM_OPS_LLM_*\` settings configure, and prints the same figures plus tokens, cost and latency per
case. A case whose answer is not valid keeps the offline analysis and counts as "fell back". The
figures depend on your model, so they are not part of this document. For example:

\`\`\`sh
# A local model with Ollama (its OpenAI-compatible endpoint):
LLM_OPS_LLM_BACKEND=openai LLM_OPS_LLM_BASE_URL=http://127.0.0.1:11434/v1 \\
  LLM_OPS_LLM_MODEL=llama3.1 LLM_OPS_LLM_CALLS_PER_HOUR=1000 npm run eval -- --llm

# OpenAI (prices per million tokens make the cost column real):
LLM_OPS_LLM_BACKEND=openai LLM_OPS_LLM_MODEL=gpt-4.1-mini LLM_OPS_LLM_API_KEY=sk-... \\
  LLM_OPS_LLM_COST_INPUT_PER_MTOK=0.4 LLM_OPS_LLM_COST_OUTPUT_PER_MTOK=1.6 \\
  LLM_OPS_LLM_CALLS_PER_HOUR=1000 npm run eval -- --llm

# The model you configured in Home Assistant (AI Task), through a running HA:
LLM_OPS_LLM_BACKEND=ai_task LLM_OPS_LLM_AI_TASK_ENTITY=ai_task.openai \\
  HA_URL=http://homeassistant.local:8123 HA_TOKEN=... npm run eval -- --llm
\`\`\`

An endpoint without structured output (older Ollama, LM Studio, llama.cpp servers) is asked in
JSON mode, or by the prompt alone, when it refuses the strict schema (\`LLM_OPS_LLM_JSON_MODE\`,
\`auto\` by default; [configuration.md](configuration.md#language-model-optional)); the answer is checked
the same way. The tests run it against a fake OpenAI-compatible server
(\`tests/scripts/eval-llm.test.ts\`).
`;
}

function llmReadable(e: LlmEvaluation): string {
  const t = e.totals;
  return [
    `LLM analyzer: ${e.backend}`,
    '',
    ...partLines('working part', e.working),
    ...partLines('held-out part', e.held_out),
    `fell back to the offline analysis: ${t.fell_back} of ${t.cases}`,
    `tokens: ${t.prompt_tokens} prompt + ${t.completion_tokens} completion; cost ${t.cost.toFixed(4)}; latency p50 ${t.latency_ms_p50} ms, p95 ${t.latency_ms_p95} ms`,
    '',
    'working part, case by case (cat rem int):',
    ...e.cases
      .filter((r) => r.part === 'working')
      .map(
        (r) =>
          `${r.category ? 'ok  ' : 'MISS'} ${r.remedy ? 'ok  ' : 'MISS'} ${r.integration ? 'ok  ' : 'MISS'} ${r.id.padEnd(58)} ${r.fell_back ? 'offline' : 'llm'} ${r.prompt_tokens}+${r.completion_tokens} tok ${r.latency_ms} ms`,
      ),
  ].join('\n');
}

/** `--llm`: the configured backend on the corpus. */
async function runLlm(json: boolean): Promise<number> {
  let settings;
  try {
    settings = loadLlmSettings(process.env);
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    console.error(`npm run eval -- --llm: ${err.message}`);
    return 2;
  }
  if (settings.backend === 'none') {
    console.error(
      'npm run eval -- --llm: no language model is configured; set LLM_OPS_LLM_BACKEND (openai or ai_task) and its settings (see docs/analysis-quality.md)',
    );
    return 2;
  }
  let conn: Awaited<ReturnType<typeof connectToHa>> | undefined;
  if (settings.backend === 'ai_task') {
    const url = process.env.HA_URL;
    const token = process.env.HA_TOKEN;
    if (!url || !token) {
      console.error('npm run eval -- --llm: the ai_task backend needs HA_URL and HA_TOKEN');
      return 2;
    }
    conn = await connectToHa({
      wsUrl: `${url.replace(/^http/, 'ws').replace(/\/$/, '')}/api/websocket`,
      token,
      log: createLogger('warning'),
    });
  }
  try {
    const e = await evaluateLlm(loadFaults(), { ...settings }, () => conn);
    const shown = { ...e, cases: e.cases.filter((r) => r.part === 'working') };
    console.log(json ? JSON.stringify(shown, null, 2) : llmReadable(e));
    return 0;
  } finally {
    conn?.close();
  }
}

async function main(args: string[]): Promise<number> {
  const unknown = args.filter((a) => !['--json', '--check', '--llm', '--working'].includes(a));
  if (unknown.length) {
    console.error(
      `unknown argument ${unknown[0]}; usage: npm run eval [-- --json] [-- --check] [-- --working] [-- --llm]`,
    );
    return 2;
  }
  if (args.includes('--llm')) return runLlm(args.includes('--json'));
  let faults, noFaults;
  try {
    faults = loadFaults();
    noFaults = loadNoFaults();
  } catch (err) {
    if (err instanceof CorpusError) {
      console.error(`tests/corpus: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const e = await evaluate(faults, noFaults);
  if (args.includes('--working')) {
    const { held_out: _hidden, ...rest } = e;
    const shown = { ...rest, cases: e.cases.filter((r) => r.part === 'working') };
    console.log(args.includes('--json') ? JSON.stringify(shown, null, 2) : readable(e, true));
    return 0;
  }
  const splitText = `${JSON.stringify(splitOf(faults), null, 2)}\n`;
  const docText = doc(e);
  if (args.includes('--check')) {
    const stale = [
      [SPLIT_FILE, splitText],
      [DOC_FILE, docText],
    ].filter(([file, want]) => {
      try {
        return readFileSync(file as string, 'utf8') !== want;
      } catch {
        return true;
      }
    });
    for (const [file] of stale) console.error(`${file} is stale: run npm run eval`);
    return stale.length ? 1 : 0;
  }
  writeFileSync(SPLIT_FILE, splitText);
  writeFileSync(DOC_FILE, docText);
  if (args.includes('--json')) {
    const shown = { ...e, cases: e.cases.filter((r) => r.part === 'working') };
    console.log(JSON.stringify(shown, null, 2));
  } else console.log(readable(e));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
