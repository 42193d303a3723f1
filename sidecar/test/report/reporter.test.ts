/**
 * The reporter and the sidecar's stop: an event being sent when the sidecar stops must not
 * reach for the journal once it is closed (that crashed the process with an unhandled
 * rejection when a send finished after the stop).
 */
import type { Connection } from 'home-assistant-js-websocket';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/journal/journal.js';
import { createLogger } from '../../src/log.js';
import { Reporter } from '../../src/report/reporter.js';
import { tempDir } from '../helpers/pipeline.js';

describe('Reporter.stop', () => {
  it('leaves the journal alone once stopped, though a send was still under way', async () => {
    const journal = new Journal(`${tempDir()}/journal.db`);
    let answer: (() => void) | undefined;
    const sent: unknown[] = [];
    const conn = {
      connected: true,
      addEventListener: () => undefined,
      sendMessagePromise: (msg: unknown) => {
        sent.push(msg);
        return new Promise<void>((r) => (answer = r));
      },
    } as unknown as Connection;
    const reporter = new Reporter({ journal, log: createLogger('error'), updateIntervalS: 60 });
    const at = new Date().toISOString();
    journal.outbox.enqueueEvent('llm_ops_test', null, 'now', { n: 1 }, at, at);
    // A second event due later: after the send, the reporter would schedule its wake-up.
    const later = new Date(Date.now() + 60_000).toISOString();
    journal.outbox.enqueueEvent('llm_ops_test', null, 'later', { n: 2 }, at, later);
    reporter.attach(conn);
    expect(sent).toHaveLength(1);

    reporter.stop();
    journal.close();
    const rejections: unknown[] = [];
    const onRejection = (err: unknown) => rejections.push(err);
    process.on('unhandledRejection', onRejection);
    try {
      answer?.(); // HA answers after the stop
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(rejections).toEqual([]);
  });
});
