import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../src/journal/journal.js';
import { DEFAULT_POLICY, parsePolicy, type PolicyState } from '../../src/policy/policy.js';
import { ModeLocked, PolicyKeeper } from '../../src/policy/policy-keeper.js';
import { tempDir } from '../helpers/pipeline.js';

const open: Journal[] = [];
afterEach(() => {
  for (const journal of open.splice(0)) journal.close();
});

function journalAt(dir: string): Journal {
  const journal = new Journal(join(dir, 'journal.db'));
  open.push(journal);
  return journal;
}

const fromFile: PolicyState = {
  policy: parsePolicy('mode: approve\n'),
  source: '/config/policy.yaml',
  error: null,
};

describe('PolicyKeeper', () => {
  it('takes the mode from the file, then the add-on option, then the user’s switch', () => {
    const journal = journalAt(tempDir());
    expect(new PolicyKeeper(fromFile, journal).current().mode).toBe('approve');
    const keeper = new PolicyKeeper(fromFile, journal, 'auto');
    expect(keeper.current().mode).toBe('auto');
    keeper.setMode('observe');
    expect(keeper.current()).toMatchObject({
      mode: 'observe',
      error: null,
      source: fromFile.source,
    });
  });

  it('keeps the user’s switch across a restart, in the journal', () => {
    const dir = tempDir();
    const first = journalAt(dir);
    new PolicyKeeper(fromFile, first, 'auto').setMode('observe');
    first.close();
    open.splice(open.indexOf(first), 1);
    expect(new PolicyKeeper(fromFile, journalAt(dir), 'auto').current().mode).toBe('observe');
  });

  it('pins an invalid policy to observe and refuses to switch, saying why', () => {
    const broken: PolicyState = {
      policy: { ...DEFAULT_POLICY, mode: 'observe' },
      source: '/config/policy.yaml',
      error: '/config/policy.yaml:3: unknown action reboot_everything',
    };
    const journal = journalAt(tempDir());
    new PolicyKeeper(fromFile, journal).setMode('auto'); // switched before the file broke
    const keeper = new PolicyKeeper(broken, journal, 'auto');
    expect(keeper.current()).toMatchObject({ mode: 'observe', error: broken.error });
    expect(() => keeper.setMode('auto')).toThrow(ModeLocked);
    expect(() => keeper.setMode('auto')).toThrow(/stays in observe mode: .*reboot_everything/);
  });
});
