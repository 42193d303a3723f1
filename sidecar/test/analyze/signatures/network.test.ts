/** Real-world wordings of the network family's failures (signatures/network.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('network', [
  c(
    // After HAOS 11.4 the Pi 3's Broadcom controller stopped answering the kernel.
    'no Bluetooth adapter in the system',
    input('ble_monitor', [
      line(
        'There are no BT controllers present in the system!',
        'ERROR',
        'custom_components.ble_monitor',
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // Zigbee2MQTT 2.0 drove a Texas Instruments stick with the Silicon Labs driver.
    'Zigbee2MQTT starting its adapter with the wrong driver',
    input(null, [
      line(
        'z2m: Error: Failed to start EZSP layer with status=HOST_FATAL_ERROR.\n    at EmberAdapter.initEzsp (/app/node_modules/zigbee-herdsman/src/adapter/ember/adapter/emberAdapter.ts:670:19)',
        'ERROR',
      ),
    ]),
    'network.radio_driver_mismatch',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // The inverter's Wi-Fi dongle served one client at a time; another integration held it.
    'a Modbus device that does not answer',
    input('solis_modbus', [
      line(
        'Failed to read Modbus register: Modbus Error: [Input/Output] ERROR: No response received after 3 retries',
        'ERROR',
        'custom_components.solis_modbus.modbus_controller',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a Bluetooth adapter that is not there',
    input('ble_monitor', [
      line(
        'HCIdump thread: OS error (hci0): [Errno 19] error while attempting to bind on interface 0: No such device',
        'ERROR',
        'custom_components.ble_monitor',
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a device the integration was disconnected from, named with its address',
    input('androidtv_remote', [
      line(
        'Disconnected from SHIELD at 192.168.1.40',
        'WARNING',
        'homeassistant.components.androidtv_remote',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
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
    'an MQTT broker that refuses',
    input('mqtt', [
      line(
        'Failed to connect to MQTT server due to exception: [Errno 111] Connection refused',
        'ERROR',
        'homeassistant.components.mqtt.client',
      ),
    ]),
    'network.mqtt_broker',
    'device_unavailable',
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
    // pyserial's words when a second program reads the same port (here an energy meter's
    // integration opened the Zigbee stick's port).
    'a serial port two programs read at once',
    input('zha', [
      line(
        "Connection to the radio has been lost: SerialException('device reports readiness to read but returned no data (device disconnected or multiple access on port?)')",
        'ERROR',
        'zigpy.application',
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'fix_config_then_reload',
  ),
  c(
    'a USB radio that is gone',
    input('zha', [
      line(
        "Failed to connect to the radio: [Errno 2] could not open port /dev/ttyUSB0: [Errno 2] No such file or directory: '/dev/ttyUSB0'",
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a device the integration marks unavailable',
    input('sonos', [
      line('Subscription renewals for Living Room failed, marking unavailable', 'WARNING'),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a radio Home Assistant may not open',
    input('zha', [
      line(
        "Couldn't start deCONZ coordinator\nPermissionError: [Errno 13] Permission denied: '/dev/serial/by-id/usb-ConBee_II-if00'",
        'ERROR',
        'homeassistant.components.zha.core.gateway',
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'fix_config_then_reload',
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
    'a live connection that dropped to polling',
    input('unifiprotect', [
      line(
        'Unifi OS: Websocket connection not active, failing back to polling',
        'WARNING',
        'uiprotect.api',
      ),
    ]),
    'network.push_channel_lost',
    'device_unavailable',
    'reload_config_entry',
  ),
  c(
    'an integration that says itself it needs a reload to reconnect',
    input('eufy_security', [
      line(
        'Error fetching eufy_security data: Error communicating with Add-on: Connection to add-on was broken. please reload the integration!',
        'ERROR',
        'custom_components.eufy_security',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'reload_config_entry',
  ),
  c(
    "an update coordinator named with spaces that cannot fetch a sleeping device's data",
    input('shelly', [
      line(
        'Error fetching Shelly Door/Window 2 data: Sleeping device did not update within 21600 seconds interval',
        'ERROR',
        'homeassistant.components.shelly',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a device the update coordinator reached again by itself',
    input('tplink', [
      line(
        'Error fetching 192.168.1.20 data: Unable to connect to the device: 192.168.1.20:9999: ',
        'ERROR',
        'homeassistant.components.tplink.coordinator',
      ),
      line(
        'Fetching 192.168.1.20 data recovered',
        'INFO',
        'homeassistant.components.tplink.coordinator',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'notify_only',
  ),
  c(
    'a URL typed into the host field',
    input('unifi', [
      line(
        'Error connecting to the UniFi controller at https://192.168.1.2: Error requesting data from https://192.168.1.2: Cannot connect to host https:443 ssl:default [Try again]',
        'ERROR',
        'homeassistant.components.unifi',
      ),
    ]),
    'network.communication',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a device whose status cannot be fetched',
    input('tuya_local', [
      line(
        'Failed to fetch device status for Garden water timer',
        'ERROR',
        'custom_components.tuya_local.device',
        3,
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a hub that cannot be reached',
    input('hue', [
      line('Unable to reach bridge 192.168.1.20 (Error requesting data from 192.168.1.20: None)'),
    ]),
    'network.communication',
    'device_unavailable',
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
    'a device that stops answering the keep-alive',
    input('harmony', [
      line('10.0.0.40: Response error: No PONG received after 15.0 seconds', 'ERROR', 'aioharmony'),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a device that hangs up mid-request',
    input('foo_bridge', [
      line('Unexpected error: Server disconnected', 'ERROR', 'custom_components.foo_bridge'),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a device no connection attempt reaches (httpx)',
    input('rest', [
      line(
        'Error fetching data: http://10.0.0.9/api failed with All connection attempts failed',
        'ERROR',
        'homeassistant.components.rest.data',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a device said to be offline',
    input('acme', [line('Device Kitchen is offline', 'WARNING', 'custom_components.acme.light')]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a device said to have disconnected',
    input('acme', [
      line('Device 1234 disconnected', 'WARNING', 'homeassistant.components.acme.coordinator'),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a device the integration fails to communicate with',
    input('acme', [
      line('Failed to communicate with the device', 'ERROR', 'homeassistant.components.acme'),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a device no longer found on the network',
    input('acme', [
      line('Kitchen: device not found on network', 'WARNING', 'homeassistant.components.acme'),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
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
    'a device that cannot be reached',
    input('dreame_vacuum', [
      line(
        'custom_components.dreame_vacuum.dreame.exceptions.DeviceUpdateFailedException: Device cannot be reached',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a Z-Wave node the controller marked dead',
    input('zwave_js', [
      line(
        '[Node 012] The node did not respond after 1 attempts, it is presumed dead',
        'WARNING',
        'homeassistant.components.zwave_js',
      ),
    ]),
    'network.mesh_node',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a Zigbee device that acknowledged nothing (Zigbee2MQTT)',
    input('mqtt', [
      line(
        "z2m: Publish 'set' to 'Kitchen light' failed: 'Error: ZCL command 0x00158d0001a2b3c4/1 genOnOff.on({}) failed (Data request failed with error: 'MAC no ack' (233))'",
      ),
    ]),
    'network.mesh_node',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a Zigbee device no route leads to (ZHA)',
    input('zha', [
      line(
        '[0x3f2a:1:0x0006]: Failed to send request: NWK_NO_ROUTE',
        'WARNING',
        'homeassistant.components.zha.core.cluster_handlers',
      ),
    ]),
    'network.mesh_node',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    "a cloud service's outage (HTTP 503)",
    input('acme', [
      line(
        "Error fetching acme data: 503, message='Service Unavailable', url=URL('https://api.acme-cloud.com/v1/devices')",
        'ERROR',
        'custom_components.acme.coordinator',
      ),
    ]),
    'network.service_error',
    'network_unreachable',
    'notify_only',
  ),
  c(
    'a local device whose own software fails (HTTP 500)',
    input('acme', [
      line(
        'Error fetching data from 192.168.1.20: 500 Internal Server Error',
        'ERROR',
        'homeassistant.components.acme',
      ),
    ]),
    'network.service_error',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a Z-Wave JS serial port that is gone',
    input('zwave_js', [line("Device '/dev/ttyAMA0' does not exist in Z-Wave JS", 'UNKNOWN')]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
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
    // tesla_powerwall after firmware 1.48 dropped a field of the meters answer.
    'a library that says the API changed',
    input('powerwall', [
      line(
        "Powerwall api error: It seems like the Powerwall API changed for '<class 'tesla_powerwall.responses.MetersResponse'>'': Some attributes have been removed from the response: ['timeout']",
        'ERROR',
        'homeassistant.components.powerwall',
      ),
    ]),
    'network.service_changed',
    'other',
    'notify_only',
  ),
  c(
    'a custom integration whose service changed its API',
    input('weatherflow_cloud_x', [
      line(
        'The WeatherFlow API has changed; the key sea_level_pressure is missing',
        'ERROR',
        'custom_components.weatherflow_cloud_x.api',
      ),
    ]),
    'network.service_changed',
    'other',
    'update_or_remove_custom_component',
  ),
]);
