/** The recorder's database: corrupt, unreachable or too slow. Restarts do not repair a file. */
import type { ActionTemplate, Outcome, SignatureFamily } from '../types.js';

const backupFirst: ActionTemplate = {
  action_id: 'create_backup',
  params: {},
  rationale:
    'Keep a copy of the configuration and the current database before repairing or replacing it.',
  risk: 'low',
};

const RECORDER = /recorder|sqlalchemy/;

const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence' | 'manualSteps'> = {
  category: 'database',
  remedy: 'free_disk_or_repair_db',
  severity: 'error',
  impact:
    'History, logbook, energy and statistics are missing or fail to load, and new state changes may not be recorded.',
  actions: [],
  tests: [
    {
      kind: 'no_new_matching_errors',
      description: 'No new recorder database errors.',
      timeout_s: 3600,
    },
  ],
};

const storageSteps = [
  'Check the storage: free space, and the health of the SD card/SSD (database trouble on SD cards usually comes back).',
  'Shrink the database: lower purge_keep_days, exclude chatty entities from the recorder, then run recorder.purge with repack: true.',
];

/** Recorder databases that are corrupt, unreachable, locked or too slow. */
export const database: SignatureFamily = {
  family: 'database',
  signatures: [
    {
      id: 'corrupt',
      match: {
        text: /database disk image is malformed|file is not a database|The database sanity check failed to validate the sqlite3 database|sqlite3 database corruption|rename the corrupt database|corrupt(?:ed)? database file|is corrupt or malformed|malformed database schema|\bZigbee database is corrupted\b/i,
      },
      ...common,
      confidence: 0.92,
      actions: [backupFirst],
      variants: [
        {
          // zigpy's own SQLite file (zigbee.db), which ZHA checks at every start.
          when: { text: /\bZigbee database is corrupted\b/ },
          set: {
            title: 'ZHA’s Zigbee database is corrupt',
            impact:
              'ZHA may not start, or starts without the devices, names and groups the file held.',
            rootCause:
              'ZHA’s SQLite file (zigbee.db) fails its integrity check (“{detail}”): a power cut or unclean shutdown during a write, or a failing SD card/SSD.',
            manualSteps: [
              'Take a backup first.',
              'Stop Home Assistant and recover the file (sqlite3 zigbee.db ".recover" | sqlite3 recovered.db, then swap it in); the radio keeps the network itself, so devices rejoin even if the file is lost.',
              'Check the storage medium and power supply, or the corruption comes back.',
            ],
          },
        },
      ],
      title: 'The recorder database is corrupt',
      rootCause:
        'The recorder’s SQLite database (home-assistant_v2.db) is damaged (“{detail}”), so queries on it fail. Power cuts or unclean shutdowns during a write, failing SD cards/SSDs and full disks are the usual causes.',
      manualSteps: [
        'Take a backup first: the damaged file may still be partly recoverable.',
        'Stop Home Assistant and recover the file (sqlite3 home-assistant_v2.db ".recover" | sqlite3 recovered.db, then swap it in), or move it aside so the recorder starts a new, empty database (history is lost).',
        'Check the storage medium and power supply, or the corruption comes back.',
        'Restarting or reloading alone does not repair the file.',
      ],
    },
    {
      // One of Home Assistant's own files in .storage (registries, entries, dashboards): it
      // sets the damaged file aside and starts that part empty.
      id: 'storage_file_corrupt',
      match: { text: /Unrecoverable error decoding storage (?<file>[\w.]+) at / },
      ...common,
      severity: 'critical',
      confidence: 0.9,
      actions: [],
      title: 'Home Assistant’s storage file {file} is damaged',
      rootCause:
        'Home Assistant could not read its storage file {file} (“{detail}”): it was damaged by an unclean shutdown or a failing disk, or edited by hand into invalid JSON. Home Assistant set the file aside and started that part (entities, devices, entries or dashboards it holds) empty.',
      impact:
        'What {file} held (entity or device names and settings, config entries, or dashboards) is missing until the file is restored.',
      manualSteps: [
        'Restore the file from a backup: a partial restore of Home Assistant’s configuration brings back the .storage folder.',
        'Or repair the copy Home Assistant set aside (it names it in the log) and put it back while Home Assistant is stopped.',
        'Check the disk and the power supply: files damaged by shutdowns come back.',
      ],
    },
    {
      // MariaDB's storage engine refusing to start on the files it has: a redo log written by a
      // crash of an older version, or one that is damaged. The server (the add-on) stops.
      id: 'server_engine_failed',
      match: {
        text: /\bInnoDB: Upgrade after a crash is not supported\b|\bInnoDB: Malformed log record\b|\bInnoDB: Plugin initialization aborted\b|\bUnknown\/unsupported storage engine: InnoDB\b/,
      },
      ...common,
      confidence: 0.85,
      actions: [backupFirst],
      title: 'The MariaDB/MySQL server cannot start its storage engine',
      rootCause:
        'The database server cannot start InnoDB, its storage engine (“{detail}”): its redo log was left by a crash of an older version that this version cannot recover, or it is damaged. The server, and with it the recorder’s database, does not start.',
      impact:
        'The recorder cannot write or read history until the server starts; Home Assistant keeps running without it.',
      manualSteps: [
        'Take a backup first.',
        'If it started after an update: start the previous version of the server once (restore the add-on from a backup) and stop it cleanly, then update again.',
        'Otherwise start it once with innodb_force_recovery set, dump the database and restore it into a fresh one.',
      ],
    },
    {
      // MariaDB's and MySQL's own words for a damaged table or index (the server, not a file
      // Home Assistant holds): repaired with the server's tools, after a backup.
      id: 'server_table_corrupt',
      match: {
        text: /Index for table '[^']+' is corrupt|Table '[^']+' is marked as crashed|Incorrect key file for table|InnoDB: (?:We detected index corruption|Database page corruption)/i,
      },
      ...common,
      confidence: 0.9,
      actions: [backupFirst],
      title: 'A table of the recorder’s MariaDB/MySQL database is corrupt',
      rootCause:
        'The database server reports a damaged table or index (“{detail}”), so the recorder’s queries on it fail. Unclean shutdowns, a full disk during a write or a failed migration leave tables like this.',
      manualSteps: [
        'Take a backup first.',
        'Repair the table with the server’s tools (mariadb-check --auto-repair, or REPAIR TABLE / dump and reimport for InnoDB), or, if history can go, drop the database so the recorder creates it again.',
        'Check free space and the storage medium, or the corruption comes back.',
      ],
    },
    {
      id: 'storage_io_error',
      match: {
        text: /disk I\/O error|Input\/output error|\[Errno 5\]/i,
        // A serial port's I/O error is its radio stick's, not the storage's.
        unless: /\bSerial port errored\b|\/dev\/tty/,
      },
      ...common,
      confidence: 0.85,
      actions: [backupFirst],
      title: 'The storage under Home Assistant reports I/O errors',
      rootCause:
        'Reading or writing the disk fails at the device level (“{detail}”): the SD card/SSD is failing or its connection (USB adapter, power) is unreliable.',
      manualSteps: [
        'Take a backup to another device now, while the storage still works.',
        'Replace the SD card/SSD or its USB adapter; check the power supply.',
      ],
    },
    {
      // The database named in db_url, or its engine, is not one the recorder can use: the
      // configuration (the URL's scheme or charset) or the installed engine must change.
      id: 'unusable_database',
      match: {
        text: [
          /Version [\d.]+ of (?:SQLite|MariaDB|MySQL|PostgreSQL) is not supported/i,
          /Can't load plugin: sqlalchemy\.dialects:\S+/,
          /'(?:charmap|latin-?1|ascii)' codec can't encode character[\s\S]*components\/recorder\//,
        ],
      },
      ...common,
      remedy: 'fix_config_then_reload',
      confidence: 0.88,
      title: 'The recorder cannot use this database',
      rootCause:
        'The recorder rejects its database (“{detail}”): the engine is too old, or db_url names a wrong scheme or charset.',
      manualSteps: [
        'Fix db_url under recorder: (postgresql://, not postgres://; for MariaDB/MySQL add ?charset=utf8mb4).',
        'For a too old engine, upgrade the database software, then restart Home Assistant.',
      ],
    },
    {
      // The server answers and refuses this client: its user, password, host grant or
      // database name (MySQL/MariaDB errors 1044, 1045, 1049, 1130; PostgreSQL's words).
      // A restored backup or a new add-on host name often leaves the grants behind.
      id: 'access_denied',
      match: {
        text: /\((?:1044|1045|1049|1130), "|Access denied for user '[^']*'@|Host '[^']+' is not allowed to connect to this (?:MariaDB|MySQL) server|Unknown database '[^']+'|password authentication failed for user|no pg_hba\.conf entry for host|database "[^"]+" does not exist/,
      },
      ...common,
      remedy: 'fix_config_then_reload',
      // More specific than server_unreachable's connection error it comes in.
      confidence: 0.9,
      title: 'The database server refuses the recorder’s login',
      rootCause:
        'The database server answers but refuses this client (“{detail}”): the user, password, database name or the hosts allowed for that user do not match what the recorder’s db_url uses — often after a backup was restored or the database add-on was reinstalled.',
      manualSteps: [
        'Compare db_url under recorder: with the database server’s user, password and database (MariaDB add-on: its Configuration tab, logins and rights).',
        "Allow the user to connect from Home Assistant’s host (for the MariaDB add-on, its rights list; elsewhere GRANT … TO 'user'@'%').",
        'Then restart Home Assistant so the recorder connects again.',
      ],
    },
    {
      id: 'server_unreachable',
      match: {
        text: /Error during connection setup|Can't connect to (?:MySQL |MariaDB )?server|Lost connection to (?:MySQL |MariaDB )?server|(?:MySQL|MariaDB) server has gone away|could not connect to server|connection to server at .* failed|OperationalError\) \(20(?:02|03|06|13)\b/i,
        logger: RECORDER,
      },
      ...common,
      remedy: 'check_network_or_device',
      confidence: 0.86,
      title: 'The recorder cannot reach its database server[[ {host}]]',
      rootCause:
        'The recorder uses an external database (MariaDB/MySQL or PostgreSQL) and cannot connect to it (“{detail}”): the database server or add-on is stopped or restarting, or its address or credentials changed.',
      manualSteps: [
        'Check that the database server runs (Supervisor installs: Settings → Add-ons → MariaDB → Start, then read its log).',
        'Check db_url under recorder: (host, port, user, password).',
        'The recorder reconnects by itself once the server answers.',
      ],
    },
    {
      id: 'backlog',
      match: {
        text: /recorder backlog queue reached the maximum size|Database queue backlog reached|The recorder (?:queue|backlog)[^\n]{0,80}(?:maximum|exceeded)/i,
      },
      ...common,
      confidence: 0.82,
      title: 'The recorder cannot keep up with writing to its database',
      rootCause:
        'Events arrive faster than the recorder can write them and its queue overflowed (“{detail}”): the database storage is slow or failing, the database is very large, or the system is CPU or I/O bound.',
      manualSteps: [
        ...storageSteps,
        'Look for an integration that floods state changes (Settings → System → Repairs → System information, or the logbook).',
      ],
    },
    {
      id: 'migration_failed',
      match: {
        text: /Database error during schema migration|Error during schema migration|Database migration failed|Schema migration failed|Upgrade to version \d+ failed|Error when determining DB schema version|Error when initiali[sz]e database|Error recreating SQLite table \w+|Could not modify column [^\n]* in table \w+/i,
      },
      ...common,
      confidence: 0.8,
      title: 'Upgrading the recorder database failed',
      rootCause:
        'The recorder could not migrate its database to the schema this Home Assistant version needs (“{detail}”). Migrations need free disk space (up to the size of the database) and time; an interrupted or out-of-space migration fails.',
      manualSteps: [
        'Make sure there is free disk space at least the size of the database, then restart so the migration runs again.',
        'If it keeps failing, restore the database from a backup taken before the update or start a new one.',
      ],
    },
    {
      id: 'schema_too_new',
      match: {
        text: /schema version \d+ is newer than \d+ which is the maximum|Failed to validate schema/i,
      },
      ...common,
      remedy: 'notify_only',
      confidence: 0.85,
      title: 'The recorder database was written by a newer Home Assistant',
      rootCause:
        'The database schema is newer than this Home Assistant version supports (“{detail}”): Home Assistant was downgraded or a backup restored over a newer database.',
      manualSteps: [
        'Upgrade Home Assistant back to the version that wrote the database, or restore a database backup taken with this version.',
      ],
    },
    {
      id: 'locked',
      match: { text: /database is locked/i },
      ...common,
      // Another writer holds the file (a purge, a backup, a viewer): nothing to free or repair.
      remedy: 'notify_only',
      confidence: 0.7,
      title: 'The recorder database is locked',
      rootCause:
        'Writes to the recorder database time out because the file is locked (“{detail}”): another process holds it open (a backup, a database viewer add-on) or the storage is too slow.',
      manualSteps: ['Close tools that open home-assistant_v2.db directly.', ...storageSteps],
    },
    {
      id: 'recorder_error',
      match: {
        text: /Error executing query|Unhandled database error|SQLAlchemyError|Error saving events|Error in database connectivity|Recorder setup failed|recorder shutting down|Recorder\._run threw|sqlalchemy\.exc\.\w+/i,
        logger: RECORDER,
      },
      ...common,
      confidence: 0.55,
      title: 'The recorder fails to use its database',
      rootCause:
        'Queries on the recorder database fail (“{detail}”)[[: {exception}]]. Storage problems, a very large database, or database corruption are the usual causes.',
      manualSteps: storageSteps,
    },
  ],
};
