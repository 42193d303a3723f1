/** `ha-llm-ops analyze [--json] FILE`: explain the failures in a Home Assistant log, offline. */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { LogIncidentBuilder, type LogIncident } from '../analyze/index.js';
import { parseLogStream } from '../logs/parse.js';
import { Redactor } from '../package/index.js';
import { parseKnowledge, type KnowledgeRule } from '../shared/knowledge.js';
import { YamlFileError } from '../shared/yaml-file.js';
import { UsageError, type Command } from './command.js';

/** An input that cannot be analyzed: the message names it. */
class UnreadableInput extends Error {}

// A line longer than this is cut into pieces rather than buffered whole.
const MAX_PENDING = 1 << 20;
const SAMPLE = 8192;

/** True when a sample of bytes is not text a log would contain. */
function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if ((byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 27) || byte === 0x7f)
      control++;
  }
  const text = new TextDecoder().decode(sample);
  const invalid = text.length - text.replaceAll('\uFFFD', '').length;
  return control > sample.length * 0.05 || invalid > text.length * 0.05;
}

/**
 * The text of a byte stream in blocks that end at a line break (the parser
 * splits them), so a large file costs one step per block rather than per line.
 */
async function* textOf(input: AsyncIterable<Buffer>, name: string): AsyncIterable<string> {
  const decoder = new TextDecoder();
  let pending = '';
  let first = true;
  for await (const chunk of input) {
    if (first) {
      first = false;
      if (chunk[0] === 0x1f && chunk[1] === 0x8b) {
        throw new UnreadableInput(
          `${name} is gzip-compressed; decompress it first (zcat ${name} | ha-llm-ops analyze -)`,
        );
      }
      if (looksBinary(chunk.subarray(0, SAMPLE))) {
        throw new UnreadableInput(`${name} is not a text log (it contains binary data)`);
      }
    }
    pending += decoder.decode(chunk, { stream: true });
    const end = pending.lastIndexOf('\n');
    if (end >= 0) {
      yield pending.slice(0, end);
      pending = pending.slice(end + 1);
    } else if (pending.length > MAX_PENDING) {
      yield pending;
      pending = '';
    }
  }
  pending += decoder.decode();
  if (pending) yield pending;
}

/** The rules of a knowledge file, or why they cannot be used (the error names file and line). */
async function rulesOf(file: string): Promise<KnowledgeRule[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(err);
    throw new UnreadableInput(`cannot read ${file}: ${why}`);
  }
  try {
    return parseKnowledge(text, file);
  } catch (err) {
    if (err instanceof YamlFileError) throw new UnreadableInput(err.message);
    throw err;
  }
}

/** Open FILE (or standard input for `-`), or say clearly why it cannot be read. */
async function open(file: string): Promise<{ input: AsyncIterable<Buffer>; name: string }> {
  if (file === '-') return { input: process.stdin, name: 'standard input' };
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UnreadableInput(`${file} is a directory, not a log file`);
  } catch (err) {
    if (err instanceof UnreadableInput) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(err);
    throw new UnreadableInput(`cannot read ${file}: ${why}`);
  }
  return { input: createReadStream(file), name: file };
}

/** The incidents in a readable report. */
function report(incidents: LogIncident[], name: string, records: number): string {
  if (incidents.length === 0) return `No problems found in ${name} (${records} log records).\n`;
  const out = [
    `${incidents.length} incident(s) in ${name} (${records} log records), most important first:`,
  ];
  incidents.forEach((inc, i) => {
    const { rca } = inc;
    out.push(
      '',
      `${i + 1}. [${inc.severity.toUpperCase()}] ${inc.title}`,
      `   ${inc.integration ?? 'unknown integration'} · ${inc.category} · ${inc.occurrences} occurrence(s) · confidence ${rca.confidence.toFixed(2)}`,
      `   Root cause: ${rca.root_cause}`,
      `   Impact: ${rca.impact}`,
      `   What helps: ${rca.remedy.replaceAll('_', ' ')}`,
      ...rca.manual_steps.map((s) => `     - ${s}`),
    );
    for (const a of rca.candidate_actions) {
      const params = Object.entries(a.params)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ');
      out.push(
        `   Suggested action: ${a.action_id}${params ? ` (${params})` : ''}: ${a.rationale}`,
      );
    }
  });
  return `${out.join('\n')}\n`;
}

/**
 * The incidents with secrets and personal data replaced: what `analyze` prints by
 * default, because people paste its output into public issues. One redactor for
 * the whole report, so one value has one placeholder throughout. What is the
 * analyzer's own stays as it is, and is not counted: fingerprints are digests, and
 * the signature that explained an incident is its name (a key named `signature`
 * would otherwise pass for a secret's).
 */
function redacted(incidents: LogIncident[]): { incidents: LogIncident[]; replaced: number } {
  const redactor = new Redactor();
  const out = incidents.map(({ fingerprint, rca, ...rest }) => {
    const { signature, ...analysis } = rca;
    const clean = redactor.value({ ...rest, rca: analysis });
    return { fingerprint, ...clean, rca: { ...clean.rca, signature } };
  });
  const replaced = Object.values(redactor.counts).reduce((n, c) => n + c, 0);
  return { incidents: out, replaced };
}

/** The `analyze` command: parse, group, explain; `--json` for machines. */
export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'explain the failures in a Home Assistant log file, offline (output redacted)',
  usage:
    'analyze [--json] [--no-redact] [--knowledge RULES] FILE    (FILE - reads standard input; RULES: your knowledge.yaml)',
  run: async (args) => {
    let json = false;
    let redact = true;
    let knowledge: string | null = null;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] ?? '';
      if (arg === '--json') json = true;
      else if (arg === '--no-redact') redact = false;
      else if (arg === '--knowledge') {
        const next = args[++i];
        if (next === undefined)
          throw new UsageError('--knowledge needs a FILE (your knowledge.yaml)');
        knowledge = next;
      } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      else files.push(arg);
    }
    const [file, extra] = files;
    if (file === undefined) throw new UsageError('missing FILE');
    if (extra !== undefined) throw new UsageError(`unexpected argument ${extra}`);

    let records = 0;
    let name = file;
    let builder: LogIncidentBuilder;
    try {
      builder = new LogIncidentBuilder(knowledge === null ? [] : await rulesOf(knowledge));
      const opened = await open(file);
      name = opened.name;
      for await (const r of parseLogStream(textOf(opened.input, name))) {
        builder.add(r);
        records++;
      }
    } catch (err) {
      // Only input problems are the user's to fix; anything else is a bug and stays loud.
      const io = (err as NodeJS.ErrnoException).code !== undefined;
      if (!(err instanceof UnreadableInput) && !io) throw err;
      const message = io
        ? `cannot read ${name}: ${(err as Error).message}`
        : (err as Error).message;
      process.stderr.write(`ha-llm-ops analyze: ${message}\n`);
      return 2;
    }
    const found = builder.incidents();
    const { incidents, replaced } = redact ? redacted(found) : { incidents: found, replaced: 0 };
    if (builder.droppedRecords > 0) {
      process.stderr.write(
        `ha-llm-ops analyze: ${builder.droppedRecords} records of rarer failures were not grouped (too many distinct failures in ${name})\n`,
      );
    }
    process.stdout.write(
      json
        ? `${JSON.stringify({ incidents, redacted: redact }, null, 2)}\n`
        : report(incidents, name, records),
    );
    if (!json && redact && replaced > 0)
      process.stdout.write(
        `\n${replaced} secret or personal value(s) replaced by placeholders such as [IP_1]; --no-redact shows them.\n`,
      );
    return 0;
  },
};
