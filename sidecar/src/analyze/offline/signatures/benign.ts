/** Lines that look alarming but are normal operation: they never make an incident. */
import type { SignatureFamily } from '../types.js';

const NOT_A_DEPRECATION = /blocking call|from a thread|crash|corrupt|Traceback/i;

/** No failures: only the normal lines that must never become incidents. */
export const benign: SignatureFamily = {
  family: 'benign',
  signatures: [],
  benign: [
    { text: /Skipping pip installation/, maxLevel: 'WARNING' },
    { text: /zlib_ng and isal are not available/ },
    {
      // Deprecation notices: they announce a future break, they are not one.
      text: /\bdeprecated\b|will stop working in|will be removed in (?:Home Assistant |HA Core |version )?\d{4}\.\d+|deprecation warning/i,
      maxLevel: 'WARNING',
      unless: NOT_A_DEPRECATION,
    },
    { text: /Timer got out of sync/ },
    {
      // What the user's own automations write with system_log.write: their message, on purpose.
      text: /[\s\S]/,
      logger: /^homeassistant\.components\.system_log\.external$/,
    },
    {
      // A browser or app that talks to the WebSocket API wrongly: its own bug, answered with an
      // error to it; Home Assistant carries on.
      text: /\bReceived binary message for non-existing handler\b|\bAuth message incorrectly formatted\b/,
      maxLevel: 'ERROR',
    },
    {
      // reolink_aio: a camera whose privacy mode the user turned on refuses the login on
      // purpose (its Baichuan login still works).
      text: /\bprivacy mode is turned on\b/,
    },
    {
      // denonavr: a receiver that moved its web interface to another port answers 403 once;
      // the library runs its set-up again by itself to find it.
      text: /returns HTTP status 403\. Running setup again once\b/,
      maxLevel: 'WARNING',
    },
    {
      // An automation or script in mode `single` triggered while it still runs: the run is
      // dropped, as that mode says. Real threads found nothing wrong with it.
      text: /: Already running$/,
      maxLevel: 'WARNING',
    },
    // asyncio's notes on sessions an integration forgot to close: noise, not a failure.
    { text: /Unclosed client session|Unclosed connector/, maxLevel: 'ERROR' },
    { text: /Ended unfinished session/ },
    { text: /could not validate that the sqlite3 database at .* was shut ?down cleanly/ },
    {
      // Recorder schema upgrades log their progress as warnings.
      text: /Upgrading recorder db schema|Upgrade to version \d+ done|Database upgrade in progress|Adding (?:index|columns|foreign key)|Data migration step .* (?:completed|started)|Rebuilding SQLite table .* (?:finished|started)|The database is about to upgrade|Dropping index|Finished adding index/,
      maxLevel: 'WARNING',
    },
    {
      text: /Home Assistant initialized in|Starting Home Assistant|Stopping Home Assistant|Home Assistant (?:has started|is starting|is stopping)|Setup of domain \w+ took|Setting up stage \w+/,
      maxLevel: 'WARNING',
    },
    { text: /Disconnected: Did not receive auth message within \d+ seconds/, maxLevel: 'WARNING' },
    // A browser or app that did not finish opening its connection within ten seconds (a slow
    // network on its side): Home Assistant drops it and the client connects again.
    { text: /^(?:\[\d+\] )?Timeout preparing request from \S+$/, maxLevel: 'WARNING' },
    // Mosquitto: a client that never said who it was, i.e. a bare TCP probe such as the
    // Supervisor's add-on health check every two minutes.
    { text: /^Socket error on client <unknown>, disconnecting\.?$/ },
  ],
};
