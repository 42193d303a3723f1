/** Real-world wordings of the mqtt family's failures (signatures/mqtt.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('mqtt', [
  c(
    'two MQTT clients knocking each other off with one client id',
    input('hassio', [
      line(
        '2024-05-01 10:00:00: Client DVES_5DFDC3 already connected, closing old connection.',
        'UNKNOWN',
        null,
        12,
      ),
    ]),
    'mqtt.client_id_clash',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'an MQTT discovery message on a topic with characters a topic may not have',
    input('mqtt', [
      line(
        "Received message on illegal discovery topic 'homeassistant/sensor/my.device/temp/config'. The topic contains not allowed characters. For more information see https://www.home-assistant.io/integrations/mqtt/#discovery-topic",
        'WARNING',
        'homeassistant.components.mqtt.discovery',
      ),
    ]),
    'mqtt.discovery_rejected',
    'invalid_config',
    'notify_only',
  ),
]);
