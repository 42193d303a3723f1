/**
 * `npm run docs:reliability`: write the figures of docs/reliability.md from the records the
 * fault suite left in test-results/faults/ (tests/faults/record.ts), between the page's
 * `<!-- figures:begin -->` and `<!-- figures:end -->`; the prose around them stays.
 * Run `npm run test:faults` first: the page says only what those records say.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FaultRecord } from '../../tests/faults/record.js';
import { render, splice } from './reliability-figures.js';

const REPO = join(import.meta.dirname, '../..');
const DIR = join(REPO, 'test-results/faults');
const PAGE = join(REPO, 'docs/reliability.md');

const records = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as FaultRecord);
writeFileSync(PAGE, splice(readFileSync(PAGE, 'utf8'), render(records)));
process.stdout.write(`docs/reliability.md: the figures of ${records.length} tests\n`);
