/** Real-world wordings of the database family's failures (signatures/database.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('database', [
  c(
    "MariaDB's storage engine refusing the redo log of a crash",
    input('hassio', [
      line(
        '2024-05-29 15:05:32 0 [ERROR] InnoDB: Upgrade after a crash is not supported. The redo log was created with MariaDB 10.6.12.',
        'UNKNOWN',
        null,
      ),
    ]),
    'database.server_engine_failed',
    'database',
    'free_disk_or_repair_db',
  ),
  c(
    'a schema upgrade that cannot rebuild a table',
    input('recorder', [
      line(
        'Error recreating SQLite table states',
        'ERROR',
        'homeassistant.components.recorder.migration',
      ),
    ]),
    'database.migration_failed',
    'database',
    'free_disk_or_repair_db',
  ),
  c(
    'a storage file of .storage that cannot be read',
    input(null, [
      line(
        'Unrecoverable error decoding storage core.entity_registry at /config/.storage/core.entity_registry; This may indicate an unclean shutdown, invalid syntax from manual edits, or disk corruption; The corrupt file has been saved as /config/.storage/core.entity_registry.corrupt.2024-05-01T08:00:00.000000+00:00; It is recommended to restore from backup: Expecting value: line 1 column 1 (char 0)',
        'ERROR',
        'homeassistant.helpers.storage',
      ),
    ]),
    'database.storage_file_corrupt',
    'database',
    'free_disk_or_repair_db',
  ),
  c(
    'a database that fails the recorder’s sanity check',
    input('recorder', [
      line(
        'The database sanity check failed to validate the sqlite3 database at //config/home-assistant_v2.db',
        'WARNING',
        'homeassistant.components.recorder.util',
      ),
    ]),
    'database.corrupt',
    'database',
    'free_disk_or_repair_db',
  ),
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
    'a corrupt table in the MariaDB server',
    input('hassio', [
      line("mariadbd: Index for table 'states' is corrupt; try to repair it", 'ERROR', null),
    ]),
    'database.server_table_corrupt',
    'database',
    'free_disk_or_repair_db',
  ),
  c(
    'a MySQL table marked as crashed',
    input('recorder', [
      line(
        '(MySQLdb.OperationalError) (145, "Table \'./homeassistant/states\' is marked as crashed and should be repaired")',
        'ERROR',
        'homeassistant.components.recorder.core',
      ),
    ]),
    'database.server_table_corrupt',
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
    // Another writer (a purge, a backup, a viewer) holds the file: nothing to repair.
    'notify_only',
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
  c(
    'a database engine older than the recorder supports',
    input('recorder', [
      line(
        'Version 3.20.1 of SQLite is not supported; minimum supported version is 3.31.0.',
        'WARNING',
        'homeassistant.components.recorder.util',
      ),
    ]),
    'database.unusable_database',
    'database',
    'fix_config_then_reload',
  ),
  c(
    'a db_url whose scheme names no SQLAlchemy dialect',
    input('recorder', [
      line(
        "Error during connection setup: Can't load plugin: sqlalchemy.dialects:postgres (retrying in 3 seconds)",
        'ERROR',
        'homeassistant.components.recorder',
      ),
    ]),
    'database.unusable_database',
    'database',
    'fix_config_then_reload',
  ),
  c(
    'a database connection without a Unicode charset',
    input('recorder', [
      line(
        "Error in recorder task: 'latin-1' codec can't encode character '\\u0142' in position 12\nTraceback (most recent call last):\n  File \"/usr/src/homeassistant/homeassistant/components/recorder/core.py\", line 600, in _run",
        'ERROR',
        'homeassistant.components.recorder.core',
      ),
    ]),
    'database.unusable_database',
    'database',
    'fix_config_then_reload',
  ),
  c(
    'the database server refusing the host the recorder connects from',
    input('recorder', [
      line(
        'Error during connection setup: (MySQLdb._exceptions.OperationalError) (1130, "Host \'core-samba.local.hass.io\' is not allowed to connect to this MariaDB server")',
        'ERROR',
        'homeassistant.components.recorder.core',
      ),
    ]),
    'database.access_denied',
    'database',
    'fix_config_then_reload',
  ),
  c(
    // zigpy's check of its own SQLite file (zigpy/appdb.py).
    'ZHA’s Zigbee database that fails its integrity check',
    input('zha', [
      line(
        'Zigbee database is corrupted, integrity check failed! *** in database main *** Page 12: btreeInitPage() returns error code 11',
        'ERROR',
        'zigpy.appdb',
      ),
    ]),
    'database.corrupt',
    'database',
    'free_disk_or_repair_db',
  ),
]);
