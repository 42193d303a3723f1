/**
 * YAML files people edit (the policy, the knowledge file): parsed with `yaml`
 * and validated with valibot, every error naming the file and the line.
 */
import type * as v from 'valibot';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A problem in a YAML file, located in it. */
export class YamlFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
  }
}

/** A parsed YAML file: its document (for locating), its line counter and its data. */
export interface ParsedYaml {
  doc: Document.Parsed;
  counter: LineCounter;
  data: unknown;
}

/** The line of the node at `path`, or of its nearest ancestor; keys of unknown entries count. */
export function lineOf(
  doc: Document.Parsed,
  counter: LineCounter,
  path: readonly (string | number)[],
): number | null {
  // Point at the key when the value is the problem of an unknown key, else at the value.
  for (let n = path.length; n >= 0; n--) {
    const parent = doc.getIn(path.slice(0, Math.max(0, n - 1)), true) as Node | undefined;
    if (n > 0 && isMap(parent)) {
      const key = path[n - 1];
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
      const node = (pair?.key ?? pair?.value) as Node | undefined;
      if (node?.range) return counter.linePos(node.range[0]).line;
    }
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node?.range) return counter.linePos(node.range[0]).line;
  }
  return null;
}

/** Parse YAML text; `fail` builds the error for a syntax error at a line. */
export function parseYaml(
  text: string,
  file: string,
  fail: (file: string, line: number | null, detail: string) => Error = (f, l, d) =>
    new YamlFileError(f, l, d),
): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    throw fail(
      file,
      yamlError.linePos?.[0].line ?? null,
      yamlError.message.split('\n')[0] ?? 'invalid YAML',
    );
  }
  return { doc, counter, data: doc.toJS() ?? {} };
}

/** Where a valibot issue is (its path) and what it says (an unknown key by name). */
export function issueOf(issue: v.BaseIssue<unknown> | undefined): {
  path: (string | number)[];
  detail: string;
} {
  const path = (issue?.path ?? []).map((p) => p.key as string | number);
  let detail = issue?.message ?? 'invalid';
  if (issue?.type === 'strict_object') detail = `unknown key ${JSON.stringify(path.at(-1))}`;
  return { path, detail };
}

/** The message of a problem at `path`: the path, then what is wrong. */
export const at = (path: readonly (string | number)[], detail: string): string =>
  `${path.length ? `${path.join('.')}: ` : ''}${detail}`;
