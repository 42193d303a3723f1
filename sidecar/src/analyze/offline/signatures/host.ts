/**
 * What the host denies Home Assistant itself (an add-on's own port and files are the
 * addon family's): a port another program holds, a file it may not open, storage
 * the kernel made read-only or reports failing, a power supply too weak. Restarts change
 * none of them.
 */
import type { Outcome, SignatureFamily } from '../types.js';

const tests: Outcome['tests'] = [
  {
    kind: 'no_new_matching_errors',
    description: 'The error does not occur again after the change.',
    timeout_s: 3600,
  },
];

/** Ports, permissions, storage and power on the host. */
export const host: SignatureFamily = {
  family: 'host',
  signatures: [
    {
      id: 'port_in_use',
      match: {
        text: /\baddress already in use\b|\bEADDRINUSE\b|\[Errno 98\]|\bport is already (?:allocated|in use)\b|\bport \d+ is (?:already )?in use\b/i,
        addon: false,
      },
      category: 'invalid_config',
      remedy: 'fix_config_then_reload',
      severity: 'error',
      confidence: 0.8,
      title: '[[{integration}: ]]a port is already in use',
      rootCause:
        'Another program already listens on the port[[ {integration} needs]] (“{detail}”): a second copy of Home Assistant, an add-on or a service on the host with the same port, or a port configured twice.',
      impact:
        'Whatever should listen on that port (the web interface, an emulated device, a bridge) is not reachable.',
      actions: [],
      tests,
      manualSteps: [
        'Find what else listens on that port (another add-on, a second Home Assistant container, a host service).',
        'Stop that program, or give one of them another port in its configuration; then restart Home Assistant.',
      ],
    },
    {
      // Listening on an address the machine (or the add-on's container) does not have: a
      // fixed IP typed into a "host" or "bind" setting that changed or never belonged here.
      id: 'address_not_here',
      match: {
        text: /\blisten EADDRNOTAVAIL\b|\bbind\b[^\n]{0,80}(?:\bEADDRNOTAVAIL\b|Cannot assign requested address)/i,
      },
      category: 'invalid_config',
      remedy: 'fix_config_then_reload',
      severity: 'error',
      confidence: 0.8,
      title: '[[{integration}: ]]set to listen on an address this machine does not have',
      rootCause:
        'A server is set to listen on an address that is not this machine’s (“{detail}”): a fixed IP address typed into a host or bind setting that changed since, or that belongs to the host while the program runs in a container with its own. It cannot start its server.',
      impact:
        'Whatever should listen there (a web interface, a server other parts connect to) does not start.',
      actions: [],
      tests,
      manualSteps: [
        'Open the setting that names this address (host, bind or listen address) and leave it empty or set 0.0.0.0 to listen on all of the machine’s addresses.',
        'If the address must stay fixed, give the machine that address again (a DHCP reservation), then restart the program.',
      ],
    },
    {
      id: 'permission_denied',
      match: {
        // Devices (/dev/tty…) are the radio signatures': a missing device mapping says more.
        // Python's words, and Node.js's (add-ons and helpers written in JavaScript).
        text: /(?:PermissionError: )?\[Errno (?:13\] Permission denied|1\] Operation not permitted): '(?!\/dev\/)[^']+'|\bEACCES: permission denied, (?:open|mkdir|scandir|unlink|rename|access|copyfile) '(?!\/dev\/)[^']+'/,
        addon: false,
      },
      category: 'invalid_config',
      remedy: 'fix_config_then_reload',
      severity: 'error',
      confidence: 0.7,
      title: '[[{integration}: ]]a file may not be opened',
      rootCause:
        'Home Assistant may not open a file it needs (“{detail}”): its owner or permissions are wrong, usually after it was copied in or edited as another user (root), or the container runs as a user without access.',
      impact: 'Whatever reads or writes that file fails until its permissions are fixed.',
      actions: [],
      tests,
      manualSteps: [
        'Give the file back to the user Home Assistant runs as (for a container install, the owner of the configuration folder), with read and write permission.',
        'Then restart Home Assistant or reload the integration.',
      ],
    },
    {
      // The images start through s6-overlay, which must run as root to create its runtime
      // folders: a container started with another user (`user:` in docker compose) stops.
      id: 'container_user',
      match: {
        text: /\bunable to (?:mkdir|create|chown|open|write) [^\n]*\/run\/s6\b[^\n]*Permission denied|\bs6-overlay[^\n]* must be run as root\b/i,
        minLevel: 'INFO',
      },
      category: 'invalid_config',
      remedy: 'fix_config_then_reload',
      severity: 'critical',
      confidence: 0.75,
      title: 'The container runs as a user its start-up cannot work with',
      rootCause:
        'The container’s init system (s6-overlay) may not create its runtime files (“{detail}”): it must start as root, and the container was started as another user (a user: line in docker compose, or --user). The container stops before Home Assistant starts.',
      impact: 'Home Assistant does not start.',
      actions: [],
      tests,
      manualSteps: [
        'Remove the user setting from the container’s definition (user: in docker compose, --user with docker run); the image runs as root and is not made for another user.',
        'Start the container again.',
      ],
    },
    {
      // A disk whose file system the kernel will not mount: not unmounted cleanly (NTFS),
      // damaged, or of a type the system cannot read.
      id: 'disk_not_mountable',
      match: {
        text: /\bwrong fs type, bad option, bad superblock\b|\bcan't read superblock\b|\bThe disk contains an unclean file system\b/i,
        minLevel: 'INFO',
      },
      category: 'device_unavailable',
      remedy: 'check_network_or_device',
      severity: 'error',
      confidence: 0.72,
      title: 'A disk cannot be mounted',
      rootCause:
        'The system cannot mount a disk (“{detail}”): its file system was not unmounted cleanly (an NTFS disk pulled from Windows without a safe removal), is damaged, or is of a type this system cannot read. What is stored there is unavailable.',
      impact: 'Shares, media and backups on that disk are unavailable.',
      actions: [],
      tests,
      manualSteps: [
        'Check the disk on the computer that formatted it (chkdsk on Windows, fsck on Linux), and eject it safely there.',
        'Plug it back in and restart what mounts it.',
      ],
    },
    {
      // The Supervisor learns the machine type from the installation (the Supervised
      // installer asks for it); without it, it cannot pick images or process version data.
      id: 'machine_unknown',
      match: {
        text: /Can't detect the machine type|Unknown machine type|machine type (?:is )?(?:unknown|not set)/i,
      },
      category: 'invalid_config',
      remedy: 'fix_config_then_reload',
      severity: 'error',
      confidence: 0.7,
      title: 'The Supervisor does not know the machine type',
      rootCause:
        'The Supervisor could not detect which machine it runs on (“{detail}”). The machine type is set when the installation is made; without it, the Supervisor cannot choose images or read the version data, so updates and add-ons fail.',
      impact: 'Updates of Home Assistant and add-on installs do not work.',
      actions: [],
      tests,
      manualSteps: [
        'On a Supervised installation, install the Supervised package again and choose the right machine type when it asks.',
        'Then restart the Supervisor (ha supervisor restart) or the host.',
      ],
    },
    {
      id: 'read_only',
      match: { text: /Read-only file system|\bEROFS\b|\[Errno 30\]/i, addon: false },
      category: 'resource_exhaustion',
      remedy: 'free_disk_or_repair_db',
      severity: 'critical',
      confidence: 0.8,
      title: 'The storage of Home Assistant is read-only',
      rootCause:
        'Writing failed because the file system is read-only (“{detail}”): the kernel remounts storage read-only after I/O errors, which on an SD card or a cheap SSD means it is failing.',
      impact:
        'Nothing can be saved: configuration changes, the recorder database and backups fail until the storage is replaced.',
      actions: [],
      tests,
      manualSteps: [
        'Make a backup at once and copy it off the machine, while the storage can still be read.',
        'Replace the SD card or disk, and restore the backup onto the new one.',
      ],
    },
    {
      // The kernel's own words for storage that fails reads or writes (ext4 and the block
      // layer): an SD card or a cheap SSD wearing out, or a loose USB disk.
      id: 'storage_failing',
      match: {
        text: /\bEXT4-fs error \(device (?<device>[\w-]+)\)|\bBuffer I\/O error on dev(?:ice)? (?<device2>[\w-]+)|\bI\/O error, dev (?<device3>[\w-]+), sector\b/,
      },
      category: 'resource_exhaustion',
      remedy: 'free_disk_or_repair_db',
      severity: 'critical',
      confidence: 0.78,
      title: 'The storage of Home Assistant reports errors[[ ({device})]]',
      rootCause:
        'The kernel cannot read or write parts of the storage[[ {device}]] (“{detail}”): on an SD card or a cheap SSD that means it is wearing out; on a USB disk, also a loose cable or too little power. The file system goes read-only next, and files (the recorder database first) get corrupted.',
      impact:
        'Files on it may already be damaged; the recorder, backups and updates fail as errors spread, and the system may stop booting.',
      actions: [],
      tests,
      manualSteps: [
        'Make a backup at once and copy it off the machine, while the storage can still be read.',
        'Replace the SD card or disk (an SSD on a Raspberry Pi, with a powered USB adapter if needed), and restore the backup onto it.',
      ],
    },
    {
      // The Raspberry Pi's firmware reports that the supply voltage dropped below 4.63 V.
      id: 'under_voltage',
      match: { text: /\bUnder-voltage detected!/ },
      category: 'other',
      remedy: 'check_network_or_device',
      severity: 'error',
      confidence: 0.82,
      title: 'The Raspberry Pi does not get enough power',
      rootCause:
        'The board reports that its supply voltage dropped too low (“{detail}”): the power supply or its cable is too weak for the board and what hangs on its USB ports. Under-voltage throttles the CPU and makes SD cards, SSDs and USB radios fail at random.',
      impact:
        'Everything may misbehave at random: storage errors, USB sticks that drop out, slowdowns and crashes.',
      actions: [],
      tests,
      manualSteps: [
        'Use the official power supply for the board (5.1 V, 3 A for a Pi 4; 5 A for a Pi 5) and a short, thick cable.',
        'Power USB disks and other hungry devices from a powered hub rather than the board.',
      ],
    },
    {
      // jemalloc, which Home Assistant's images preload, is built for one memory page size;
      // kernels with 16K or 64K pages (Raspberry Pi 5's, Asahi's) make it refuse to start,
      // and Python then fails to allocate: no memory is missing.
      id: 'page_size',
      match: { text: /<jemalloc>: Unsupported system page size/ },
      category: 'other',
      remedy: 'notify_only',
      severity: 'critical',
      confidence: 0.85,
      title: 'The memory allocator does not support this kernel’s page size',
      rootCause:
        'jemalloc, the memory allocator Home Assistant’s image preloads, was built for another memory page size than this kernel uses (“{detail}”), so it refuses to start and Home Assistant cannot start at all. No memory is missing.',
      impact: 'Home Assistant does not start on this kernel.',
      actions: [],
      tests,
      manualSteps: [
        'Update to an image built for this page size, or run a kernel with 4K pages (on a Raspberry Pi 5: kernel=kernel8.img in config.txt).',
        'Meanwhile, start the container with DISABLE_JEMALLOC=true to run without jemalloc.',
      ],
    },
    {
      // The Supervisor talks to the host's Docker engine over its socket; when that stops
      // answering, every add-on and Core itself are out of its hands. Not a device on the network.
      id: 'docker_unresponsive',
      match: {
        text: /\bDockerd connection issue\b|\bCommunication issues with dockerd\b|\bCannot get events from docker, monitor has crashed\b|\bError while fetching server API version\b/,
      },
      category: 'other',
      remedy: 'notify_only',
      severity: 'critical',
      confidence: 0.8,
      title: 'The host’s Docker engine does not answer the Supervisor',
      rootCause:
        'The Supervisor lost its connection to the host’s Docker engine (“{detail}”), which runs Home Assistant and every add-on: the engine hangs or restarted, usually because the host is overloaded, out of memory, or its storage is failing or full.',
      impact:
        'Add-ons and Home Assistant cannot be started, stopped, updated or backed up until the Docker engine answers again.',
      actions: [],
      tests,
      manualSteps: [
        'Restart the host (Settings → System → ⋮ → Restart system); on a Supervised install, check `systemctl status docker` first.',
        'Check free space, memory and the storage’s health (Settings → System → Hardware and Repairs): a full or failing disk hangs the Docker engine.',
      ],
    },
  ],
};
