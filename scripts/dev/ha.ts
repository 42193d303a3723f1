/** `npm run ha:up` / `npm run ha:down`: the dev Home Assistant. */
import { HaDevError, haDown, haUp } from '../../tests/harness/ha-dev.js';

const command = process.argv[2];
try {
  if (command === 'up') await haUp();
  else if (command === 'down') await haDown();
  else {
    console.error('usage: ha.ts up|down');
    process.exitCode = 2;
  }
} catch (err) {
  console.error(`ha-dev: error: ${err instanceof HaDevError ? err.message : String(err)}`);
  process.exitCode = 1;
}
