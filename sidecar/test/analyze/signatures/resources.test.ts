/** Real-world wordings of the resources family's failures (signatures/resources.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('resources', [
  c(
    "MariaDB's own words for a full disk",
    input('hassio', [
      line(
        '2024-05-01 10:00:00 0 [ERROR] InnoDB: Operating system error number 28 in a file operation.',
        'UNKNOWN',
        null,
      ),
    ]),
    'resources.disk_full',
    'resource_exhaustion',
    'free_disk_or_repair_db',
  ),
  c(
    "a disk full in the Supervisor's Docker words",
    input('hassio', [line('No space left on disk', 'ERROR', 'supervisor.docker.manager')]),
    'resources.disk_full',
    'resource_exhaustion',
    'free_disk_or_repair_db',
  ),
  c(
    'a dashboard that cannot keep up with the messages sent to it',
    input('websocket_api', [
      line(
        "[140241874215632] Alice from 192.168.1.50 (Mozilla/5.0 (Linux; Android 14; SM-T870)): Client unable to keep up with pending messages. Reached 4096 pending messages. The system's load is too high or an integration is misbehaving",
        'ERROR',
        'homeassistant.components.websocket_api.http.connection',
      ),
    ]),
    'resources.client_backlog',
    'resource_exhaustion',
    'notify_only',
  ),
  c(
    'a full disk',
    input('backup', [line('Backup failed: [Errno 28] No space left on device')]),
    'resources.disk_full',
    'resource_exhaustion',
    'free_disk_or_repair_db',
  ),
  c(
    'an image the Supervisor pulled and Docker then does not have',
    input('hassio', [
      line(
        'Can\'t install ghcr.io/home-assistant/odroid-m1-homeassistant:2025.7.0: 404 Client Error for http+docker://localhost/v1.48/images/ghcr.io/home-assistant/odroid-m1-homeassistant:2025.7.0/json: Not Found ("No such image: ghcr.io/home-assistant/odroid-m1-homeassistant:2025.7.0")',
        'ERROR',
        'supervisor.docker.interface',
      ),
    ]),
    'resources.image_not_stored',
    'resource_exhaustion',
    'free_disk_or_repair_db',
  ),
  c(
    'memory exhaustion in core',
    input('camera', [
      line('Error handling request\nTraceback (most recent call last):\nMemoryError'),
    ]),
    'resources.out_of_memory',
    'resource_exhaustion',
    'restart_core',
  ),
  c(
    'memory exhaustion in an add-on',
    input(
      'hassio',
      [
        line(
          'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
          'UNKNOWN',
        ),
      ],
      { subject: 'a0d7b954_nodered', kind: 'addon_state' },
    ),
    'resources.out_of_memory',
    'addon_crash',
    'restart_addon',
  ),
  c(
    'file descriptors',
    input('camera', [line('OSError: [Errno 24] Too many open files')]),
    'resources.open_files',
    'resource_exhaustion',
    'restart_core',
  ),
  c(
    // Nothing names the leaking integration: custom ones are where leaks usually are.
    'file descriptors running out in a log that names no integration',
    input(null, [line('OSError: [Errno 24] Too many open files', 'ERROR', 'homeassistant')]),
    'resources.open_files',
    'resource_exhaustion',
    'update_or_remove_custom_component',
  ),
  c(
    'threads running out in a core integration',
    input('stream', [
      line("RuntimeError: can't start new thread", 'ERROR', 'homeassistant.components.stream'),
    ]),
    'resources.threads',
    'resource_exhaustion',
    'restart_core',
  ),
  c(
    'a file-handle leak in a custom integration',
    input('iphonedetect', [
      line(
        'Error doing job: Task exception was never retrieved\nTraceback (most recent call last):\n  File "/config/custom_components/iphonedetect/device_tracker.py", line 88, in _async_update\nOSError: [Errno 24] Too many open files',
        'ERROR',
        'custom_components.iphonedetect.device_tracker',
      ),
    ]),
    'resources.open_files',
    'resource_exhaustion',
    'update_or_remove_custom_component',
  ),
  c(
    'memory exhaustion in a custom integration',
    input('petsafe', [line('MemoryError', 'ERROR', 'custom_components.petsafe.sensor')]),
    'resources.out_of_memory',
    'resource_exhaustion',
    'update_or_remove_custom_component',
  ),
  c(
    'a compiler killed for memory while an add-on builds firmware',
    input('hassio', [
      line(
        'xtensa-esp32-elf-g++: fatal error: Killed signal terminated program cc1plus',
        'UNKNOWN',
      ),
    ]),
    'resources.build_killed',
    'resource_exhaustion',
    'fix_config_then_reload',
  ),
  c(
    'MariaDB refusing to grow a table (error 1114)',
    input('recorder', [
      line(
        'sqlalchemy.exc.OperationalError: (MySQLdb.OperationalError) (1114, "The table \'states\' is full") [SQL: ALTER TABLE states ADD FOREIGN KEY(old_state_id) REFERENCES states (state_id)]',
        'ERROR',
        'homeassistant.components.recorder.migration',
      ),
    ]),
    'resources.disk_full',
    'resource_exhaustion',
    'free_disk_or_repair_db',
  ),
  c(
    // Home Assistant Google Drive Backup: the Drive account is full.
    'a cloud drive out of space for backups',
    input('hassio', [line('Google Drive is out of space', 'ERROR')]),
    'resources.disk_full',
    'resource_exhaustion',
    'free_disk_or_repair_db',
  ),
]);
