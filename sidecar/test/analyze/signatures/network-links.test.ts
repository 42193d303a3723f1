/** Real-world wordings of the network family's failures (signatures/network.ts): the radios, meshes and brokers devices hang off. */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('network (radios, meshes and brokers)', [
  c(
    // zigpy-znp (Texas Instruments sticks): the radio's status for a frame it could not send.
    'a Zigbee command the radio could not get to the device',
    input('zha', [
      line(
        '[140234] Error during service call to light.turn_on: Failed to send request: <Status.MAC_TRANSACTION_EXPIRED: 240>',
        'ERROR',
        'homeassistant.components.websocket_api.http.connection',
      ),
    ]),
    'network.mesh_node',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // zigpy-deconz (ConBee, RaspBee): the APS layer's status for a packet no node acknowledged.
    'a Zigbee packet the deCONZ radio could not deliver',
    input('zha', [
      line(
        "[0x5f2a:1:0x0006]: failed to send command 'on': Failed to deliver packet: <TXStatus.APS_NO_ACK: 167>",
        'WARNING',
        'homeassistant.components.zha.core.cluster_handlers',
      ),
    ]),
    'network.mesh_node',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // bellows and zigpy-deconz: the radio's queue refused the frame before sending it.
    'a Zigbee radio whose queue refuses a frame',
    input('zha', [
      line(
        'Failed to enqueue message: <sl_Status.ALLOCATION_FAILED: 25>',
        'ERROR',
        'bellows.zigbee.application',
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // zigpy-znp asked to send while its serial connection to the stick is down.
    'a Zigbee coordinator that is disconnected when a command is sent',
    input('zha', [
      line(
        'Coordinator is disconnected, cannot send request',
        'ERROR',
        'zigpy_znp.zigbee.application',
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // The OpenThread Border Router add-on's radio (a Thread or multiprotocol stick) silent.
    'a Thread radio co-processor that does not answer',
    input('hassio', [
      line(
        '00:00:02.345 [C] P-RadioSpinel-: Failed to communicate with RCP - no response from RCP during initialization',
        'UNKNOWN',
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a Matter node the server cannot reach',
    input('matter', [
      line(
        '<Node:13> Setup for node failed: Unable to establish CASE session with Node 13',
        'WARNING',
        'matter_server.server.device_controller',
      ),
    ]),
    'network.mesh_node',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a Hue light the bridge cannot route to',
    input('hue', [
      line(
        'Light Bank lamp changed state while reported as disconnected. This is an indicator that routing is not working for this device or the device is having connectivity issues.',
        'WARNING',
        'homeassistant.components.hue.bridge.light',
      ),
    ]),
    'network.mesh_node',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    "a Zigbee adapter's firmware stopping with a fatal error",
    input('hassio', [
      line(
        '[2025-01-19 19:04:10] error: \tzh:ember:uart:ash: ASH disconnected | Adapter status: ASH_NCP_FATAL_ERROR',
        'UNKNOWN',
        null,
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a Z-Wave controller that stops answering',
    input('hassio', [
      line('2024-05-01T10:00:00.000Z CNTRLR   The controller is unresponsive', 'UNKNOWN', null),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a serial port another program holds',
    input('hassio', [
      line(
        '[2024-06-06 16:04:24] error: \tzh:ezsp:ezsp: Connection attempt 1 error: Error: Error Resource temporarily unavailable Cannot lock port',
        'UNKNOWN',
        null,
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'fix_config_then_reload',
  ),
  c(
    "a radio stick's serial port failing is no disk failing",
    input('hassio', [
      line(
        '2024-05-01T10:00:00.000Z DRIVER   Serial port errored: Input/output error',
        'UNKNOWN',
        null,
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a Z-Wave node the controller gave up on',
    input('hassio', [
      line('2024-05-01T10:00:00.000Z CNTRLR   [Node 004] The node is dead.', 'UNKNOWN', null),
    ]),
    'network.mesh_node',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a Zigbee device that could not be paired',
    input('hassio', [
      line(
        "[2025-01-19 19:04:10] error: \tz2m: Failed to interview 'Living room sensor', device has not successfully been paired",
        'UNKNOWN',
        null,
      ),
    ]),
    'network.mesh_node',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a Bluetooth scanner that cannot be restarted',
    input('bluetooth', [
      line(
        'hci0 (00:1A:7D:DA:71:13): Failed to restart Bluetooth scanner: hci0 (00:1A:7D:DA:71:13): Failed to start Bluetooth: [org.bluez.Error.NotReady] Resource Not Ready',
        'ERROR',
        'habluetooth.scanner',
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a publish the MQTT broker never acknowledged',
    input('mqtt', [
      line(
        'No ACK from MQTT server in 10 seconds (mid: 1234)',
        'WARNING',
        'homeassistant.components.mqtt.client',
      ),
    ]),
    'network.mqtt_broker',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // After a kernel update the Pi's Broadcom controller stopped answering its commands.
    'the kernel saying a Bluetooth controller does not answer',
    input('bluetooth', [line('Bluetooth: hci0: Opcode 0x0c03 failed: -110', 'UNKNOWN', 'kernel')]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
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
    'a Z-Wave JS serial port that is gone',
    input('zwave_js', [line("Device '/dev/ttyAMA0' does not exist in Z-Wave JS", 'UNKNOWN')]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // zigpy's watchdog: the radio stopped answering its pings.
    'a Zigbee radio that stops answering zigpy’s watchdog',
    input('zha', [line('Watchdog failure', 'WARNING', 'zigpy.application')]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // bellows: the EmberZNet co-processor reports a fatal state.
    'an EmberZNet radio whose co-processor entered its failed state',
    input('zha', [
      line('NCP entered failed state. Requesting APP controller restart', 'ERROR', 'bellows.ezsp'),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // zigpy's energy scan at start-up.
    'a Zigbee channel too busy to carry the network',
    input('zha', [
      line('Zigbee channel 15 utilization is 78.43%!', 'WARNING', 'zigpy.application'),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // zigpy-znp refusing to form a network on a noisy channel.
    'a Zigbee radio refusing to form a network in RF noise',
    input('zha', [
      line(
        'zigpy.exceptions.FormationFailure: Network formation refused: there is too much RF interference. Make sure your coordinator is on a USB 2.0 extension cable and away from any sources of interference, like USB 3.0 ports, SSDs, 2.4GHz routers, etc.',
        'ERROR',
        'zigpy_znp.api',
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // universal-silabs-flasher, as Home Assistant's hardware integration logs it.
    'a Zigbee stick that does not answer the firmware probe',
    input('homeassistant_hardware', [
      line(
        'RuntimeError: Failed to probe running application type',
        'ERROR',
        'universal_silabs_flasher.flash',
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // Home Assistant's hardware integration: the port is held while it flashes.
    'a stick another program holds while its firmware is updated',
    input('homeassistant_hardware', [
      line(
        'homeassistant.exceptions.HomeAssistantError: Failed to flash firmware: Device is used by another application',
        'ERROR',
        'homeassistant.components.homeassistant_hardware',
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'fix_config_then_reload',
  ),
  c(
    // rtl_433 in its add-on: no SDR stick it can open.
    'an SDR stick the rtl_433 add-on cannot open',
    input('hassio', [line('[rtl_433] [sdr_open_rtl] Failed to open rtlsdr device #0.', 'UNKNOWN')]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // bellows' delivery failure, wrapped by ZHA when a command is sent.
    'a Zigbee message the mesh could not deliver',
    input('zha', [
      line(
        'homeassistant.exceptions.HomeAssistantError: Failed to send request: Failed to deliver message: <EmberStatus.DELIVERY_FAILED: 102>',
        'ERROR',
        'homeassistant.components.zha',
      ),
    ]),
    'network.mesh_node',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    // The kernel's USB core failing to enumerate a stick (a cable, a hub or power).
    'a USB stick the host cannot enumerate',
    input('zha', [
      line(
        'Jan 15 10:00:00 homeassistant kernel: usb 1-1.2: device descriptor read/64, error -71',
        'UNKNOWN',
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
]);
