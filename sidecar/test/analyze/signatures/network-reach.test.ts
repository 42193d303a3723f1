/** Real-world wordings of the network family's failures (signatures/network.ts): a host that cannot be reached: names, routes, refusals and timeouts. */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('network (reaching a host)', [
  c(
    'ESPHome unable to find a device by its name for an upload',
    input(null, [
      line(
        'ERROR Error resolving IP address of livingroom-sensor.local. Is it connected to WiFi?',
        'UNKNOWN',
        null,
      ),
    ]),
    'network.dns',
    'network_unreachable',
    'fix_config_then_reload',
  ),
  c(
    "the proxy's upstream name that does not resolve",
    input('hassio', [
      line(
        'nginx: [emerg] host not found in upstream "homeassistant" in /etc/nginx.conf:56',
        'UNKNOWN',
        null,
      ),
    ]),
    'network.dns',
    'network_unreachable',
    'fix_config_then_reload',
  ),
  c(
    // The integration's own words name its peer a remote API: the service is slow, not a device.
    'a timeout talking to the API of a service',
    input('kidde', [
      line(
        'Error fetching kidde data: TimeoutError while communicating with API: ',
        'ERROR',
        'custom_components.kidde.coordinator',
      ),
    ]),
    'network.timeout',
    'network_unreachable',
    'notify_only',
  ),
  c(
    'a local host name that does not resolve',
    input('octoprint', [
      line(
        'Error fetching octoprint data: Cannot connect to host octopi.lan:80 ssl:default [Name or service not known]',
      ),
    ]),
    'network.dns',
    'network_unreachable',
    'fix_config_then_reload',
  ),
  c(
    'a public host name that does not resolve',
    input('met', [
      line(
        'Error fetching met data: Cannot connect to host api.met.no:443 ssl:default [Temporary failure in name resolution]',
      ),
    ]),
    'network.dns',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    "an add-on's host name that does not resolve",
    input('influxdb', [
      line(
        "Cannot connect to InfluxDB due to HTTPConnectionPool(host='a0d7b954-influxdb', port=8086): [Errno -2] Name or service not known",
      ),
    ]),
    'network.dns',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    'no route out of the host',
    input('solaredge', [
      line(
        "Failed to establish a new connection: [Errno 101] Network is unreachable (host='monitoringapi.solaredge.com')",
      ),
    ]),
    'network.no_route',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    'a LAN device that does not answer',
    input('tplink', [
      line('Unable to query the device: 192.168.1.30: [Errno 113] Host is unreachable', 'WARNING'),
    ]),
    'network.host_unreachable',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a cloud host that does not answer',
    input('tibber', [
      line('Cannot connect to host api.tibber.com:443 ssl:default [Connect call failed]'),
    ]),
    'network.host_unreachable',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    'a device API that refuses',
    input('roku', [line('Error connecting to 192.168.1.40:8060: [Errno 111] Connection refused')]),
    'network.refused',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a timeout on a LAN device',
    input('denonavr', [
      line('Timeout connecting to Denon AVR receiver at host 192.168.1.120. Device is unavailable'),
    ]),
    'network.timeout',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a DNS server that does not answer, not a wrong name',
    input('esphome', [
      line(
        "Can't connect to ESPHome API for kitchen.local: Timeout while resolving IP address for ['kitchen.local'] (ResolveTimeoutAPIError)",
        'WARNING',
        'homeassistant.components.esphome',
      ),
    ]),
    'network.dns',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    'a .local name no device answers: the device is off or asleep, not the network',
    input('brother', [
      line(
        "Error fetching brother data: Bad IPv4/UDP transport address HL-L2350DW.local@161: [Errno -2] Name does not resolve caused by <class 'socket.gaierror'>",
        'ERROR',
        'homeassistant.components.brother',
        4,
      ),
    ]),
    'network.dns',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a cloud integration whose service times out: the service is slow, the home’s connection works',
    input('ring', [
      line('Timeout fetching ring devices data', 'ERROR', 'homeassistant.components.ring'),
    ]),
    'network.timeout',
    'network_unreachable',
    'notify_only',
  ),
  c(
    'a DNS failure as aiohttp names it',
    input('sonoff', [
      line(
        "ClientConnectorDNSError(ConnectionKey(host='eu-api.example.com', port=443), OSError(None, 'DNS server returned general failure'))",
        'ERROR',
      ),
    ]),
    'network.dns',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    'a port written into the host field',
    input('hassio', [line('Error: getaddrinfo ENOTFOUND my-broker:1883', 'ERROR')]),
    'network.dns',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a name the DNS server has no address for',
    input('acme_cloud', [line('ConnectError: [Errno -5] Name has no usable address', 'ERROR')]),
    'network.dns',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    'multicast DNS failing on an interface without a route',
    input('zeroconf', [
      line(
        "Error with socket 12 (('::1', 5353, 0, 0))): [Errno 101] Network is unreachable",
        'WARNING',
        'zeroconf',
      ),
    ]),
    'network.no_route',
    'network_unreachable',
    'notify_only',
  ),
  c(
    'a service on the loopback address that does not answer (an add-on that is not running)',
    input('esphome', [
      line(
        "Dashboard unavailable; skipping reauth: Cannot connect to host 127.0.0.1:63261 ssl:default [Connect call failed ('127.0.0.1', 63261)]",
        'WARNING',
        'homeassistant.components.esphome.dashboard',
      ),
    ]),
    'network.host_unreachable',
    'addon_crash',
    'restart_addon',
  ),
  c(
    'a service on localhost that refuses connections',
    input('nodered', [
      line(
        "Error fetching nodered data: Cannot connect to host localhost:1880 ssl:default [Connect call failed ('127.0.0.1', 1880)] [Errno 111] Connection refused",
        'ERROR',
        'custom_components.nodered',
      ),
    ]),
    'network.host_unreachable',
    'addon_crash',
    'restart_addon',
  ),
  c(
    'Docker asking a DNS server on the host that is not running',
    input('hassio', [
      line(
        'Can\'t install ghcr.io/home-assistant/qemux86-64-homeassistant:2021.9.7: 500 Server Error for http+docker://localhost/v1.41/images/create: Internal Server Error ("Get https://ghcr.io/v2/: dial tcp: lookup ghcr.io on [::1]:53: read udp [::1]:57816->[::1]:53: read: connection refused")',
        'ERROR',
        'supervisor.docker.interface',
      ),
    ]),
    'network.dns',
    'network_unreachable',
    // The name is fine; the DNS server the host uses does not answer.
    'check_network_or_device',
  ),
  c(
    // denonavr's own exception (its spelling) around httpx's TimeoutException.
    'a receiver that does not answer in time, in denonavr’s words',
    input('denonavr', [
      line(
        'denonavr.exceptions.AvrTimoutError: TimeoutException for http://192.168.1.50:8080/goform/AppCommand.xml: ',
        'ERROR',
        'denonavr.decorators',
      ),
    ]),
    'network.timeout',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // Home Assistant Google Drive Backup's own words (the add-on's console line).
    'a backup add-on that cannot resolve Google’s host',
    input('hassio', [line('Unable to resolve host www.googleapis.com', 'ERROR')]),
    'network.dns',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    // CoreDNS (the Supervisor's DNS plugin) stops when its upstream is itself.
    'the DNS plugin finding a forwarding loop',
    input('hassio', [
      line(
        '[FATAL] plugin/loop: Loop (127.0.0.1:46318 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 4547991504243258144.3688648895315093531."',
        'UNKNOWN',
      ),
    ]),
    'network.dns',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    // Home Assistant's SMTP notifier.
    'a mail server that refuses the connection',
    input('smtp', [
      line(
        'SMTP server not found or refused connection (smtp.example.com:587). Please check the IP address, hostname, and availability of your SMTP server',
        'ERROR',
        'homeassistant.components.smtp.notify',
      ),
    ]),
    'network.refused',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // ring-mqtt waits for the host's network before it starts.
    'a bridge add-on that finds the network offline',
    input('hassio', [
      line('ring-mqtt Network is offline, waiting 10 seconds to check again...', 'UNKNOWN'),
    ]),
    'network.no_route',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    // expat's words for XML that does not parse: a receiver answering its HTTP API with garbage.
    'a device answering with XML that does not parse',
    input('denonavr', [
      line(
        'Error XMLParseError: not well-formed (invalid token): line 9, column 26 occurred in method async_update for Denon AVR receiver',
        'ERROR',
        'homeassistant.components.denonavr.media_player',
      ),
    ]),
    'network.garbled_answer',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // A device's answer with bytes that are not text, quoted as the forum turned its quotes.
    'a device answering with bytes that are not UTF-8',
    input('yamaha_musiccast', [
      line(
        '‘utf-8’ codec can’t decode byte 0xff in position 503: invalid start byte',
        'UNKNOWN',
        null,
      ),
    ]),
    'network.garbled_answer',
    'device_unavailable',
    'check_network_or_device',
  ),
]);
