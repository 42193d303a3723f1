import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, Policy, ProposeActionRequest } from '../src/index.js';
import { allJsonSchemas, CONTRACTS } from '../src/json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.json'));

describe('golden examples', () => {
  it('cover every contract', () => {
    const covered = new Set(examples.map((f) => f.split('.')[0]));
    expect([...Object.keys(CONTRACTS)].filter((n) => !covered.has(n))).toEqual([]);
  });

  it.each(examples)('%s is valid', (file) => {
    const schema = CONTRACTS[file.split('.')[0] as string];
    expect(schema, `no contract for ${file}`).toBeDefined();
    const result = v.safeParse(
      schema as v.GenericSchema,
      JSON.parse(readFileSync(join(root, 'examples', file), 'utf8')),
    );
    expect(result.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`) ?? []).toEqual([]);
  });
});

describe('exported JSON Schema', () => {
  it('is up to date with the valibot contracts (run npm run contracts:schema)', () => {
    const onDisk = readdirSync(join(root, 'schema'))
      .filter((f) => f.endsWith('.schema.json'))
      .map((f) => f.replace('.schema.json', ''))
      .sort();
    const generated = allJsonSchemas();
    expect(onDisk).toEqual(Object.keys(generated).sort());
    for (const [name, schema] of Object.entries(generated)) {
      const file = JSON.parse(
        readFileSync(join(root, 'schema', `${name}.schema.json`), 'utf8'),
      ) as unknown;
      expect(file, `${name}.schema.json is stale`).toEqual(schema);
    }
  });
});

describe('contracts reject bad input', () => {
  it('a policy with an unknown action id', () => {
    const r = v.safeParse(Policy, { actions: { call_service: { allowed: true } } });
    expect(r.success).toBe(false);
    expect(r.issues?.[0]?.message).toContain(ACTION_IDS[0]);
  });

  it('a policy with an unknown key', () => {
    const r = v.safeParse(Policy, { mode: 'auto', yolo: true });
    expect(r.success).toBe(false);
  });

  it('a proposal naming an action outside the allow-list', () => {
    const r = v.safeParse(ProposeActionRequest, { incident_id: 'x', action_id: 'call_service' });
    expect(r.success).toBe(false);
    expect(r.issues?.map((i) => v.getDotPath(i))).toContain('action_id');
  });
});
