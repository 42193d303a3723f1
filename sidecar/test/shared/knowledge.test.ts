import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  KnowledgeBase,
  KnowledgeError,
  parseKnowledge,
  patternProblem,
  RuleRefused,
} from '../../src/shared/knowledge.js';

const GOOD = `# my rules
rules:
  # the hub drops off at night
  - id: hub-nightly
    match: 'hub \\d+ did not answer'
    integration: fault_lab
    category: device_unavailable
    remedy: check_network_or_device
    actions: [reload_config_entry]
`;

function errorOf(text: string): KnowledgeError {
  try {
    parseKnowledge(text, '/cfg/knowledge.yaml');
  } catch (err) {
    if (err instanceof KnowledgeError) return err;
    throw err;
  }
  throw new Error('expected a KnowledgeError');
}

describe('parseKnowledge', () => {
  it('reads rules and compiles their patterns case-insensitively', () => {
    const [rule] = parseKnowledge(GOOD);
    expect(rule).toMatchObject({ id: 'hub-nightly', category: 'device_unavailable' });
    expect(rule?.regex.test('HUB 12 did not answer')).toBe(true);
  });

  it('an empty file or an empty list is no rules', () => {
    expect(parseKnowledge('')).toEqual([]);
    expect(parseKnowledge('rules:\n')).toEqual([]);
  });

  it.each([
    [
      'an unknown category',
      GOOD.replace('device_unavailable', 'gremlins'),
      7,
      /rules\.0\.category: must be one of/,
    ],
    [
      'an action off the allow-list',
      GOOD.replace('[reload_config_entry]', '[reload_config_entry, rm_rf]'),
      9,
      /"rm_rf" is not an allow-listed action/,
    ],
    [
      'an invalid regex',
      GOOD.replace("'hub \\d+ did not answer'", "'hub (unclosed'"),
      5,
      /rules\.0\.match: is not a valid regular expression/,
    ],
    [
      'a nested repetition',
      GOOD.replace("'hub \\d+ did not answer'", "'(a+)+b'"),
      5,
      /repeats a group that itself repeats/,
    ],
    [
      'a pattern matching anything',
      GOOD.replace("'hub \\d+ did not answer'", "'.*'"),
      5,
      /matches an empty text/,
    ],
    [
      'an overlong pattern',
      GOOD.replace("'hub \\d+ did not answer'", `'${'x'.repeat(501)}'`),
      5,
      /longer than 500/,
    ],
    [
      'an unknown key',
      GOOD.replace('    remedy:', '    remdy: x\n    remedy:'),
      8,
      /unknown key "remdy"/,
    ],
    [
      'a YAML syntax error',
      GOOD.replace('category: device_unavailable', 'category: [device_unavailable'),
      8,
      /./,
    ],
    ['a duplicate id', GOOD + GOOD.split('rules:\n')[1], 11, /duplicate rule id "hub-nightly"/],
  ])('names the file and line of %s', (_what, text, line, message) => {
    const err = errorOf(text);
    expect(err.file).toBe('/cfg/knowledge.yaml');
    expect(err.line).toBe(line);
    expect(err.message).toMatch(new RegExp(`^/cfg/knowledge\\.yaml:${line}: `));
    expect(err.message).toMatch(message);
  });

  it('patternProblem accepts an ordinary pattern', () => {
    expect(patternProblem(String.raw`Timeout connecting to \d+\.\d+`)).toBeNull();
  });
});

describe('KnowledgeBase', () => {
  let dir: string;
  let file: string;
  const logs: string[] = [];
  const log = {
    info: (m: string) => logs.push(`info ${m}`),
    error: (m: string) => logs.push(`error ${m}`),
  };
  /** Write the file with a new modification time, as an editor would. */
  let tick = 0;
  const write = (text: string) => {
    writeFileSync(file, text);
    tick += 10;
    utimesSync(file, new Date(Date.now() + tick * 1000), new Date(Date.now() + tick * 1000));
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
    file = join(dir, 'knowledge.yaml');
    logs.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('no file is no rules and no error', () => {
    expect(new KnowledgeBase(file, log).current()).toEqual({ file, rules: [], error: null });
  });

  it('reports a bad file at start once: no rules, and the error with its line', () => {
    write('rules:\n  - id: x\n    match: [\n');
    const kb = new KnowledgeBase(file, log);
    expect(logs.filter((l) => l.startsWith('error'))).toHaveLength(1);
    expect(kb.current()).toMatchObject({
      rules: [],
      error: expect.stringMatching(/knowledge\.yaml:\d+: /),
    });
    expect(logs.filter((l) => l.startsWith('error'))).toHaveLength(1);
  });

  it('re-reads a changed file; a bad edit keeps the last good rules and is logged once', () => {
    write(GOOD);
    const kb = new KnowledgeBase(file, log);
    expect(kb.current().rules.map((r) => r.id)).toEqual(['hub-nightly']);
    write(GOOD.replace('hub-nightly', 'hub-at-night'));
    expect(kb.current().rules.map((r) => r.id)).toEqual(['hub-at-night']);

    write(GOOD.replace('hub-nightly', 'hub-at-night').replace('device_unavailable', 'gremlins'));
    const bad = kb.current();
    expect(bad.rules.map((r) => r.id)).toEqual(['hub-at-night']);
    expect(bad.error).toMatch(
      new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')}:7: rules\\.0\\.category`),
    );
    kb.current();
    expect(logs.filter((l) => l.startsWith('error'))).toHaveLength(1);

    write(GOOD);
    expect(kb.current()).toMatchObject({ error: null, rules: [{ id: 'hub-nightly' }] });
  });

  it('adds a rule keeping the user’s comments, and refuses a taken id', () => {
    write(GOOD);
    const kb = new KnowledgeBase(file, log);
    const added = kb.add({
      id: 'from-inc',
      match: String.raw`Timeout after \d+ s`,
      category: 'network_unreachable',
      remedy: 'check_network_or_device',
    });
    expect(added.regex.test('timeout after 30 s')).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# my rules');
    expect(text).toContain('# the hub drops off at night');
    expect(kb.current().rules.map((r) => r.id)).toEqual(['hub-nightly', 'from-inc']);
    expect(() =>
      kb.add({
        id: 'from-inc',
        match: 'x',
        category: 'network_unreachable',
        remedy: 'notify_only',
      }),
    ).toThrow(RuleRefused);
  });

  it('creates the file for the first rule, and refuses to add to an invalid file', () => {
    const kb = new KnowledgeBase(file, log);
    kb.add({ id: 'first', match: 'boom', category: 'other', remedy: 'notify_only' });
    expect(parseKnowledge(readFileSync(file, 'utf8')).map((r) => r.id)).toEqual(['first']);
    write('rules: [');
    expect(() =>
      kb.add({ id: 'second', match: 'bang', category: 'other', remedy: 'notify_only' }),
    ).toThrow(/must be fixed before adding/);
  });
});
