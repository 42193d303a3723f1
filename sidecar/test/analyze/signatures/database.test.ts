/** Real-world wordings of the database family's failures (signatures/database.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('database', [
  c(
    'a malformed database',
    input('recorder', [
      line(
        'Error executing query: (sqlite3.DatabaseError) database disk image is malformed',
        'ERROR',
        'homeassistant.components.recorder.util',
      ),
    ]),
    'database.corrupt',
    'database',
    'free_disk_or_repair_db',
  ),
  c(
    'an external database that is down',
    input('recorder', [
      line(
        "Error during connection setup: (MySQLdb.OperationalError) (2002, \"Can't connect to server on 'core-mariadb' (115)\")",
        'ERROR',
        'homeassistant.components.recorder.core',
      ),
    ]),
    'database.server_unreachable',
    'database',
    'check_network_or_device',
  ),
  c(
    'a recorder that cannot keep up',
    input('recorder', [
      line(
        'The recorder backlog queue reached the maximum size of 40000 events; usually, the system is CPU bound, I/O bound, or the database is corrupt due to a disk problem; The recorder will stop recording events to avoid running out of memory',
        'ERROR',
        'homeassistant.components.recorder.core',
      ),
    ]),
    'database.backlog',
    'database',
    'free_disk_or_repair_db',
  ),
  c(
    'a locked database',
    input('recorder', [
      line(
        'Error saving events: (sqlite3.OperationalError) database is locked',
        'ERROR',
        'homeassistant.components.recorder.core',
      ),
    ]),
    'database.locked',
    'database',
    'free_disk_or_repair_db',
  ),
  c(
    'a database written by a newer version',
    input('recorder', [
      line(
        'The database schema version 48 is newer than 45 which is the maximum database schema version supported by the installed version of Home Assistant Core',
        'ERROR',
        'homeassistant.components.recorder.core',
      ),
    ]),
    'database.schema_too_new',
    'database',
    'notify_only',
  ),
]);
