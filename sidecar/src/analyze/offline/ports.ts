/**
 * Ports that only one of Home Assistant's own integrations talks to: the default port of
 * a device's or a server's own protocol, as that integration's documentation gives it. A
 * connection error that kept only `('<IP>', 9999)` of its logger still names Kasa. Ports
 * that several integrations or add-ons share (80, 443, 502 Modbus, 3000, 5000, 6668 Tuya,
 * 8080, 8096 Emby and Jellyfin, 54321 miIO) name none and are not here.
 */

/** Port → the integration whose protocol it is. */
export const DEVICE_PORTS: ReadonlyMap<number, string> = new Map([
  [1255, 'heos'], // HEOS CLI
  [1400, 'sonos'], // Sonos UPnP
  [1883, 'mqtt'], // MQTT broker
  [1925, 'philips_js'], // Philips TV JointSpace API
  [1926, 'philips_js'],
  [2323, 'fully_kiosk'], // Fully Kiosk Browser remote admin
  [3493, 'nut'], // Network UPS Tools
  [3551, 'apcupsd'], // apcupsd network information server
  [3671, 'knx'], // KNXnet/IP
  [4212, 'vlc_telnet'], // VLC telnet interface
  [5580, 'matter'], // Matter Server WebSocket
  [6053, 'esphome'], // ESPHome native API
  [6600, 'mpd'], // Music Player Daemon
  [6789, 'nzbget'], // NZBGet
  [7345, 'vizio'], // Vizio SmartCast API
  [7878, 'radarr'], // Radarr
  [8001, 'samsungtv'], // Samsung TV WebSocket API
  [8002, 'samsungtv'],
  [8009, 'cast'], // Google Cast
  [8060, 'roku'], // Roku External Control Protocol
  [8086, 'influxdb'], // InfluxDB HTTP API
  [8095, 'music_assistant'], // Music Assistant server
  [8181, 'tautulli'], // Tautulli
  [8728, 'mikrotik'], // RouterOS API
  [8729, 'mikrotik'],
  [8883, 'mqtt'], // MQTT broker over TLS
  [8989, 'sonarr'], // Sonarr
  [9091, 'transmission'], // Transmission RPC
  [9123, 'elgato'], // Elgato Key Light API
  [9999, 'tplink'], // TP-Link Kasa legacy protocol
  [11434, 'ollama'], // Ollama server
  [16021, 'nanoleaf'], // Nanoleaf OpenAPI
  [19999, 'netdata'], // Netdata
  [32400, 'plex'], // Plex Media Server
  [38899, 'wiz'], // WiZ UDP control
  [55000, 'panasonic_viera'], // Panasonic Viera
  [55443, 'yeelight'], // Yeelight LAN control
  [56700, 'lifx'], // LIFX LAN protocol
  [58846, 'deluge'], // Deluge daemon RPC
  [60128, 'onkyo'], // Onkyo eISCP
  [61208, 'glances'], // Glances API
]);

/**
 * A peer's port in the forms connection errors print: `host:port` (not `file.py:123`),
 * Python's `('<IP>', 9999)` address tuple, or `port 9999` / `port=9999`. A host name is tried
 * from its first label only: from every label, a long dotted word is read once per label.
 */
const PEER_PORT =
  /(?:(?:\d{1,3}\.){3}\d{1,3}|<IP>|<HOST>|localhost|\[[0-9a-fA-F:]+\]|(?<![\w.])[a-zA-Z][\w-]*(?:\.[\w-]+)*(?<!\.(?:py|js|ts|c|cc|cpp|h|yaml|yml|json|txt|log|sh))):(\d{2,5})\b(?![.:]\d)|\(['"][^'"]+['"], (\d{2,5})\)|\bport[ =:]+(\d{2,5})\b/g;

/** The integration whose protocol port a line names as its peer's, or null. */
export function portIntegration(text: string): string | null {
  for (const m of text.matchAll(PEER_PORT)) {
    const port = Number(m[1] ?? m[2] ?? m[3]);
    const domain = DEVICE_PORTS.get(port);
    if (domain) return domain;
  }
  return null;
}
