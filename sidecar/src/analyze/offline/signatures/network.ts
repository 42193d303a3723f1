/**
 * Peers that cannot be reached. A name that does not resolve or a host without a
 * route is the network's problem; a local device that refuses or does not answer
 * is the device's. Reloading helps only once the peer answers again.
 */
import {
  CONNECTION_FAILED,
  DNS_FAILED,
  HOST_UNREACHABLE,
  NETWORK_UNREACHABLE,
  REFUSED,
  SERVER_ERROR,
  TIMEOUT,
} from '../patterns.js';
import {
  cameBack,
  ofCloudService,
  ofNamedService,
  onThisMachine,
  overInternet,
  schemeAsHost,
  slowService,
  toldToReload,
} from '../peers.js';
import type { SignatureFamily } from '../types.js';
import { customRelease } from '../variants.js';
import { device, DNS_VARIANTS, PEER_VARIANTS, tests } from './network-parts.js';

/** Peers that cannot be resolved, routed to, or reached. */
export const network: SignatureFamily = {
  family: 'network',
  signatures: [
    {
      id: 'dns',
      match: { text: DNS_FAILED },
      category: 'network_unreachable',
      remedy: 'fix_config_then_reload',
      severity: 'error',
      confidence: 0.8,
      title: '{integration} cannot resolve the host name[[ {host}]]',
      rootCause:
        'The host name {integration} uses[[ ({host})]] cannot be resolved to an address (“{dns}”). Home Assistant’s DNS server does not know it — typical for names that only exist on another network, for .local names inside containers, or for a typo — so every connection fails before it starts.',
      impact: '{integration} cannot connect at all; its entities are unavailable.',
      actions: [
        {
          action_id: 'reload_config_entry',
          params: { entry_id: '$entry_id' },
          rationale:
            'After the host name or address in the entry is corrected: reload to connect right away.',
          risk: 'low',
          afterUserFix: true,
        },
      ],
      tests,
      manualSteps: [
        'Use the device’s IP address instead of its host name (Settings → Devices & services → {integration} → Reconfigure), ideally with a fixed DHCP lease.',
        'Or make the name resolvable: add it to your router’s DNS, or check the DNS servers Home Assistant uses (Settings → System → Network).',
        'Check the host name for typos.',
      ],
      variants: DNS_VARIANTS,
    },
    {
      id: 'no_route',
      match: { text: NETWORK_UNREACHABLE },
      category: 'network_unreachable',
      remedy: 'check_network_or_device',
      severity: 'error',
      confidence: 0.8,
      variants: [
        {
          // Multicast DNS is sent on every interface; one without a route (IPv6 loopback,
          // a container bridge) fails on its own while discovery works on the others.
          when: { text: /\b5353\b|zeroconf|\bmdns\b/i },
          set: {
            remedy: 'notify_only',
            rootCause:
              'Sending multicast DNS on one interface failed (“{detail}”). Discovery still works on the others.',
            manualSteps: ['Nothing to do unless devices stop being discovered.'],
          },
        },
      ],
      title: 'Home Assistant has no network route[[ to {host}]]',
      rootCause:
        'The Home Assistant host has no route to[[ {host}]] (“Network is unreachable”): its own network connection, gateway or VLAN routing is down or misconfigured, so requests never leave the machine.',
      impact: '{integration} and everything else that needs that network cannot connect.',
      actions: [],
      tests,
      manualSteps: [
        'Check the host’s network settings (Settings → System → Network): address, gateway and DNS.',
        'Check the cable or Wi-Fi and the router; if VLANs or firewall rules changed recently, check the route to {host}.',
      ],
    },
    {
      id: 'mqtt_broker',
      match: {
        text: /(?:Unable to connect to|Failed to connect to|Disconnected from|Lost connection to) (?:the )?MQTT(?: broker| server)?|MQTT (?:broker|server) (?:is )?(?:unavailable|not available|unreachable)|Connection Refused: (?:broker|server) unavailable|No ACK from MQTT server in \d+ seconds|Error talking to MQTT: The client is not currently connected/i,
      },
      ...device,
      confidence: 0.74,
      actions: [],
      title: 'Home Assistant cannot connect to the MQTT broker[[ {host}]]',
      rootCause:
        'The MQTT broker[[ at {host}]] is not accepting connections (“{detail}”): it is stopped, restarting or overloaded. All MQTT devices are unavailable meanwhile; the MQTT integration reconnects by itself once the broker is back.',
      impact:
        'Every MQTT entity (Zigbee2MQTT, Tasmota, ESPHome over MQTT, …) is unavailable until the broker answers.',
      manualSteps: [
        'Check the broker: on Supervisor installs, Settings → Add-ons → Mosquitto broker → Log; otherwise the broker host’s service status.',
        'If the broker restarts in a loop, fix that first — its log says why.',
        'Do not restart Home Assistant or reload MQTT in a loop: it reconnects with backoff once the broker answers.',
      ],
    },
    {
      id: 'radio',
      match: {
        text: /Failed to connect to (?:the )?(?:radio|coordinator|adapter|dongle|stick)\b|(?:radio|coordinator|adapter|dongle|stick) (?:is )?(?:not responding|unavailable|disconnected|not found)|Couldn't start \S+ (?:coordinator|radio)|Couldn't start .*coordinator|could not open (?:serial )?port|Failed to open (?:the )?serial port|cannot open \/dev\/(?:tty|serial)|No such file or directory: '\/dev\/(?:tty|serial)|\[Errno 2\] could not open port|\(hci\d+\)[^\n]*\bNo such device\b|\[Errno 19\] No such device|\bDevice '\/dev\/[^'\n]+' does not exist|\bmultiple access on port\b|\bno (?:BT|Bluetooth) (?:controllers?|adapters?) (?:is |are )?(?:present|found|available)\b|\bBluetooth: hci\d+: (?:Opcode 0x[0-9a-f]+ failed|command 0x[0-9a-f]+ tx timeout|Hardware error)|\bFailed to (?:re)?start Bluetooth(?: scanner)?\b|\bFailed to force stop scanner\b|org\.bluez\.Error\.NotReady|\bASH_NCP_FATAL_ERROR\b|\bERROR_EXCEEDED_MAXIMUM_ACK_TIMEOUT_COUNT\b|\bNCP FATAL ERROR\b|\bAdapter fatal error: \w+|\bAdapter disconnected, stopping\b|\bThe controller is (?:unresponsive|jammed)\b|\bFailed to execute controller command after \d+\/\d+ attempts\b|\bSerial port errored\b|\bFailed to enqueue (?:message|packet): |\bCannot lock port\b|\bFailed to communicate with RCP\b|\bRadioSpinelNoResponse\b|\bToo many rcp failures\b|\bsecondary seems unresponsive\b|^Watchdog failure\b|\bNCP entered failed state\b|\bNVRAM is inconsistent\b|\bZigbee channel \d+ utilization is [\d.]+%|\bFailed to probe (?:the )?running application type\b|\bBootloader did not launch a valid application\b|\bcould not enter the bootloader\b|\bFailed to open rtlsdr device\b|\bdevice descriptor read\/\d+, error -\d+|\busb_claim_interface error\b|\[SDR\] No supported devices found\b|\bDevice is used by another application\b|\btoo much RF interference\b/im,
      },
      ...device,
      confidence: 0.76,
      actions: [],
      variants: [
        {
          // zigpy measures the channel before it forms or starts the network, and refuses to
          // form one on a channel too busy to carry it.
          when: { text: /\butilization is [\d.]+%|\bRF interference\b/i },
          set: {
            title: '{integration}: the Zigbee channel is crowded',
            rootCause:
              'The Zigbee radio hears too much traffic or noise on its channel (“{detail}”): Wi-Fi on an overlapping channel, USB 3 ports and disks next to the stick, or other Zigbee networks. Devices drop off, miss updates or fail to join.',
            manualSteps: [
              'Put the stick on a USB extension cable, away from USB 3 ports, SSDs and the host itself.',
              'Move the Wi-Fi access points nearby off the Zigbee channel (Zigbee 15, 20 and 25 sit between Wi-Fi 1, 6 and 11), or change the Zigbee channel in the integration’s network settings.',
            ],
          },
        },
        {
          // pyserial: the port said it had data and then had none, which is what a second
          // reader of the same port causes (or a stick pulled out).
          when: { text: /\bmultiple access on port\b|\bCannot lock port\b/ },
          set: {
            remedy: 'fix_config_then_reload',
            rootCause:
              'The serial port of {integration}’s radio reads empty (“{detail}”): almost always a second program (another integration, an add-on, a script) opened the same port and takes the data, or the stick was pulled out.',
            manualSteps: [
              'Find what else uses the port: integrations and add-ons configured with the same /dev path (Zigbee2MQTT beside ZHA, a serial sensor, ser2net), and remove or re-point the other one.',
              'Then reload {integration} (or restart Home Assistant).',
            ],
          },
        },
        {
          // The stick is there but another program holds it: a firmware flasher finds the port
          // in use (Home Assistant's hardware integration), libusb cannot claim an SDR stick
          // (-6: busy, often the kernel's DVB driver or a second rtl_433).
          when: {
            text: /\bDevice is used by another application\b|\busb_claim_interface error -6\b/,
          },
          set: {
            remedy: 'fix_config_then_reload',
            rootCause:
              'The radio of {integration} is present, but another program holds it (“{detail}”): an integration or add-on using the same stick, a second instance of the program, or a kernel driver that claimed the USB device.',
            manualSteps: [
              'Stop what else uses the stick (the other integration or add-on, a second instance; for an SDR stick, blacklist the kernel’s DVB driver on the host), then start the firmware update or the add-on again.',
            ],
          },
        },
        {
          // A Bluetooth controller (a USB dongle or the board's own): the kernel, or the
          // integration reading it, says it is missing or does not answer its commands.
          when: { text: /\bhci\d+\b|\b(?:BT|Bluetooth) (?:controllers?|adapters?)\b/i },
          set: {
            title: '{integration}: the Bluetooth adapter does not answer',
            rootCause:
              'The Bluetooth adapter is missing or does not answer (“{detail}”): a USB dongle was unplugged or lost power, or the controller (a board’s own, or a dongle) hangs after an operating system or firmware update.',
            impact:
              'Every Bluetooth device Home Assistant reads through that adapter is unavailable.',
            manualSteps: [
              'Check that the adapter shows under Settings → System → Hardware (or `hciconfig` on the host); replug a USB dongle, using an extension cable away from USB 3 ports.',
              'Power the host off and on: a controller that hangs is often reset only by losing power.',
              'If it started after an operating system update, look for the board’s Bluetooth in the release notes and issue tracker, or use a supported USB dongle instead.',
            ],
          },
        },
        {
          // bellows and zigpy-deconz: the radio would not take one more frame to send.
          when: { text: /\bFailed to enqueue (?:message|packet): / },
          set: {
            title: '{integration}: the Zigbee radio refuses to queue commands',
            rootCause:
              'The Zigbee radio of {integration} answers but would not queue one more frame (“{detail}”): more commands at once than its buffers hold (many devices switched together, fast polling), or its firmware is stuck.',
            manualSteps: [
              'Switch many devices with one Zigbee group instead of one command each, and spread automations that fire together.',
              'Update the radio’s firmware; if it persists, unplug the stick for a few seconds and restart Home Assistant.',
            ],
          },
        },
        {
          // The stick is there; the process may not open it.
          when: { text: /Permission denied: '\/dev\/|\[Errno 13\][^\n]*\/dev\// },
          set: {
            remedy: 'fix_config_then_reload',
            rootCause:
              'The radio of {integration} is there, but Home Assistant is not allowed to open it (“{detail}”): its user lacks the group that owns the port (dialout, uucp), or the container was started without the device mapped into it.',
            manualSteps: [
              'Give the user Home Assistant runs as access to the port (add it to the dialout or uucp group), or map the device into the container (--device / devices:).',
              'Then reload {integration} (or restart Home Assistant).',
            ],
          },
        },
      ],
      title: '{integration} cannot talk to its USB radio',
      rootCause:
        'The Zigbee/Z-Wave/serial radio of {integration} does not answer or is not where the configuration says (“{detail}”): the stick was unplugged or reset, its /dev path changed after a reboot, or another program holds the port.',
      impact: 'Every device behind that radio is unavailable.',
      manualSteps: [
        'Check the stick is plugged in (use a USB extension cable away from USB 3 ports) and shows under Settings → System → Hardware.',
        'Use the stable /dev/serial/by-id/… path instead of /dev/ttyUSB0 or /dev/ttyACM0.',
        'Make sure only one integration or add-on (ZHA, Zigbee2MQTT, Z-Wave JS) uses the radio.',
      ],
    },
    {
      // Zigbee2MQTT's driver cannot start the coordinator: the configured adapter type (ember,
      // zstack, deconz, …) does not match its firmware, or the port is another device's.
      id: 'radio_driver_mismatch',
      match: {
        text: /Failed to start EZSP layer with status=\w+|SRSP - SYS - ping after \d+ms|Failed to connect to the adapter|Adapter EZSP protocol version \(\d+\) is not supported|\bNo valid USB adapter found\b/i,
        minLevel: 'INFO',
      },
      ...device,
      category: 'invalid_config',
      remedy: 'fix_config_then_reload',
      confidence: 0.7,
      actions: [],
      title: 'Zigbee2MQTT cannot start its Zigbee adapter',
      rootCause:
        'Zigbee2MQTT’s driver could not start the Zigbee coordinator (“{detail}”): the adapter type in its configuration (ember, zstack, deconz, zigate, zboss) does not match the coordinator’s firmware, the port or baud rate is another device’s, or another program (ZHA) holds the port.',
      impact: 'Every Zigbee device of Zigbee2MQTT is unavailable until it starts.',
      manualSteps: [
        'Set the adapter and port in Zigbee2MQTT’s configuration to the coordinator’s (the stable /dev/serial/by-id/… path; the adapter type from its firmware: Silicon Labs EmberZNet → ember, Texas Instruments Z-Stack → zstack).',
        'Make sure ZHA (or another program) does not use the same stick, then start Zigbee2MQTT again.',
      ],
    },
    {
      id: 'host_unreachable',
      match: { text: HOST_UNREACHABLE },
      ...device,
      confidence: 0.72,
      variants: PEER_VARIANTS,
      title: '{host} does not answer',
      rootCause:
        '{integration} cannot reach {host} (“{detail}”). On a local network this almost always means the device is off, asleep, out of Wi-Fi range, or has moved to another IP address.',
    },
    {
      id: 'refused',
      match: { text: REFUSED },
      ...device,
      confidence: 0.72,
      variants: [onThisMachine, toldToReload, cameBack, schemeAsHost],
      title: '{host} refuses connections from {integration}',
      rootCause:
        '{host} is reachable but refuses the connection (“{detail}”): nothing listens on that port right now — the service on it (its API, a broker, an add-on) is stopped or restarting, or the port or API was changed or disabled.',
    },
    {
      id: 'timeout',
      match: { text: TIMEOUT },
      ...device,
      confidence: 0.68,
      variants: [
        slowService(overInternet),
        slowService(ofCloudService),
        slowService(ofNamedService),
        onThisMachine,
        toldToReload,
        cameBack,
        schemeAsHost,
      ],
      title: '{integration} gets no answer from {host} in time',
      rootCause:
        '{integration} gave up waiting for {host} (“{detail}”): the device is off, overloaded, on a weak Wi-Fi link, or no longer at that address.',
    },
    {
      // Integrations with a live (push) channel poll while it is down; some never reopen it.
      id: 'push_channel_lost',
      match: {
        text: /(?:websocket|web socket|push|event stream|real-?time|streaming) (?:connection |channel |updates? )?(?:is )?(?:not active|closed|disconnected|lost|failed|dropped)[^\n]{0,60}?(?:fall(?:ing)? ?back|failing back|reverting|switching) (?:to )?polling|\bcannot reach \S+, falling back to polling\b/i,
      },
      ...device,
      severity: 'warning',
      confidence: 0.7,
      remedy: 'reload_config_entry',
      actions: [
        {
          action_id: 'reload_config_entry',
          params: { entry_id: '$entry_id' },
          rationale:
            'Reloading {integration} reopens its live connection; while it polls, updates arrive late or not at all.',
          risk: 'low',
        },
      ],
      variants: [
        {
          // Home Assistant cannot open the device's event subscription at all: a network that
          // keeps the two apart (VLANs, a firewall, the device's event port), not a dropped link.
          when: { text: /\bcannot reach \S+, falling back to polling\b/ },
          set: {
            remedy: 'check_network_or_device',
            actions: [],
            rootCause:
              'Home Assistant cannot reach the device at the address it has for events (“{detail}”), so {integration} polls instead: changes show up late and events can be missed. A firewall, separate VLANs or a blocked port keep the device and Home Assistant apart, or the device is off.',
            manualSteps: [
              'Check that Home Assistant and the device can reach each other on the ports the integration’s documentation names (its network requirements), across VLANs and firewalls.',
              'Once they can, {integration} subscribes to events again by itself.',
            ],
          },
        },
      ],
      title: '{integration} lost its live connection and only polls',
      rootCause:
        '{integration}’s live connection to[[ {host}]] is down (“{detail}”), so it falls back to polling: changes show up late and events (doorbells, motion) can be missed. The device or its controller restarted or updated, or the network dropped the connection, and {integration} does not always reopen it by itself.',
      impact: 'Entities of {integration} update late; events from it may be missed.',
      manualSteps: [
        'Reload {integration} (Settings → Devices & services → {integration} → ⋮ → Reload) once its controller is reachable.',
        'If it keeps dropping, check the controller’s firmware and the network between it and Home Assistant.',
      ],
    },
    {
      // An HTTP 5xx is an answer: the network works, and the server behind it fails (a
      // vendor's outage or maintenance). Waiting helps; the user's network does not need
      // checking. Home Assistant's own 500s (a config flow that crashed) are bugs, not this.
      id: 'service_error',
      match: {
        text: new RegExp(
          `${SERVER_ERROR.source}|${/\b(?:Bad Gateway|Service (?:Temporarily )?Unavailable|Gateway Time-?out)\b|(?:HTTP|status|code|returned|response)[^\n\d]{0,12}\b50[0234]\b|\b(?<!Resource )(?:temporarily unavailable|under maintenance|maintenance in progress)\b/.source}`,
          'i',
        ),
        // Docker's own API (the Supervisor pulling images) answers 500 for local faults too.
        unless:
          /Server got itself in trouble|Config flow could not be loaded|\bupstream\b|\bnginx\b|http\+docker|Can't (?:install|pull)\b|\bServer Error: [\w ]+ \("|\bSupervisor returned\b|\bdockerd?\b/i,
      },
      ...device,
      category: 'network_unreachable',
      remedy: 'notify_only',
      confidence: 0.64,
      actions: [],
      variants: [
        {
          // A device on the own network answering with server errors is the device's problem.
          when: { publicHost: false },
          set: {
            category: 'device_unavailable',
            remedy: 'check_network_or_device',
            rootCause:
              '{host} answers {integration} with a server error (“{detail}”): the device is up but its own software fails; it often needs a restart or a firmware update.',
            manualSteps: [
              'Restart {host} (power it off and on) and check for a firmware update.',
              '{integration} recovers on its own once {host} answers normally.',
            ],
          },
        },
      ],
      title: 'The service of {integration} answers with server errors',
      rootCause:
        'The service {integration} talks to[[ ({host})]] answered with a server error (“{detail}”): the network works, but the service itself is down, overloaded or in maintenance.',
      impact:
        'Updates from {integration} stop until the service recovers; entities may go stale or unavailable.',
      manualSteps: [
        'Check the service’s status page or the integration’s issue tracker; outages are fixed on the vendor’s side.',
        '{integration} recovers on its own once the service answers normally; reloading or restarting does not speed that up.',
      ],
    },
    {
      // The library says it outright: the service's answers no longer have the shape it
      // was written for. The network and the credentials are fine; only a new release helps.
      id: 'service_changed',
      match: {
        text: /\bAPI (?:has |have )?changed\b|\bchanged (?:its|their|the) API\b/i,
      },
      ...device,
      category: 'other',
      remedy: 'notify_only',
      confidence: 0.7,
      actions: [],
      variants: [customRelease],
      title: 'The service behind {integration} changed its API',
      rootCause:
        '{integration} says the service or device it talks to changed its API (“{detail}”): its answers no longer have the shape the integration, or its library, was written for. Reloading or signing in again sends the same requests; a release that follows the change is needed.',
      impact:
        'Some or all of the data of {integration} is missing until a release that follows the change is installed.',
      manualSteps: [
        'Look for a release of {integration} (or of Home Assistant, for a built-in integration) that follows the change, and update.',
        'A firmware update of the device can cause this too: check the integration’s issue tracker for the firmware version.',
      ],
    },
    {
      // Zigbee, Z-Wave and Thread devices are nodes of a mesh: a node the controller marks
      // dead, or a frame no node acknowledged or could route, means the device is off, its
      // battery empty or out of range of a router. Reloading changes nothing; the mesh does.
      // zigpy's radio libraries name the radio's status for a frame they could not send
      // (`Failed to send request: <Status.MAC_NO_ACK: 233>`).
      id: 'mesh_node',
      match: {
        text: /\b[Nn]ode \d+ (?:is|has been marked as|was marked as|is presumed) dead\b|\bpresumed dead\b|\bMAC[_ ]NO[_ ]ACK\b|'MAC no ack'|\bNWK_NO_ROUTE\b|\bNo network route\b|\bMAC_CHANNEL_ACCESS_FAILURE\b|\bMAC channel access failure\b|\bThe node is dead\b|\bFailed to deliver message\b|\bDELIVERY_FAILED\b|\bFailed to (?:send request|deliver packet): <?\w*Status\.|\bAPS_NO_ACK\b|\bMAC_TRANSACTION_EXPIRED\b|\bFailed to send the command after \d+ attempts?\b|\bping failed: [^\n]*\(Status NoAck\)|\bFailed to interview '[^'\n]+', device has not successfully been paired\b|\bUnable to establish CASE session with Node \d+|\bUnable to resolve Node \d+|\bUnable to subscribe to Node\b|\bNode setup not completed after \d+ minutes\b|\bdid not complete setup in \d+ minutes\b|\bchanged state while reported as disconnected\. This (?:might be|is) an indicator that routing is not working\b/i,
      },
      ...device,
      confidence: 0.7,
      actions: [],
      title: 'A mesh device of {integration} does not answer',
      rootCause:
        'A Zigbee, Z-Wave or Thread device of {integration} did not acknowledge or could not be routed to (“{detail}”): it is off, its battery is empty, or it is out of range of the mesh’s routers. Frames to it fail until it answers again.',
      impact: 'That device’s entities are unavailable or do not react to commands.',
      manualSteps: [
        'Check the device’s power or battery, and bring it closer to a mains-powered router or repeater of the mesh.',
        'Keep the radio stick away from USB 3 ports and Wi-Fi gear (interference), using a USB extension cable.',
        'Reloading {integration} does not bring a device back; it rejoins once it is in reach and powered.',
      ],
    },
    {
      // Home Assistant's stream worker reading a camera's RTSP stream: it cannot open it, or
      // the camera sends a broken or ending stream. Most often the camera's own firmware or
      // its Wi-Fi, sometimes a wrong stream address.
      id: 'camera_stream',
      match: {
        text: /\bError from stream worker: |\bUnable to read frames from ffmpeg process\b|\bFfmpeg process crashed unexpectedly for\b|\bNo frames received from \S+ in \d+ seconds\b|^Error opening stream \S|\bStream ended; no additional packets\b|\bNo dts in \d+ consecutive packets\b|\bTimestamp discontinuity detected\b|\bError demuxing stream\b/m,
      },
      ...device,
      confidence: 0.74,
      variants: [
        {
          // The camera answers, but the address names no video stream.
          when: { text: /\bStream has no video\b|\b(?:404|Not Found)\b|\b401\b|Unauthorized/ },
          set: {
            category: 'invalid_config',
            remedy: 'fix_config_then_reload',
            rootCause:
              'The camera answers, but not with a video stream at the address configured (“{detail}”): the stream path, the user or the password is wrong, or a firmware update changed the stream’s address.',
            manualSteps: [
              'Open the stream address in VLC with the same user and password to see what the camera sends.',
              'Correct the stream address or the credentials in the camera’s entry (Reconfigure), then reload it.',
            ],
          },
        },
      ],
      title: 'The camera stream[[ of {integration}]] cannot be read',
      rootCause:
        'Home Assistant cannot read the camera’s video stream (“{detail}”): the camera does not answer on its stream port, drops the stream, or sends packets out of order. Weak Wi-Fi, an overloaded camera (too many clients or a high bitrate) and camera firmware are the usual causes.',
      impact:
        'The camera’s live view and recordings fail or stutter; the rest of Home Assistant is not affected.',
      manualSteps: [
        'Check the camera’s network connection (a wired connection or a stronger Wi-Fi signal) and that it is not streaming to too many clients at once.',
        'Lower the stream’s bitrate or resolution in the camera, or use its sub-stream, and update its firmware.',
        'Open the stream address in VLC: if it stutters there too, the camera is the cause.',
      ],
    },
    {
      // HACS downloading a repository's files from GitHub: cut short, missing, or refused.
      id: 'hacs_download_failed',
      match: {
        text: /\bDownload was not completed\b|\] was not downloaded\.|\bDownloading \S+ with version \S+ failed with\b|\bDownload of https:\/\/github\.com\/\S+ failed\b/,
      },
      ...device,
      category: 'network_unreachable',
      confidence: 0.72,
      actions: [],
      title: 'HACS could not download a repository',
      rootCause:
        'HACS could not download a repository’s files from GitHub (“{detail}”): GitHub did not answer or refused for a while (its rate limit), the release has no such file, or the files could not be written.',
      impact: 'The install or update did not happen; the version installed before stays in place.',
      manualSteps: [
        'Try the download again later: GitHub’s rate limit for HACS resets within an hour.',
        'Check that Home Assistant reaches github.com (DNS, a proxy, an ad blocker such as Pi-hole or AdGuard blocking it).',
        'If it keeps failing for one repository, check its releases on GitHub: the file HACS expects may be missing from them.',
      ],
    },
    {
      // Home Assistant Cloud's Remote UI: its tunnel to Nabu Casa's servers (SniTun) fails.
      id: 'cloud_remote',
      match: {
        text: /\bConnection problem to snitun server\b|\bCan't refresh the snitun token\b|\bCan't handle request-connection without backend\b|\bCan't update remote details from Home Assistant cloud\b/,
      },
      ...device,
      category: 'network_unreachable',
      remedy: 'notify_only',
      confidence: 0.74,
      actions: [],
      title: 'Remote access through Home Assistant Cloud is interrupted',
      rootCause:
        'Home Assistant’s tunnel to Home Assistant Cloud’s servers for remote access fails (“{detail}”): the internet connection dropped, something on the way blocks it, or Nabu Casa’s servers have trouble. It reconnects by itself.',
      impact:
        'Remote access through the Nabu Casa address does not work meanwhile; the local network and voice assistants through the cloud may be affected too.',
      manualSteps: [
        'Check the internet connection, and Nabu Casa’s status page (status.home-assistant.io) for an outage.',
        'If it lasts, turn remote access off and on (Settings → Home Assistant Cloud); a firewall or VPN on the router may block the tunnel.',
      ],
    },
    {
      id: 'communication',
      match: {
        text: [
          CONNECTION_FAILED,
          // "Unexpected error fetching …" is HA's word for an update that raised: the code's fault.
          /(?<!Unexpected )Error fetching \S[^\n:]{0,60}? data\b|Unable to fetch data|Can ?not load data|Could not retrieve data|Failed to (?:update|fetch|retrieve|get|read) (?:the )?(?:device )?(?:data|status|state)|lost connection|device (?:is )?(?:unreachable|not available)|marking (?:\w+ )?unavailable|became unavailable|\b[Dd]evice \S+ (?:is )?unavailable\b|Unable to discover (?:the )?device|No PONG received|ping (?:timed out|timeout)|missed (?:\d+ )?heartbeats?|heartbeat (?:timed out|timeout|failed)|Server disconnected/i,
          // A device said to be gone, in the words integrations use for it.
          /\bMax retries exceeded with url\b|\b(?:is|went|has gone) (?:offline|unreachable)\b|\b[Dd]evice \S+ (?:has )?disconnected\b|\bFailed to communicate with\b|\bnot found on (?:the )?(?:local )?network\b/,
          // pymodbus: the device (or the gateway in front of it) sent nothing back, or the
          // connection to it is not there.
          /\bNo [Rr]esponse received (?:after \d+ retries|from the remote (?:unit|slave)|, expected at least)\b|\bGateway(?:NoResponse|PathUnavailable)\b|\bModbus Error: \[Connection\] (?:Not connected|Client is not connected|Connection lost|[^\n]*Connection unexpectedly closed)/,
        ],
        // The peer answered, with data the code cannot read (a changed API, a library bug), or
        // with a client error: it was reached and refuses the request as sent.
        unless:
          /\b\d+ validation errors? for \w+|\b(?:status(?: code)?|resp(?:onse)? code):? ?(?:400|404|405|409|410|422)\b/i,
      },
      ...device,
      confidence: 0.6,
      variants: PEER_VARIANTS,
      title: '{integration} cannot communicate with {host}',
      rootCause:
        '{integration} fails to talk to {host} (“{detail}”): the device or service is offline, restarting, or answering with errors.',
    },
    {
      // The peer answered with bytes its protocol does not allow: XML that does not parse
      // (expat's words), text that is not UTF-8. A file read that way is the configuration's.
      id: 'garbled_answer',
      match: {
        text: /\bnot well-formed \(invalid token\)|['‘’]utf-?8['‘’] codec can['‘’]t decode byte/i,
        unless: /\.(?:ya?ml|json|conf|txt)\b/,
      },
      ...device,
      confidence: 0.45,
      title: '{integration} gets an answer from {host} it cannot read',
      rootCause:
        '{host} answered {integration} with data its protocol does not allow (“{detail}”): devices answer that way while they are half-started or their web server is stuck, and sometimes after a firmware update changed what they send.',
      manualSteps: [
        'Restart {host}: unplug it for a few seconds; most devices answer properly again.',
        'If it keeps happening after a firmware update of {host}, report it to {integration} with this line.',
      ],
    },
    {
      id: 'entities_unavailable',
      match: { kind: ['entities_unavailable'] },
      ...device,
      confidence: 0.55,
      title: 'Entities of {integration} are unavailable',
      rootCause:
        'Entities of {integration} have been unavailable for a while although the integration is loaded: the device or hub behind them does not report.',
      variants: [
        {
          // Many devices behind one hub, bridge or broker: the root is what failed.
          when: { outage: true },
          set: {
            confidence: 0.7,
            title: '{root} is down: {devices} devices are unavailable',
            rootCause:
              '{root} does not answer, and every device that depends on it went unavailable with it ({device_list}): the problem is {root}, not each device.',
            impact:
              'The {devices} devices behind {root} are unavailable until {root} is back and they report again.',
            manualSteps: [
              'Check {root}: its power, its network or USB connection, and (for a broker or an add-on) that it runs.',
              'Once {root} is back, the devices recover by themselves; the incident resolves when they report again.',
            ],
          },
        },
      ],
    },
  ],
};
