/** Wordings of the host family's failures (signatures/host.ts): what the host denies Home Assistant. */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('host', [
  c(
    "the host's Docker engine no longer answering the Supervisor",
    input('hassio', [
      line(
        "Dockerd connection issue for addon_core_mosquitto: ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))",
        'ERROR',
        'supervisor.docker.manager',
      ),
    ]),
    'host.docker_unresponsive',
    'other',
    'notify_only',
  ),
  c(
    'a disk whose file system will not mount',
    input(null, [
      line(
        'mount: /mnt/Media: wrong fs type, bad option, bad superblock on /dev/sda1, missing codepage or helper program, or other error.',
        'UNKNOWN',
      ),
    ]),
    'host.disk_not_mountable',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // docker compose with `user: 1003:1003`: s6-overlay must start as root.
    'a container started as a user that may not create its init folders',
    input(null, [line('unable to mkdir /var/run/s6: Permission denied', 'WARNING', 's6-mkdir')]),
    'host.container_user',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a port Home Assistant wants to listen on is taken',
    input('emulated_hue', [
      line(
        "Failed to create HTTP server at port 80: [Errno 98] error while attempting to bind on address ('0.0.0.0', 80): address already in use",
        'ERROR',
        'homeassistant.components.emulated_hue',
      ),
    ]),
    'host.port_in_use',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'the same, pasted bare',
    input(null, [line('OSError: [Errno 98] Address already in use', 'UNKNOWN')]),
    'host.port_in_use',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a file Home Assistant may not write',
    input('shopping_list', [
      line(
        "PermissionError: [Errno 13] Permission denied: '/config/.shopping_list.json'",
        'ERROR',
        'homeassistant.components.shopping_list',
      ),
    ]),
    'host.permission_denied',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'storage the kernel made read-only',
    input(null, [
      line("OSError: [Errno 30] Read-only file system: '/config/.storage/core.restore_state'"),
    ]),
    'host.read_only',
    'resource_exhaustion',
    'free_disk_or_repair_db',
  ),
  c(
    'a Supervisor that does not know its machine type',
    input('hassio', [line("Can't detect the machine type!", 'WARNING', 'supervisor.arch')]),
    'host.machine_unknown',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a file Node.js may not open',
    input('acme', [line("Error: EACCES: permission denied, open '/config/acme/state.json'")]),
    'host.permission_denied',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a file whose owner may not be changed',
    input('acme', [
      line("PermissionError: [Errno 1] Operation not permitted: '/config/www/snapshot.jpg'"),
    ]),
    'host.permission_denied',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    "jemalloc refusing the kernel's page size (a Raspberry Pi 5's 16K pages)",
    input(null, [
      line('homeassistant  | <jemalloc>: Unsupported system page size', 'UNKNOWN'),
      line(
        'homeassistant  | Fatal Python error: _PyRuntimeState_Init: memory allocation failed',
        'UNKNOWN',
      ),
    ]),
    'host.page_size',
    'other',
    'notify_only',
  ),
  c(
    // Z-Wave JS UI's server host set to an IP the add-on's container does not have.
    'a server set to listen on an address the machine does not have',
    input('hassio', [
      line(
        'Error: listen EADDRNOTAVAIL: address not available 192.168.1.20:3000\n    at Server.setupListenHandle [as _listen2] (node:net:1355:21)',
        'UNKNOWN',
      ),
    ]),
    'host.address_not_here',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // asyncio's words when Home Assistant's http server_host names an address the host lost.
    "Python's bind on an address the machine does not have",
    input('http', [
      line(
        "Failed to create HTTP server at port 8123: [Errno 99] error while attempting to bind on address ('192.168.1.40', 8123): cannot assign requested address",
        'ERROR',
        'homeassistant.components.http',
      ),
    ]),
    'host.address_not_here',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // HomeKit Bridge checks its port before it starts (older releases).
    'a bridge whose port another service holds',
    input('homekit', [
      line('The local port 21064 is in use.', 'ERROR', 'homeassistant.components.homekit'),
    ]),
    'host.port_in_use',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // The kernel's ext4 driver, as `ha host logs` shows it.
    'storage the kernel reports errors on',
    input(null, [
      line(
        'Jan 15 10:00:00 homeassistant kernel: EXT4-fs error (device mmcblk0p8): ext4_lookup:1855: inode #131074: comm python3: deleted inode referenced: 131101',
        'UNKNOWN',
      ),
    ]),
    'host.storage_failing',
    'resource_exhaustion',
    'free_disk_or_repair_db',
  ),
  c(
    // The Raspberry Pi's firmware, relayed by the kernel.
    'a Raspberry Pi without enough power',
    input(null, [
      line('Jan 15 10:00:00 homeassistant kernel: Under-voltage detected! (0x00050005)', 'UNKNOWN'),
    ]),
    'host.under_voltage',
    'other',
    'check_network_or_device',
  ),
]);
