/**
 * MQTT clients and the messages they publish, as the broker and Home Assistant's MQTT
 * integration report them (the broker being unreachable is the network family's).
 */
import type { SignatureFamily } from '../types.js';
import { common } from './config-parts.js';

/** Clients that knock each other off, discovery messages Home Assistant cannot use. */
export const mqtt: SignatureFamily = {
  family: 'mqtt',
  signatures: [
    {
      // The broker drops the older connection of a client id that connects again: now and then
      // a device's reconnect, but over and over two devices (or two programs) sharing one id.
      id: 'client_id_clash',
      match: {
        text: /\bClient (?<client>\S+) already connected, closing old connection\b/,
        minCount: 5,
      },
      ...common,
      severity: 'warning',
      confidence: 0.72,
      title: 'Two MQTT clients use the client id {client}',
      rootCause:
        'The broker keeps closing the connection of {client} because a new one connects with the same client id (“{detail}”, {count} times): two devices or programs share that id (a cloned firmware or configuration), so each knocks the other off and both miss messages.',
      impact:
        'Both clients connect and drop in turns; their entities flap and commands to them get lost.',
      manualSteps: [
        'Find the devices or programs that use {client} (the broker log shows their addresses) and give each its own client id (Tasmota: MqttClient; ESPHome: `client_id`).',
        'Then restart them; the broker log should show each connecting once.',
      ],
    },
    {
      // A discovery message an MQTT device or bridge published that Home Assistant cannot use.
      id: 'discovery_rejected',
      match: [
        { text: /\bReceived message on illegal discovery topic\b/ },
        {
          text: /^Unable to parse JSON \S+: |^Integration \w+ is not supported$/m,
          logger: /^homeassistant\.components\.mqtt\.discovery$/,
        },
      ],
      ...common,
      remedy: 'notify_only',
      severity: 'warning',
      confidence: 0.8,
      title: 'MQTT discovery: a device announces itself in a way Home Assistant cannot use',
      rootCause:
        'An MQTT device or bridge published a discovery message Home Assistant cannot use (“{detail}”): its topic has characters a topic may not have, its JSON is cut or invalid, or it names a kind of entity MQTT does not provide. The entity it announces is not created.',
      impact: 'The entity that message announces does not appear.',
      manualSteps: [
        'Update the firmware or bridge that publishes the message (Zigbee2MQTT, Tasmota, ESPHome, a converter); the message names the topic.',
        'If it is your own publisher, send valid JSON on `homeassistant/<component>/<node_id>/<object_id>/config` with only letters, digits, `_` and `-` in the ids; clear the retained message to stop the error.',
      ],
    },
  ],
};
