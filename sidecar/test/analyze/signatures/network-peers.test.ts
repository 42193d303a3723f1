/** Real-world wordings of the network family's failures (signatures/network.ts): a peer that was reached but does not answer as it should: devices and vendors' services. */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('network (talking to a peer)', [
  c(
    // Mikrotik Router's words for a router it could not reach.
    'a router an integration had an error while connecting to',
    input('mikrotik_router', [
      line(
        'Mikrotik 192.168.88.1 error while connecting: None',
        'ERROR',
        'custom_components.mikrotik_router.mikrotikapi',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // pychromecast's heartbeat on a cast device that dropped off the network.
    'a cast device that is disconnected',
    input('cast', [
      line(
        'Chromecast is disconnected. Cannot ping until reconnected.',
        'ERROR',
        'pychromecast.controllers.heartbeat',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // samsungtv_smart's words for a TV it could not reach through SmartThings.
    'a TV a custom integration failed connecting to',
    input('samsungtv_smart', [
      line(
        'Failed connecting to SmartThings TV, error: None',
        'ERROR',
        'custom_components.samsungtv_smart.api.smartthings',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // midea_ac_lan, ha-bambulab: the socket to the device failed.
    'a socket error talking to a device',
    input('midea_ac_lan', [
      line(
        'Socket error: [Errno 9] Bad file descriptor',
        'ERROR',
        'custom_components.midea_ac_lan.midea.core.device',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // Home Assistant's integrations' own words (pi_hole, sabnzbd, rtorrent): "Connection to … failed".
    'a service whose connection failed, in an integration’s words',
    input('rtorrent', [
      line('Connection to rtorrent daemon failed', 'ERROR', 'homeassistant.components.rtorrent'),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // aurora_abb_powerone, anthemav, fritz: a device the integration cannot talk to.
    'a device an integration is unable to communicate with',
    input('aurora_abb_powerone', [
      line(
        'Unable to communicate with Aurora ABB Inverter at /dev/ttyUSB0: No response after 3 tries',
        'ERROR',
        'homeassistant.components.aurora_abb_powerone',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a device an integration could not establish a connection with',
    input('anthemav', [
      line(
        "Couldn't establish connection to 192.168.1.30:14999",
        'ERROR',
        'homeassistant.components.anthemav',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    "Frigate unable to read a camera's frames",
    input('hassio', [
      line(
        '2024-05-01 10:00:00.123456789  [2024-05-01 10:00:00] frigate.video                  ERROR   : front_door: Unable to read frames from ffmpeg process.',
        'UNKNOWN',
        null,
      ),
    ]),
    'network.camera_stream',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a Sonos speaker whose events do not reach Home Assistant',
    input('sonos', [
      line(
        'Office cannot reach 172.15.0.26:1400, falling back to polling, functionality may be limited, see https://www.home-assistant.io/integrations/sonos/#network-requirements',
        'WARNING',
        'homeassistant.components.sonos.entity',
      ),
    ]),
    'network.push_channel_lost',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a cloud request out of retries, its cause cut off',
    input('tuya', [
      line(
        "HTTPSConnectionPool(host='apigw.tuyaeu.com', port=443): Max retries exceeded with url: /v1.0/m/life/ha/access/config",
        'ERROR',
        'homeassistant.components.tuya',
      ),
    ]),
    'network.communication',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    'HACS failing to download a release',
    input('hacs', [
      line(
        '<Integration bramstroker/homeassistant-powercalc> Download was not completed',
        'ERROR',
        'custom_components.hacs',
      ),
    ]),
    'network.hacs_download_failed',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    "the Remote UI's tunnel to Home Assistant Cloud failing",
    input('cloud', [
      line(
        'Connection problem to snitun server (Challenge/Response error with SniTun server (0 bytes read on a total of 32 expected bytes))',
        'ERROR',
        'hass_nabucasa.remote',
      ),
    ]),
    'network.cloud_remote',
    'network_unreachable',
    'notify_only',
  ),
  c(
    'a Modbus device that does not answer through its gateway',
    input('modbus', [
      line(
        'Pymodbus: hub1: Exception Response(132, 4, GatewayNoResponse)',
        'ERROR',
        'homeassistant.components.modbus',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a camera stream that ends and starts again',
    input('generic', [
      line(
        'Error from stream worker: Stream ended; no additional packets',
        'ERROR',
        'homeassistant.components.stream.stream.camera.front_door',
      ),
    ]),
    'network.camera_stream',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a camera stream address the camera does not serve',
    input('generic', [
      line(
        'Error from stream worker: Error opening stream (HTTP_NOT_FOUND, Server returned 404 Not Found) rtsp://****:****@192.168.1.20:554/h264Preview_01_main',
        'ERROR',
        'homeassistant.components.stream.stream.camera.front_door',
      ),
    ]),
    'network.camera_stream',
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
    'a device the integration marks unavailable',
    input('sonos', [
      line('Subscription renewals for Living Room failed, marking unavailable', 'WARNING'),
    ]),
    'network.communication',
    'device_unavailable',
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
  c(
    // aiohue's event stream giving up on the bridge for a while.
    'a Hue bridge the event stream cannot reach',
    input('hue', [
      line(
        '10 Attempts to (re)connect to bridge failed - This might be an indication of connection issues.',
        'WARNING',
        'aiohue.v2[192.168.1.50].events',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // websockets: the peer vanished without closing the connection.
    'a WebSocket that dropped without a close frame',
    input('wyoming', [
      line(
        'websockets.exceptions.ConnectionClosedError: no close frame received or sent',
        'ERROR',
        'homeassistant.components.wyoming',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // aiohttp: the answer stopped half-way.
    'a device whose answer breaks off half-way',
    input('shelly', [
      line(
        "aiohttp.client_exceptions.ClientPayloadError: Response payload is not completed: <TransferEncodingError: 400, message='Not enough data to satisfy transfer length header.'>",
        'ERROR',
        'homeassistant.components.shelly',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // bleak: the Bluetooth device was not heard by any adapter or proxy.
    'a Bluetooth device no adapter can find',
    input('switchbot', [
      line(
        'bleak.exc.BleakDeviceNotFoundError: Device with address AA:BB:CC:DD:EE:FF was not found.',
        'ERROR',
        'homeassistant.components.switchbot',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // ha_xiaomi_home's words for a device it cannot reach.
    'a device the vendor’s cloud says may be offline',
    input('xiaomi_home', [
      line(
        'device may be removed or offline, 123456789',
        'WARNING',
        'custom_components.xiaomi_home.miot.miot_client',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // zwave-js-server-python's FailedZWaveCommand: the node did not acknowledge.
    'a Z-Wave command the node never acknowledged',
    input('zwave_js', [
      line(
        'zwave_js_server.exceptions.FailedZWaveCommand: zwave_error: Z-Wave error 204 - Failed to send the command after 1 attempts',
        'ERROR',
        'homeassistant.components.zwave_js',
      ),
    ]),
    'network.mesh_node',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // Home Assistant's UniFi Network integration when the controller's event stream drops.
    'a controller whose connection was lost',
    input('unifi', [
      line('Connection to UniFi Network lost', 'WARNING', 'homeassistant.components.unifi'),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // androidtvremote2's CannotConnect.
    'a TV the remote protocol could not reach, in “couldn’t” words',
    input('androidtv_remote', [
      line(
        "androidtvremote2.exceptions.CannotConnect: Couldn't connect to 192.168.1.50:6466",
        'ERROR',
        'androidtvremote2',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // pyatmo's ApiHomeReachabilityError: the cloud cannot reach the home's modules.
    'a home whose modules are all unreachable',
    input('netatmo', [
      line(
        'pyatmo.exceptions.ApiHomeReachabilityError: No Home update could be performed, all modules unreachable and not updated',
        'ERROR',
        'pyatmo.home',
      ),
    ]),
    'network.communication',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    // xknx: the KNX/IP interface did not accept a tunnel.
    'a KNX tunnel that could not be established',
    input('knx', [
      line(
        'xknx.exceptions.exception.CommunicationError: Tunnel connection could not be established',
        'ERROR',
        'homeassistant.components.knx',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // pyTibber's watchdog on its real-time stream.
    'a real-time stream whose connection is down',
    input('tibber', [
      line(
        'Watchdog: Connection is down, 2025-01-15 10:00:00.123456+00:00',
        'ERROR',
        'tibber.realtime',
      ),
    ]),
    'network.communication',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    // pySwitchbot gives up on a Bluetooth device.
    'a Bluetooth device whose communication failed',
    input('switchbot', [
      line(
        'Living Room Bot: communication failed; Stopping trying; RSSI: -88',
        'ERROR',
        'switchbot.devices.device',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // roombapy's MQTT link to the robot.
    'a robot that disconnected unexpectedly',
    input('roomba', [
      line(
        'Unexpectedly disconnected from Roomba 192.168.1.50, code The connection was lost',
        'WARNING',
        'roombapy.roomba',
      ),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // pylutron-caseta's keep-alive.
    'a bridge that does not answer the keep-alive ping',
    input('lutron_caseta', [
      line('ping was not answered. closing connection.', 'WARNING', 'pylutron_caseta.smartbridge'),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // deebot-client: the robot did not answer a command sent through Ecovacs' cloud.
    'a robot vacuum that does not answer a command',
    input('ecovacs', [
      line(
        'No response received for command "getCleanInfo_V2". This can happen if the device has network issues or does not support the command',
        'WARNING',
        'deebot_client.command',
      ),
    ]),
    'network.communication',
    'network_unreachable',
    'check_network_or_device',
  ),
]);
