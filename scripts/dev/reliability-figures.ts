/**
 * The figures of docs/reliability.md, rendered from the records the fault suite leaves
 * (tests/faults/record.ts): one row per fault, the burst's figures, the time per file.
 */
import type { FaultRecord, Figures } from '../../tests/faults/record.js';

const BEGIN = '<!-- figures:begin -->';
const END = '<!-- figures:end -->';

type Counted = 'lost' | 'doubled' | 'actionsTwice';

const seconds = (ms: number) =>
  ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000));
const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
const thousands = (n: number) => n.toLocaleString('en');

/** A counted figure over the runs that measured it; '–' when none did. */
function sum(records: FaultRecord[], key: Counted): string {
  const measured = records.map((r) => r.figures[key]).filter((v) => v !== undefined);
  return measured.length ? String(measured.reduce((a, b) => a + b, 0)) : '–';
}

function recovery(records: FaultRecord[]): string {
  const ms = records.map((r) => r.figures.recoverMs).filter((v) => v !== undefined);
  if (!ms.length) return '–';
  return `${seconds(median(ms))} s / ${seconds(Math.max(...ms))} s`;
}

export function render(records: FaultRecord[]): string {
  if (!records.length) throw new Error('no records: run npm run test:faults first');
  const byFault = new Map<string, FaultRecord[]>();
  for (const r of [...records].sort((a, b) => a.file.localeCompare(b.file))) {
    const key = `${r.file}\u0000${r.fault}`;
    byFault.set(key, [...(byFault.get(key) ?? []), r]);
  }
  const times = records.map((r) => r.finishedAt).sort();
  const out = [
    `Written by \`npm run docs:reliability\` from the records of the fault suite's tests that`,
    `finished between ${times[0]} and ${times.at(-1)}: ${records.length} tests,`,
    `${records.filter((r) => r.passed).length} passed. _Lost_ and _counted twice_ are occurrences`,
    `(and incidents) of the failures Home Assistant logged, or of the add-on in error; _actions run`,
    `twice_ are backups, restarts or reloads run more than once; _recovery_ runs from the end of`,
    `the fault (connection back, space again, the sidecar restarted, the Supervisor answering`,
    `again, Home Assistant running again) until everything was counted, served or verified again;`,
    `for the model, from the failure logged until the offline analysis stood; for SIGTERM, until`,
    `the process exited (median / longest). – : not measured by that test.`,
    '',
    '| Fault | File | Runs | Passed | Lost | Counted twice | Actions run twice | Recovery |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const rs of byFault.values()) {
    const [first] = rs as [FaultRecord];
    const passed = rs.filter((r) => r.passed).length;
    out.push(
      `| ${first.fault} | \`${first.file.replace('tests/faults/', '')}\` | ${rs.length} | ${passed} of ${rs.length} | ${sum(rs, 'lost')} | ${sum(rs, 'doubled')} | ${sum(rs, 'actionsTwice')} | ${recovery(rs)} |`,
    );
  }
  const loads = records.filter(
    (r): r is FaultRecord & { figures: Required<Pick<Figures, 'load'>> } => Boolean(r.figures.load),
  );
  if (loads.length) {
    out.push(
      '',
      "The burst (a run each); the sidecar's resident memory as the burst starts, at its half and at its end (the highest of the minute before), and its peak:",
      '',
      '| Lines sent | Minutes | Distinct failures | Incidents | Sidecar RSS: start / half / end (peak) | HA pings (unanswered) | Ping p95 | Passed |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const { figures, passed } of loads) {
      const l = figures.load;
      out.push(
        `| ${thousands(l.linesSent)} | ${l.minutes} | ${l.distinctFailures} | ${l.incidents} | ${l.startRssMiB} / ${l.halfRssMiB} / ${l.endRssMiB} MiB (${l.peakRssMiB}) | ${thousands(l.pings)} (${l.pingsUnanswered}) | ${l.pingP95Ms} ms | ${passed ? 'yes' : 'no'} |`,
      );
    }
  }
  const byFile = new Map<string, number>();
  for (const r of records) byFile.set(r.file, (byFile.get(r.file) ?? 0) + r.durationMs);
  out.push(
    '',
    `Time per file (the sum of its tests; the two of \`long.test.ts\` run at the same time): ${[
      ...byFile,
    ]
      .map(([file, ms]) => `\`${file.replace('tests/faults/', '')}\` ${seconds(ms)} s`)
      .join(', ')}.`,
  );
  return out.join('\n');
}

/** The page with `figures` between its markers; the prose around them stays. */
export function splice(page: string, figures: string): string {
  const [head, rest] = page.split(BEGIN);
  const tail = rest?.split(END)[1];
  if (head === undefined || tail === undefined) throw new Error(`the page lacks ${BEGIN} … ${END}`);
  return `${head}${BEGIN}\n${figures}\n${END}${tail}`;
}
